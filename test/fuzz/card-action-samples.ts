import type { CardAction, CardVerb } from "../../cards/card-actions";
import { REF, TODAY } from "../services/app/force-fixture";

/**
 * One valid `data` object per verb of the card-action union, for the fuzz test to mutate. When a verb is added to
 * cards/card-actions.ts, add its sample here: the fuzz test fails until every verb has one, so no verb goes unfuzzed.
 */
export const cardActionSamples: { [V in CardVerb]: Omit<Extract<CardAction, { verb: V }>, "verb"> } = {
  refresh: { view: "status" },
  "open-case": { ref: REF.overdueReview },
  "mark-seen": { officerId: "ds1", on: TODAY },
};

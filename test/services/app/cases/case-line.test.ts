import assert from "node:assert/strict";
import { describeCase, worstFirst } from "../../../../services/app/cases/case-line";
import { defaultPolicy, policySchema } from "../../../../services/domain/policy";
import { makeCase } from "../../../support/fixtures";
import { TODAY } from "../force-fixture";

/** A case with fresh review and update dates, so only its bail moves its urgency. */
const onBail = (ref: string, endsOn: string) =>
  makeCase({
    ref, risk: "low", openedOn: "2026-02-25", lastReviewedOn: "2026-03-02", lastUpdatedOn: "2026-03-02",
    bail: { kind: "pre-charge", startedOn: "2025-12-10", endsOn, regime: "pcsc-2022" },
  });

describe("case urgency bands (docs/domain-rules.md §3, urgency.*)", () => {
  const in2 = onBail("CF/20001/26", "2026-03-05");
  const in5 = onBail("CF/20002/26", "2026-03-08");
  const in9 = onBail("CF/20003/26", "2026-03-12");
  const urgency = (c: typeof in2, policy = defaultPolicy()) => describeCase(c, undefined, policy, TODAY).urgency;

  it("ranks bail within 2 days above bail within 7, above bail further out, by default", () => {
    assert.ok(urgency(in2) > urgency(in5) && urgency(in5) > urgency(in9));
    const lines = [in9, in5, in2].map((c) => describeCase(c, undefined, defaultPolicy(), TODAY)).sort(worstFirst);
    assert.deepEqual(lines.map((l) => l.ref), [in2.ref, in5.ref, in9.ref]);
  });

  it("takes the band edges from the policy", () => {
    const wide = policySchema.parse({ urgency: { bailCriticalWithinDays: 5, bailNearWithinDays: 9 } });
    assert.equal(urgency(in5, wide), urgency(in2, wide), "5 days left is now in the critical band");
    assert.ok(urgency(in9, wide) > urgency(in9), "9 days left is now in the near band");
  });
});

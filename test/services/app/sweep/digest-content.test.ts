import assert from "node:assert/strict";
import { digestContent, type DigestLookup } from "../../../../services/app/sweep/digest-content";
import { digestView } from "../../../../services/app/sweep/digest-view";
import { actionPlanTriggers } from "../../../../services/rules/action-plan-triggers";
import type { ReminderItem } from "../../../../services/rules/reminder-item";
import { defaultPolicy } from "../../../../services/domain/policy";
import { makePlan } from "../../rules/reminder-force";
import { makeCase, makeOfficer } from "../../../support/fixtures";

const dc1 = makeOfficer({ id: "dc1", name: "DC One", rank: "DC", aadObjectId: "aad-dc1", supervisorId: "ds1" });
const ds1 = makeOfficer({ id: "ds1", name: "DS Sergeant", rank: "DS", aadObjectId: "aad-ds1" });
const bailCase = makeCase({ ref: "CF/00001/26", oicId: "dc1" });
const lookup: DigestLookup = { casesByRef: new Map([[bailCase.ref, bailCase]]), plansById: new Map(), officersById: new Map([["dc1", dc1], ["ds1", ds1]]) };

const item = (facts: ReminderItem["facts"]): ReminderItem => ({
  kind: "bail-authority", subjectType: "case", subjectId: "CF/00001/26", dueOn: "2026-03-02", recipientId: "ds1", intendedRecipientId: "ds1",
  urgency: "urgent", action: "authority", facts,
});

describe("services/app/sweep/digest-content: a recipient's digest as a view (no card, no wording of dates)", () => {
  it("passes only vetted figures and dates into the view, structured for the card to word", () => {
    const view = digestContent(ds1, [item({ authority: "inspector", endsOn: "2026-03-05", daysLeft: 3, suspectName: "Not For Cards", conditions: "curfew" })], lookup, "2026-03-02");
    const line = view.groups[0]?.items[0];
    assert.deepEqual(line?.detail, { authority: "inspector", endsOn: "2026-03-05", daysLeft: 3 });
    assert.doesNotMatch(JSON.stringify(view), /Not For Cards|curfew/);
    assert.deepEqual(line?.action, { verb: "review", ref: "CF/00001/26" }, "the sergeant reviews a case that is not theirs");
    assert.equal(line?.officerName, "DC One");
    digestView.parse(view);
  });

  it("drops a fact that is not what the view declares (a date that is not a date, an unknown authority, a fraction)", () => {
    const view = digestContent(ds1, [item({ authority: "chief constable", endsOn: "soon", daysLeft: 2.5 })], lookup, "2026-03-02");
    assert.equal(view.groups[0]?.items[0]?.detail, undefined);
    digestView.parse(view);
  });

  it("carries the planner's count of missed checkpoints into the view (the fact the rule writes is the fact the digest reads)", () => {
    const plan = makePlan({ id: "plan-1" });
    // Checkpoints every 14 days from 11 Mar: 25 Mar and 8 Apr both missed by 10 Apr.
    const fired = actionPlanTriggers(plan, defaultPolicy(), "2026-04-10").fired.find((f) => f.kind === "plan-checkpoint-missed");
    assert.ok(fired, "the planner fires a missed-checkpoint item");
    const missedItem: ReminderItem = {
      kind: fired.kind, subjectType: "plan", subjectId: plan.id, dueOn: fired.on, recipientId: "ds1", intendedRecipientId: "ds1",
      urgency: fired.urgency, action: fired.action, facts: fired.facts,
    };
    const view = digestContent(ds1, [missedItem], { ...lookup, plansById: new Map([[plan.id, plan]]) }, "2026-04-10");
    assert.equal(view.groups[0]?.items[0]?.detail?.missed, 2);
    digestView.parse(view);
  });
});

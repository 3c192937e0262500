import assert from "node:assert/strict";
import { parseCardAction } from "../../cards/card-actions";
import { buildDigestCard, digestActionData, digestVerbs, type DigestCardData } from "../../cards/digest";
import { wordsOf } from "./card-words";
import { assertValidAdaptiveCard, buttonsIn, nodesIn } from "./validate-adaptive-card";

const fixed: DigestCardData = {
  recipientName: "DS Sergeant",
  day: "2026-03-02",
  groups: [
    { urgency: "info", items: [{ headline: "Monthly 1:1 not recorded", dueOn: "2026-03-01", officerName: "DC One" }] },
    {
      urgency: "urgent",
      items: [
        { headline: "Pre-charge bail has lapsed", dueOn: "2026-03-02", ref: "CF/00001/26", offenceCategory: "Indecent images of children", risk: "high", officerName: "DC One", action: { verb: "review", ref: "CF/00001/26" } },
      ],
    },
    {
      urgency: "action",
      items: [
        { headline: "No update recorded", dueOn: "2026-03-01", ref: "CF/00002/26", action: { verb: "confirm-progress", ref: "CF/00002/26" } },
        { headline: "Action plan checkpoint due", dueOn: "2026-03-01", officerName: "DC Two", action: { verb: "open-plan", planId: "plan-1" } },
        { headline: "Consider an action plan", dueOn: "2026-03-01", officerName: "DC Two", action: { verb: "start-plan", officerId: "dc2" } },
      ],
    },
  ],
};

describe("cards/digest", () => {
  it("renders an Adaptive Card 1.5 that passes the shared validator, every button a verb the bot handles", () => {
    assertValidAdaptiveCard(buildDigestCard(fixed));
  });

  it("gives every item with an action one Action.Execute whose data is a valid verb union, and none to items without", () => {
    const actions = buttonsIn(buildDigestCard(fixed));
    assert.equal(actions.length, 4);
    for (const a of actions) {
      const data = digestActionData.parse(a.data);
      assert.equal(a.verb, data.verb);
      assert.ok((digestVerbs as readonly string[]).includes(data.verb));
      assert.deepEqual(parseCardAction({ action: { type: "Action.Execute", verb: a.verb, data: a.data } }), { ok: true, action: data }, "the bot reads it as the same action");
    }
    assert.deepEqual(actions.map((a) => a.verb), ["review", "confirm-progress", "open-plan", "start-plan"]);
  });

  it("orders groups urgent, action, info whatever order the data gives", () => {
    const titles = nodesIn(buildDigestCard(fixed), (n) => n.type === "TextBlock" && n.weight === "Bolder" && typeof n.color === "string").map((n) => String(n.text));
    assert.deepEqual(titles, ["Urgent", "Needs your action", "For information"]);
  });

  it("refuses data that repeats an urgency group or carries an unknown verb", () => {
    assert.throws(() => buildDigestCard({ ...fixed, groups: [fixed.groups[0]!, fixed.groups[0]!] }));
    const tampered = { ...fixed, groups: [{ urgency: "action", items: [{ headline: "x", dueOn: "2026-03-01", action: { verb: "delete-case", ref: "CF/1" } }] }] };
    assert.throws(() => buildDigestCard(tampered as unknown as DigestCardData));
  });

  it("words an item's figures and dates itself, in a fixed order, from the view's structured detail", () => {
    const item = { headline: "Bail extension needs authority", dueOn: "2026-03-02" as const, ref: "CF/00001/26", detail: { authority: "inspector" as const, endsOn: "2026-03-05", daysLeft: 3 } };
    const words = wordsOf(buildDigestCard({ recipientName: "DS Sergeant", day: "2026-03-02", groups: [{ urgency: "urgent", items: [item] }] }));
    assert.match(words, /CF\/00001\/26 · due 2026-03-02 · needs an inspector, bail ends Thu 5 Mar 2026, 3 days left/);
    const today = wordsOf(buildDigestCard({ recipientName: "x", day: "2026-03-02", groups: [{ urgency: "info", items: [{ ...item, detail: { daysLeft: 0, overdueDays: 1, missed: 2 } }] }] }));
    assert.match(today, /ends today, 1 day overdue, 2 checkpoints missed/);
  });

  it("refuses detail the view does not declare, so nothing unvetted can reach the card", () => {
    const leaky = { ...fixed, groups: [{ urgency: "info", items: [{ headline: "x", dueOn: "2026-03-01", detail: { victimName: "A Person" } }] }] };
    assert.throws(() => buildDigestCard(leaky as unknown as DigestCardData));
  });
});

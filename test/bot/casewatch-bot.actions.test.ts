import assert from "node:assert/strict";
import { OTHER_TENANT, REF, TODAY } from "../services/app/force-fixture";
import { cardOf, execute, harnessPerTest, textOf, wordsOf } from "./bot-harness";

const DC1 = { aad: "aad-dc1" };
const DS1 = { aad: "aad-ds1" };
const SEEN_KEY = { kind: "card-action:mark-seen", subjectId: "ds1", dueOn: TODAY, recipientId: "card" };

describe("CasewatchBot card actions (Action.Execute invokes against the store)", function () {
  this.timeout(30_000);
  const h = harnessPerTest();

  const audits = () => h.repos.audit.between(TODAY, TODAY);

  it("answers with an Adaptive Card invoke response (200) that replaces the clicked card", async () => {
    const r = await h.click(DS1, execute("refresh", { view: "status" }));
    assert.equal(r.status, 200);
    assert.equal(r.body.statusCode, 200);
    assert.equal(r.body.type, "application/vnd.microsoft.card.adaptive");
    assert.match(textOf(r.card), /Team status: DS Aisha Khan/);
  });

  const views: [string, RegExp][] = [["my-cases", /My cases: DC Ben Carter/], ["due", /Due: DC Ben Carter/], ["help", /What you can ask Casewatch/], ["status", /Your cases: DC Ben Carter/]];
  for (const [view, expected] of views) {
    it(`refresh redraws the ${view} card in place`, async () => {
      assert.match(textOf((await h.click(DC1, execute("refresh", { view }))).card), expected);
    });
  }

  it("open-case replaces the card with the case and audits the view with the button as the reason", async () => {
    const r = await h.click(DC1, execute("open-case", { ref: REF.overdueReview }));
    assert.match(textOf(r.card), /Review overdue 14 days \(escalated\)/);
    const [entry] = await audits();
    assert.deepEqual([entry?.recordId, entry?.why], [REF.overdueReview, "action:open-case"]);
  });

  it("open-case on a case outside scope says not found, like a missing reference", async () => {
    const outOfScope = textOf((await h.click(DC1, execute("open-case", { ref: REF.yearStale }))).card).replaceAll(REF.yearStale, "<ref>");
    const missing = textOf((await h.click(DC1, execute("open-case", { ref: "CF/99999/26" }))).card).replaceAll("CF/99999/26", "<ref>");
    assert.equal(outOfScope, missing);
    assert.match(missing, /Case not found/);
  });

  it("mark-seen records once, names who and when, and does not freeze a personal chat", async () => {
    const r = await h.click(DS1, execute("mark-seen", { officerId: "ds1", on: TODAY }));
    assert.match(textOf(r.card), /Marked as seen by DS Aisha Khan at 10:42/);
    assert.doesNotMatch(textOf(r.card), /"verb":"mark-seen"/, "the button is gone once used");
    assert.deepEqual(r.updates, []);
    assert.equal((await h.repos.ledger.get(SEEN_KEY))?.sweepId, "actor:ds1");
    assert.equal((await audits()).filter((a) => a.operation === "collection").length, 1);
  });

  it("a second click (or Teams redelivering the invoke) records nothing and says it was already done, by whom", async () => {
    await h.click(DS1, execute("mark-seen", { officerId: "ds1", on: TODAY }));
    const again = await h.click(DS1, execute("mark-seen", { officerId: "ds1", on: TODAY }));
    assert.match(textOf(again.card), /Already marked as seen by DS Aisha Khan at 10:42/);
    assert.equal((await audits()).filter((a) => a.operation === "collection").length, 1);
  });

  it("a status card already seen today shows it, without the button", async () => {
    await h.click(DS1, execute("mark-seen", { officerId: "ds1", on: TODAY }));
    const card = textOf((await h.click(DS1, execute("refresh", { view: "status" }))).card);
    assert.match(card, /Seen by DS Aisha Khan at 10:42/);
    assert.doesNotMatch(card, /Mark as seen/);
  });

  for (const conversationType of ["channel", "groupChat"] as const) {
    it(`mark-seen in a ${conversationType} freezes the card for everyone with updateActivity`, async () => {
      const r = await h.click({ ...DS1, conversationType }, execute("mark-seen", { officerId: "ds1", on: TODAY }), { replyToId: "msg-42" });
      assert.equal(r.updates.length, 1);
      assert.equal(r.updates[0]?.id, "msg-42");
      const frozen = cardOf(r.updates[0]);
      assert.match(textOf(frozen), /Seen by DS Aisha Khan at 10:42/);
      assert.doesNotMatch(textOf(frozen), /Action\.Execute/, "a frozen card has no buttons");
    });
  }

  it("mark-seen on someone else's status card is refused and nothing is written", async () => {
    const r = await h.click(DC1, execute("mark-seen", { officerId: "ds1", on: TODAY }), { conversation: undefined });
    assert.match(textOf(r.card), /Not your card/);
    assert.equal(await h.repos.ledger.get(SEEN_KEY), undefined);
    assert.deepEqual(await audits(), []);
  });

  const malformed: [string, unknown, RegExp][] = [
    ["an unknown verb", execute("launch-missiles", {}), /"launch-missiles" is not an action Casewatch knows/],
    ["a missing field", execute("open-case", {}), /"open-case" button sent data .*ref/],
    ["a field that is not a crime reference", execute("open-case", { ref: "../../etc/passwd" }), /ref: is not a crime reference/],
    ["an unexpected field", execute("refresh", { view: "status", admin: true }), /Unrecognized key/],
    ["a bad view", execute("refresh", { view: "everything" }), /view/],
    ["a bad date", execute("mark-seen", { officerId: "ds1", on: "2026-02-30" }), /on: is not a real calendar date/],
    ["another button type", { action: { type: "Action.Submit", data: {} } }, /does not handle "Action.Submit" buttons/],
    ["no verb", { action: { type: "Action.Execute", data: {} } }, /no verb/],
    ["no action at all", { nonsense: 1 }, /no action Casewatch can read/],
  ];
  for (const [what, value, reason] of malformed) {
    it(`refuses ${what} with an error card saying what was wrong, writing nothing`, async () => {
      const r = await h.click(DS1, value);
      assert.equal(r.status, 200);
      const card = wordsOf(r.card);
      assert.match(card, /That button did not work/);
      assert.match(card, reason);
      assert.match(card, /Nothing was changed/);
      assert.deepEqual(await audits(), []);
      assert.equal(await h.repos.ledger.get(SEEN_KEY), undefined);
    });
  }

  it("an unknown user clicking a button gets the not-registered card", async () => {
    assert.match(textOf((await h.click({ aad: "aad-stranger" }, execute("refresh", { view: "status" }))).card), /not registered/);
  });

  it("a user from another tenant clicking a button is refused", async () => {
    const card = textOf((await h.click({ aad: "aad-ds1", tenant: OTHER_TENANT }, execute("refresh", { view: "status" }))).card);
    assert.match(card, /not available to your organisation/);
    assert.doesNotMatch(card, /CF\//);
  });
});

import assert from "node:assert/strict";
import { caseDocId } from "../../services/domain/case";
import { REF, TODAY } from "../services/app/force-fixture";
import { cardOf, execute, harnessPerTest, textOf, wordsOf } from "./bot-harness";

const DS1 = { aad: "aad-ds1" };
const DC1 = { aad: "aad-dc1" };
const DC2 = { aad: "aad-dc2" };
const DI1 = { aad: "aad-di1" };

const submit = (data: Record<string, unknown>) => execute("submit-review", { ref: REF.overdueReview, ...data });

describe("CasewatchBot reviews and progress confirmations (issue 5 §1, §2)", function () {
  this.timeout(30_000);
  const h = harnessPerTest();

  const theCase = (ref: string) => h.repos.cases.getByRef(ref);
  const reviews = async () => h.repos.reviews.forCase(caseDocId(REF.overdueReview));
  const audits = () => h.repos.audit.between(TODAY, TODAY);

  it("review opens the review card as a new message, leaving the clicked digest in place", async () => {
    const r = await h.click(DS1, execute("review", { ref: REF.overdueReview }));
    assert.equal(r.body.type, "application/vnd.microsoft.activity.message", "the clicked card is not replaced");
    assert.equal(r.replies.length, 1);
    const card = textOf(cardOf(r.replies[0]));
    assert.match(card, /CF\/00001\/26/);
    assert.match(card, /"verb":"submit-review"/);
    assert.equal((await audits()).find((a) => a.why === "action:review")?.operation, "consultation");
  });

  it("saving a review updates the case, stores the review and answers with the read-only summary", async () => {
    const r = await h.click(DS1, submit({ outcome: "progressing", risk: "medium" }));
    assert.match(wordsOf(r.card), /Reviewed by DS Aisha Khan at 10:42/);
    assert.doesNotMatch(textOf(r.card), /Action\.Execute.*submit-review/);
    const c = await theCase(REF.overdueReview);
    assert.deepEqual([c?.lastReviewedOn, c?.risk], [TODAY, "medium"]);
    assert.equal((await reviews()).length, 1);
    assert.deepEqual(h.sent, [], "a plain review sends nobody anything");
  });

  for (const conversationType of ["channel", "groupChat"] as const) {
    it(`a review saved in a ${conversationType} freezes the card for everyone, without free text`, async () => {
      const r = await h.click({ ...DS1, conversationType }, submit({ outcome: "progressing", note: "victim spoken to" }), { replyToId: "msg-7" });
      assert.equal(r.updates[0]?.id, "msg-7");
      const frozen = textOf(cardOf(r.updates[0]));
      assert.match(frozen, /Reviewed by DS Aisha Khan at 10:42/);
      assert.doesNotMatch(frozen, /victim spoken to/);
    });
  }

  it("an escalation puts a card in front of the inspector and audits the disclosure", async () => {
    await h.click(DS1, submit({ outcome: "escalate", note: "needs a DI decision" }));
    assert.equal(h.sent.length, 1);
    assert.equal(h.sent[0]?.aadObjectId, "aad-di1");
    assert.match(wordsOf(h.sent[0]?.card), /Escalated to you: CF\/00001\/26 reviewed by DS Aisha Khan/);
    assert.match(wordsOf(h.sent[0]?.card), /needs a DI decision/);
    const told = (await audits()).filter((a) => a.operation === "disclosure");
    assert.deepEqual(told.map((a) => [a.actorId, a.recordId, a.why]), [["ds1", REF.overdueReview, "action:submit-review"]]);
  });

  it("the OIC gets their new actions", async () => {
    await h.click(DS1, submit({ outcome: "actions-set", a1Text: "Chase the phone download", a1Owner: "dc1", a1Target: "2026-03-10" }));
    assert.deepEqual(h.sent.map((s) => s.aadObjectId), ["aad-dc1"]);
    assert.match(wordsOf(h.sent[0]?.card), /New actions for you on CF\/00001\/26.*Chase the phone download/);
  });

  it("Teams redelivering the same invoke records once, sends once and says it was already reviewed", async () => {
    await h.click(DS1, submit({ outcome: "escalate" }));
    const again = await h.click(DS1, submit({ outcome: "escalate" }));
    assert.match(wordsOf(again.card), /Already reviewed by DS Aisha Khan at 10:42/);
    assert.equal((await reviews()).length, 1);
    assert.equal(h.sent.length, 1);
  });

  it("a second reviewer on another copy of the card is told who reviewed it and when, and nothing changes", async () => {
    await h.click(DS1, submit({ outcome: "progressing" }));
    const late = await h.click(DI1, submit({ outcome: "close-nfa" }), { replyToId: "card-activity-2" });
    assert.match(wordsOf(late.card), /Already done.*already reviewed by DS Aisha Khan at 10:42/);
    assert.equal((await theCase(REF.overdueReview))?.status, "open");
  });

  it("a refused review is drawn again with the inputs as typed and the reason, and nothing is written", async () => {
    const r = await h.click(DS1, submit({ outcome: "progressing", nextReviewOn: "2026-03-01", note: "kept as typed" }));
    const words = wordsOf(r.card);
    assert.match(words, /Next review: must be after today \(2026-03-03\)/);
    assert.match(textOf(r.card), /kept as typed/);
    assert.deepEqual(await reviews(), []);
    assert.equal((await theCase(REF.overdueReview))?.lastReviewedOn, "2026-02-10");
  });

  it("the OIC may not review their own case", async () => {
    const r = await h.click(DC1, execute("review", { ref: REF.overdueReview }));
    assert.match(wordsOf(cardOf(r.replies[0])), /Not something you can do here.*you are the officer in charge of CF\/00001\/26/i);
  });

  it("a review of a case outside scope reads exactly like a missing one", async () => {
    const words = async (ref: string) => wordsOf(cardOf((await h.click(DS1, execute("review", { ref }))).replies[0])).replaceAll(ref, "<ref>");
    assert.equal(await words(REF.yearStale), await words("CF/99999/26"));
    assert.match(await words(REF.yearStale), /Case not found/);
  });

  it("confirm-progress opens the OIC's one-click card below the clicked one", async () => {
    const card = await h.open(DC1, execute("confirm-progress", { ref: REF.overdueReview }));
    for (const answer of ["updated", "awaiting-forensics", "awaiting-cps", "need-help"]) assert.match(textOf(card), new RegExp(`"answer":"${answer}"`));
  });

  it("an answer updates the case, replaces the card with who answered, and is recorded once on redelivery", async () => {
    const answer = execute("progress-answer", { ref: REF.bailSoon, answer: "awaiting-cps" });
    const first = await h.click(DC2, answer);
    assert.match(wordsOf(first.card), /DC Jo Evans at 10:42/);
    const c = await theCase(REF.bailSoon);
    assert.deepEqual([c?.lastUpdatedOn, c?.awaitingCpsSince], [TODAY, TODAY]);
    await h.click(DC2, answer);
    assert.equal((await audits()).filter((a) => a.operation === "alteration").length, 1);
  });

  it("need help sends the sergeant a card with the note", async () => {
    await h.click(DC2, execute("progress-answer", { ref: REF.bailSoon, answer: "need-help", note: "CPS not replying" }));
    assert.deepEqual(h.sent.map((s) => s.aadObjectId), ["aad-ds1"]);
    assert.match(wordsOf(h.sent[0]?.card), /CPS not replying/);
  });

  it("a help request that cannot be delivered still records the answer, and no disclosure is audited", async () => {
    h.sendResult = { ok: false, status: 404, code: "NoConversationReference" };
    const r = await h.click(DC2, execute("progress-answer", { ref: REF.bailSoon, answer: "need-help", note: "first" }));
    assert.match(wordsOf(r.card), /DC Jo Evans at 10:42/);
    assert.equal((await theCase(REF.bailSoon))?.lastUpdatedOn, TODAY);
    assert.deepEqual((await audits()).filter((a) => a.operation === "disclosure"), [], "nothing was disclosed");
  });

  it("an answer that is not one of the four is refused before anything is read", async () => {
    const r = await h.click(DC2, execute("progress-answer", { ref: REF.bailSoon, answer: "finished" }));
    assert.match(wordsOf(r.card), /That button did not work.*answer/);
    assert.deepEqual(await audits(), []);
  });
});

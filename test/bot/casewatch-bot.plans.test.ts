import assert from "node:assert/strict";
import { TODAY } from "../services/app/force-fixture";
import { execute, harnessPerTest, textOf, wordsOf } from "./bot-harness";

const DS1 = { aad: "aad-ds1" };
const DC2 = { aad: "aad-dc2" };
const DI2 = { aad: "aad-di2" };

const proposal = {
  officerId: "dc2",
  o1Text: "Update every open case weekly",
  o1Measure: "No case without an update for 14 days",
  o1Target: "2026-04-14",
  support: "Weekly 1:1 with DS Khan",
};

describe("CasewatchBot action plans (issue 5 §3)", function () {
  this.timeout(30_000);
  const h = harnessPerTest();

  const plansOf = (officerId: string) => h.repos.actionPlans.forOfficers([officerId]);
  const propose = async () => {
    await h.click(DS1, execute("propose-plan", proposal));
    const [plan] = await plansOf("dc2");
    assert.ok(plan, "the plan was stored");
    return plan;
  };

  it("`plan <officer>` opens the action-plan form for someone the sergeant supervises", async () => {
    const card = await h.say(DS1, "plan Jo Evans");
    assert.match(wordsOf(card), /Action plan for DC Jo Evans/);
    assert.match(textOf(card), /"verb":"propose-plan"/);
  });

  it("`plan` for someone who is not in scope reads like someone who does not exist", async () => {
    assert.match(wordsOf(await h.say(DS1, "plan Ravi Patel")), /Not found.*no officer "Ravi Patel" that you can see/);
  });

  it("action plans are never drawn in a channel, where colleagues could read them", async () => {
    const words = wordsOf(await h.say({ ...DS1, conversationType: "channel" }, "plan Jo Evans"));
    assert.match(words, /only in your personal chat/);
    assert.doesNotMatch(words, /Jo Evans/);
  });

  it("start action plan (a digest button) opens the form below the digest", async () => {
    const card = await h.open(DS1, execute("start-plan", { officerId: "dc2" }));
    assert.match(wordsOf(card), /Action plan for DC Jo Evans/);
  });

  it("proposing stores the plan, answers with the sergeant's copy and sends the officer a card to acknowledge", async () => {
    const r = await h.click(DS1, execute("propose-plan", proposal));
    const [plan] = await plansOf("dc2");
    assert.equal(plan?.status, "proposed");
    assert.match(wordsOf(r.card), /Update every open case weekly/);
    assert.deepEqual(h.sent.map((s) => s.aadObjectId), ["aad-dc2"]);
    assert.match(textOf(h.sent[0]?.card), /"verb":"acknowledge-plan"/);
  });

  it("a refused plan is drawn again with the inputs as typed and each reason, and nothing is stored", async () => {
    const r = await h.click(DS1, execute("propose-plan", { ...proposal, o1Target: "2026-01-01" }));
    assert.match(wordsOf(r.card), /Objective 1 target date: is in the past \(today is 2026-03-03\)/);
    assert.match(textOf(r.card), /Update every open case weekly/);
    assert.deepEqual(await plansOf("dc2"), []);
    assert.deepEqual(h.sent, []);
  });

  it("the same proposal redelivered is stored and sent once", async () => {
    await propose();
    await h.click(DS1, execute("propose-plan", proposal));
    assert.equal((await plansOf("dc2")).length, 1);
    assert.equal(h.sent.length, 1);
  });

  it("the officer acknowledges, the plan becomes active and the sergeant is told", async () => {
    const plan = await propose();
    const r = await h.click(DC2, execute("acknowledge-plan", { planId: plan.id }), { replyToId: "plan-card" });
    assert.match(wordsOf(r.card), /acknowledged/i);
    assert.equal((await plansOf("dc2"))[0]?.status, "active");
    assert.deepEqual(h.sent.map((s) => s.aadObjectId), ["aad-dc2", "aad-ds1"]);
  });

  it("only the officer may acknowledge their plan", async () => {
    const plan = await propose();
    const r = await h.click(DS1, execute("acknowledge-plan", { planId: plan.id }));
    assert.match(wordsOf(r.card), /Not something you can do here.*Only the officer the plan is for/);
    assert.equal((await plansOf("dc2"))[0]?.status, "proposed");
  });

  it("open plan shows the supervisor the checkpoint card, and the officer their plan", async () => {
    const plan = await propose();
    assert.match(textOf(await h.open(DS1, execute("open-plan", { planId: plan.id }))), /"verb":"record-checkpoint"/);
    assert.match(textOf(await h.open(DC2, execute("open-plan", { planId: plan.id }))), /"verb":"acknowledge-plan"/);
  });

  it("a plan outside the viewer's chain of command is not found", async () => {
    const plan = await propose();
    const card = await h.open(DI2, execute("open-plan", { planId: plan.id }));
    assert.match(wordsOf(card), /Not found.*no action plan/);
  });

  it("the supervisor records a checkpoint, and a refused one is drawn again without writing", async () => {
    const plan = await propose();
    const checkpointOn = plan.checkpoints[0]!.dueOn;
    const refused = await h.click(DS1, execute("record-checkpoint", { planId: plan.id, checkpointOn, objectiveCount: 1, r1: "", n1: "kept" }));
    assert.match(wordsOf(refused.card), /Objective 1: .*choose met, partly or not met/);
    assert.equal((await plansOf("dc2"))[0]?.checkpoints[0]?.recordedAt, undefined);
    const saved = await h.click(DS1, execute("record-checkpoint", { planId: plan.id, checkpointOn, objectiveCount: 1, r1: "partly", n1: "two cases still stale" }));
    assert.match(wordsOf(saved.card), /recorded by DS Aisha Khan/);
    assert.equal((await plansOf("dc2"))[0]?.checkpoints[0]?.recordedBy, "ds1");
  });

  it("closing records the outcome once; a redelivered close says it was already closed", async () => {
    const plan = await propose();
    const first = await h.click(DS1, execute("close-plan", { planId: plan.id, outcome: "completed" }));
    assert.match(wordsOf(first.card), /closed by DS Aisha Khan/);
    const again = await h.click(DS1, execute("close-plan", { planId: plan.id, outcome: "completed" }));
    assert.match(wordsOf(again.card), /already closed/);
    assert.equal((await plansOf("dc2"))[0]?.status, "completed");
    const closes = (await h.repos.audit.between(TODAY, TODAY)).filter((a) => a.action.startsWith("close action plan"));
    assert.equal(closes.length, 1);
  });
});

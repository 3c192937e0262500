import assert from "node:assert/strict";
import type { Locator } from "playwright-core";
import { exportAuditCsv } from "../../services/app/audit/audit-export";
import type { Harness } from "../support/playground-harness";
import { useCasewatchBot, useHarness } from "../support/playground-harness";
import { demoClock, DEMO_MORNING, DEMO_TODAY } from "./demo-clock";

/** A card's Fluent combobox (an Adaptive Card Input.ChoiceSet): open it and pick the option. */
async function choose(h: Harness, card: Locator, label: RegExp, option: string): Promise<void> {
  await card.getByRole("combobox", { name: label }).click();
  await h.page.getByRole("option", { name: option, exact: true }).click();
}

// Issues 4 and 5 on the demo force, one bot for the sergeant (DS Sam Khan) and the detective (DC Owen Price). The app
// runs on a Tuesday so the morning digest goes out; the pages are open before the sweep so both can be reached.
describe("e2e: the digest and the supervisory workflows (issues 4 and 5)", function () {
  const bot = useCasewatchBot({ clock: demoClock() });
  const sergeant = useHarness({ role: "sergeant", bot });
  const detective = useHarness({ role: "detective", bot });
  const inspector = useHarness({ role: "inspector", bot });
  const digests = (h: Harness) => h.botMessages().filter({ hasText: "Casewatch digest for" });

  before(async function () {
    await sergeant().waitForText("Hello, DS Sam Khan");
    await detective().waitForText("Hello, DC Owen Price");
    await inspector().waitForText("Hello, DI Tom Reid");
  });

  it("`sweep` delivers a digest card to each role's chat, as many as the report says, and running it again delivers nothing new", async function () {
    const h = sergeant();
    const first = await h.bot.app!.sweep().run({ at: DEMO_MORNING });
    assert.ok(first.sent > 0 && first.cards > 0, `the first sweep sent its digests: ${JSON.stringify(first)}`);
    const digest = await h.waitForText("Casewatch digest for Sam Khan");
    assert.match(await digest.innerText(), /Needs your action[\s\S]*Review now/);
    await detective().waitForText("Casewatch digest for Owen Price");
    await inspector().waitForText("Casewatch digest for Tom Reid");
    // Only these three people have a chat with the bot, so every card the report counts is one of theirs.
    const arrived = (await digests(h).count()) + (await digests(detective()).count()) + (await digests(inspector()).count());
    assert.equal(arrived, first.cards, `the report's card count matches what arrived: ${JSON.stringify(first)}`);
    const shown = await digests(h).count();

    const again = await h.bot.app!.sweep().run({ at: DEMO_MORNING });
    assert.deepEqual([again.sent, again.cards, again.failed], [0, 0, 0], `the re-run sent nothing: ${JSON.stringify(again)}`);
    assert.equal(await digests(h).count(), shown, "no second digest in the sergeant's chat");
  });

  it("the sergeant reviews a case from the digest card, and the review card freezes into its outcome", async function () {
    const h = sergeant();
    const digest = await h.waitForText("Casewatch digest for Sam Khan");
    const before = await h.botMessages().count();
    await digest.getByRole("button", { name: "Review now", exact: true }).first().click();
    const review = await h.waitForText(/^Review CF\/\d+\/\d+/, { after: before });
    await choose(h, review, /^Outcome/, "Progressing");
    await h.clickButton("Save review", review);
    await h.waitForText(/Reviewed by DS Sam Khan at \d{1,2}:\d{2}/);
    assert.equal(await review.getByRole("button", { name: "Save review", exact: true }).count(), 0, "the saved card is read-only");
    assert.match(await review.innerText(), /Outcome\s*Progressing/);
    assert.equal(await h.botMessages().count(), before + 1, "the review replaced its own card; the digest is still there");
    assert.match(await digest.innerText(), /Casewatch digest for Sam Khan/);
  });

  it("the detective confirms progress from their digest, and the sergeant's status shows it", async function () {
    const d = detective();
    const digest = await d.waitForText("Casewatch digest for Owen Price");
    const before = await d.botMessages().count();
    await digest.getByRole("button", { name: "Confirm progress", exact: true }).first().click();
    const card = await d.waitForText(/Is CF\/\d+\/\d+ moving/, { after: before });
    const ref = /CF\/\d+\/\d+/.exec(await card.innerText())?.[0];
    assert.ok(ref, "the progress card names its case");
    await d.clickButton("Awaiting forensics", card);
    await d.waitForText(/DC Owen Price at \d{1,2}:\d{2}/);

    const s = sergeant();
    const status = await s.waitForText("Team status: DS Sam Khan", { after: await s.say("status") });
    const line = new RegExp(`${ref.replace(/\//g, "\\/")}[^\\n]*\\n[^\\n]*\\n[^\\n]*Forensics waiting 0 days`);
    assert.match((await status.innerText()).replace(/\n+/g, "\n"), line, `the status card shows ${ref} now waiting on forensics`);
  });

  it("the sergeant starts an action plan with `plan`, and the officer acknowledges it", async function () {
    const s = sergeant();
    const form = await s.waitForText("Action plan for DC Owen Price", { after: await s.say("plan Owen Price") });
    await form.getByLabel("Objective 1", { exact: true }).fill("Update every open case weekly");
    await form.getByLabel("Measure", { exact: true }).first().fill("No case without an update for 14 days");
    await form.getByLabel("Support offered", { exact: true }).fill("Weekly 1:1 with DS Khan");
    const sent = await s.botMessages().count();
    await form.getByRole("button", { name: /^Send/ }).click();
    await s.waitForText("Action plan sent to DC Owen Price to acknowledge");
    assert.equal(await s.botMessages().count(), sent, "the form was replaced by the sergeant's copy");

    const d = detective();
    const plan = await d.waitForText(/Acknowledge the plan/);
    assert.match(await plan.innerText(), /Update every open case weekly/);
    await d.clickButton("Acknowledge the plan", plan);
    await d.waitForText(/^Acknowledged by DC Owen Price/);
    await s.waitForText(/^Acknowledged by DC Owen Price/);
  });

  it("the audit export shows who did what in those journeys", async function () {
    const app = sergeant().bot.app!;
    const { csv } = await exportAuditCsv({ audit: app.store().repos.audit, now: app.clock.now() }, { from: DEMO_TODAY, to: DEMO_TODAY, actorId: "e2e" });
    const rows = csv.split("\n");
    const has = (pattern: RegExp, what: string) => assert.ok(rows.some((r) => pattern.test(r)), `the export has ${what}`);
    has(/,ds1,alteration,review case: progressing,case,CF\//, "the sergeant's review");
    has(/,dc01,alteration,confirm progress: awaiting-forensics,case,CF\//, "the detective's progress answer");
    has(/,ds1,collection,propose action plan,action-plan,plan-/, "the sergeant's plan");
    has(/,ds1,disclosure,send plan-proposed card to dc01,action-plan,plan-/, "the plan sent to the officer");
    has(/,dc01,alteration,acknowledge action plan,action-plan,plan-/, "the officer's acknowledgement");
    has(/,ds1,consultation,view status,/, "the sergeant's status views");
  });
});

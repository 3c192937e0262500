import assert from "node:assert/strict";
import { conversationRefId } from "../../services/store/conversation-ref-repository";
import { NOW, OTHER_TENANT, REF, seedForce, TENANT, TODAY } from "../services/app/force-fixture";
import { startTestStore, type TestStore } from "../support/test-store";
import { makeCase } from "../support/fixtures";
import { CasewatchBot, type CasewatchBotDeps } from "../../bot/casewatch-bot";
import { createAppServices } from "../../bot/compose/app-services";
import { defaultPolicy } from "../../services/domain/policy";
import type { Clock } from "../../services/platform/clock";
import { createLogger } from "../../services/platform/logger";
import { activityFrom, BOT, cardOf, createHarness, execute, harnessPerTest, RecordingAdapter, textOf, wordsOf, type Harness } from "./bot-harness";

const DC1 = { aad: "aad-dc1" };
const DS1 = { aad: "aad-ds1" };
const DI1 = { aad: "aad-di1" };

describe("CasewatchBot commands (TestAdapter turns against the store)", function () {
  this.timeout(30_000);
  const h = harnessPerTest();

  const audits = () => h.repos.audit.between(TODAY, TODAY);

  it("help lists the commands as examples, workflow and oversight ones included", async () => {
    const card = textOf(await h.say(DC1, "help"));
    for (const c of ["status", "my cases", "case CF/01234/26", "due", "plan DC", "absent DC", "back", "reassign CF/01234/26 to", "handover DS", "1:1 DC"]) {
      assert.ok(card.includes(c), c);
    }
  });

  describe("workflow buttons on the status, my cases and case cards (issue 5)", () => {
    const staleFor = async (oicId: string, n: number) => {
      for (let i = 0; i < n; i++) {
        await h.repos.cases.upsert(makeCase({ ref: `CF/0090${i}/26`, oicId, openedOn: "2025-10-01", lastUpdatedOn: "2025-12-01", lastReviewedOn: "2026-02-27" }));
      }
    };
    const planButtons = (card: unknown) => [...textOf(card).matchAll(/"verb":"start-plan","data":\{"officerId":"([^"]+)"\}/g)].map((m) => m[1]);

    it("a sergeant's status offers Start action plan next to an officer with two or more stale cases, and only them", async () => {
      await staleFor("dc2", 2);
      const card = await h.say(DS1, "status");
      assert.deepEqual(planButtons(card), ["dc2"]);
      assert.match(wordsOf(card), /DC Jo Evans \| [^|]+ \| 2 stale cases: an action plan is suggested/);
      assert.match(wordsOf(card), /Team status: DS Aisha Khan/, "the e2e heading is unchanged");
    });

    it("one stale case is not enough for the button", async () => {
      await staleFor("dc2", 1);
      assert.deepEqual(planButtons(await h.say(DS1, "status")), []);
    });

    it("the button stays out of channels, where colleagues would see employment data", async () => {
      await staleFor("dc2", 2);
      assert.deepEqual(planButtons(await h.say({ ...DS1, conversationType: "channel" }, "status")), []);
    });

    it("Mark as seen keeps the plan buttons in personal chat, and a group's card and frozen copy carry none", async () => {
      await staleFor("dc2", 2);
      const personal = await h.click(DS1, execute("mark-seen", { officerId: "ds1", on: TODAY }));
      assert.deepEqual(planButtons(personal.card), ["dc2"]);
      assert.match(wordsOf(personal.card), /Marked as seen by DS Aisha Khan/);
      const group = await h.click({ ...DS1, conversationType: "groupChat" }, execute("mark-seen", { officerId: "ds1", on: TODAY }), { replyToId: "msg-9" });
      assert.deepEqual(planButtons(group.card), []);
      assert.deepEqual(group.updates.flatMap((u) => planButtons(u)), []);
    });

    it("my cases offers Confirm progress per case", async () => {
      const card = textOf(await h.say(DC1, "my cases"));
      assert.match(card, new RegExp(`"verb":"confirm-progress","data":\\{"ref":"${REF.overdueReview.replaceAll("/", "\\/")}"\\}`));
    });

    const titles = (card: unknown) => [...textOf(card).matchAll(/"type":"Action\.Execute","title":"([^"]+)"/g)].map((m) => m[1]);

    it("case from a supervisor offers Review now, Confirm progress and Reassign", async () => {
      const t = titles(await h.say(DS1, `case ${REF.overdueReview}`));
      for (const b of ["Review now", "Confirm progress", "Reassign"]) assert.ok(t.includes(b), b);
    });

    it("case from its own OIC offers Confirm progress but neither Review now nor Reassign", async () => {
      const t = titles(await h.say(DC1, `case ${REF.overdueReview}`));
      assert.ok(t.includes("Confirm progress"));
      assert.ok(!t.includes("Review now") && !t.includes("Reassign"), t.join(", "));
    });
  });

  it("anything else gets the short help card, saying it was not understood", async () => {
    assert.match(textOf(await h.say(DC1, "what's the weather like")), /did not understand/);
  });

  it("status for a detective shows their own cases only", async () => {
    const card = textOf(await h.say(DC1, "status"));
    assert.match(card, /Your cases: DC Ben Carter/);
    assert.match(card, /CF\/00001\/26/);
    assert.doesNotMatch(card, /CF\/00002\/26|CF\/00005\/25/);
  });

  for (const phrase of ["team status", "How is my team doing?"]) {
    it(`"${phrase}" from a sergeant shows the team card`, async () => {
      const card = textOf(await h.say(DS1, phrase));
      assert.match(card, /Team status: DS Aisha Khan/);
      assert.match(card, /DC Jo Evans/);
      assert.match(card, /CF\/00002\/26/, "bail ending in 2 days needs attention");
      assert.doesNotMatch(card, /CF\/00003\/26/, "another sergeant's case");
    });
  }

  it("status from an inspector summarises each sergeant's team, worst first", async () => {
    const card = textOf(await h.say(DI1, "status"));
    assert.match(card, /Teams status: DI Sam Okafor/);
    const reid = card.indexOf("DS Tom Reid's team");
    const khan = card.indexOf("DS Aisha Khan's team");
    assert.ok(reid > 0 && khan > 0 && reid < khan, "the team with a year-stale case comes first");
    assert.doesNotMatch(card, /CF\/00004\/26/);
  });

  it("status audits the view as a consultation, naming the references shown and the command", async () => {
    await h.say(DS1, "status");
    const [entry] = await audits();
    assert.equal(entry?.operation, "consultation");
    assert.equal(entry?.actorId, "ds1");
    assert.equal(entry?.why, "command:status");
    assert.deepEqual(entry?.recordId.split(", ").sort(), [REF.overdueReview, REF.bailSoon]);
  });

  it("my cases lists the officer's open cases and not closed ones", async () => {
    const card = textOf(await h.say(DC1, "my cases"));
    assert.match(card, /CF\/00001\/26/);
    assert.doesNotMatch(card, /CF\/00005\/25/);
  });

  it("my cases for a sergeant who holds no cases says so", async () => {
    assert.match(textOf(await h.say(DS1, "my cases")), /not the officer in charge of any open case/);
  });

  it("case <ref> shows the case with its reference verbatim and audits the view", async () => {
    const card = await h.say(DS1, "show case CF/00002/26");
    assert.equal((card.body as { text: string }[])[0]?.text, "CF/00002/26");
    assert.match(textOf(card), /Bail ends Thu 5 Mar 2026 \(in 2 days\)/);
    const [entry] = await audits();
    assert.deepEqual([entry?.recordType, entry?.recordId, entry?.why], ["case", REF.bailSoon, "command:case"]);
  });

  it("case <ref> outside the viewer's scope answers exactly like a reference that does not exist, and audits nothing", async () => {
    const outOfScope = textOf(await h.say(DC1, `case ${REF.bailSoon}`)).replaceAll(REF.bailSoon, "<ref>");
    const missing = textOf(await h.say(DC1, "case CF/99999/26")).replaceAll("CF/99999/26", "<ref>");
    assert.equal(outOfScope, missing);
    assert.match(outOfScope, /Case not found/);
    assert.deepEqual(await audits(), []);
  });

  it("due shows what is overdue and what falls due in the next 7 days", async () => {
    const card = textOf(await h.say(DS1, "due"));
    assert.match(card, /Overdue.*Supervisory review.*CF\/00001\/26/);
    assert.match(card, /Due by Tue 10 Mar 2026.*Pre-charge bail ends.*CF\/00002\/26/);
  });

  it("an unknown user gets the not-registered card and nothing about any case", async () => {
    const card = textOf(await h.say({ aad: "aad-stranger" }, "status"));
    assert.match(card, /not registered/);
    assert.doesNotMatch(card, /CF\//);
    assert.deepEqual(await audits(), []);
  });

  it("a user from a tenant outside the allow-list is refused and nothing is stored", async () => {
    const card = textOf(await h.say({ aad: "aad-dc1", tenant: OTHER_TENANT }, "status"));
    assert.match(card, /not available to your organisation/);
    assert.doesNotMatch(card, /CF\//);
    assert.deepEqual(await h.repos.conversations.forUser("aad-dc1"), []);
  });

  it("answers an @mention in a channel, with the mention stripped", async () => {
    const card = await h.say({ aad: "aad-ds1", conversationType: "channel" }, "<at>Casewatch</at> team status", {
      entities: [{ type: "mention", mentioned: BOT, text: "<at>Casewatch</at>" }],
    });
    assert.match(textOf(card), /Team status: DS Aisha Khan/);
    const ref = await h.repos.conversations.forUser("aad-ds1");
    assert.deepEqual(ref.map((r) => [r.scope, r.alive]), [["channel", true]]);
  });

  it("every message keeps the personal conversation reference, keyed by tenant and user", async () => {
    await h.say(DC1, "help");
    const stored = await h.repos.conversations.personal(TENANT, "aad-dc1");
    assert.equal(stored?.id, conversationRefId(TENANT, "aad-dc1", "personal"));
    assert.equal((stored?.reference as { conversation?: { id?: string } }).conversation?.id, "personal-conv-aad-dc1");
  });

  it("install posts a welcome card saying who the bot thinks you are and stores the reference", async () => {
    const { replies } = await h.turn(activityFrom(DS1, { type: "installationUpdate", action: "add" }));
    const card = textOf(cardOf(replies[0]));
    assert.match(card, /Hello, DS Aisha Khan/);
    assert.match(card, /POLIT, reporting to DI Sam Okafor/);
    assert.match(card, /You supervise.*2 people/);
    assert.ok(await h.repos.conversations.personal(TENANT, "aad-ds1"));
  });

  it("install by an unregistered user gets the not-registered card instead of a welcome", async () => {
    const { replies } = await h.turn(activityFrom({ aad: "aad-stranger" }, { type: "installationUpdate", action: "add" }));
    assert.match(textOf(cardOf(replies[0])), /not registered/);
  });

  it("uninstall marks the reference dead", async () => {
    await h.say(DC1, "help");
    await h.turn(activityFrom(DC1, { type: "installationUpdate", action: "remove" }));
    assert.equal(await h.repos.conversations.personal(TENANT, "aad-dc1"), undefined);
    const [ref] = await h.repos.conversations.forUser("aad-dc1");
    assert.deepEqual([ref?.alive, ref?.deadReason], [false, "uninstalled"]);
  });

  it("a conversation update stores the reference without sending anything", async () => {
    const { replies } = await h.turn(activityFrom({ aad: "aad-ds1", conversationType: "channel" }, { type: "conversationUpdate", membersAdded: [BOT] }));
    assert.deepEqual(replies, []);
    assert.equal((await h.repos.conversations.forUser("aad-ds1"))[0]?.scope, "channel");
  });
});

describe("CasewatchBot against hostile activities", function () {
  this.timeout(30_000);
  let store: TestStore;
  let h: Harness;
  before(async () => { store = await startTestStore(); h = await createHarness(store); });
  after(() => store.close());

  it("treats an oversized user id as an unknown caller, not an error", async () => {
    assert.match(textOf(await h.say({ aad: "a".repeat(500) }, "status")), /not registered/);
  });

  it("treats a tenant id of the wrong type as a refused tenant", async () => {
    const card = textOf(await h.say(DC1, "status", { channelData: { tenant: { id: 42 } }, conversation: { id: "c", tenantId: { evil: true } } as never }));
    assert.match(card, /not available to your organisation/);
  });

  it("treats an oversized message as not a command", async () => {
    assert.match(textOf(await h.say(DC1, `status ${"x".repeat(5000)}`)), /did not understand/);
  });
});

describe("CasewatchBot reads the clock once per turn (the turn's moment is passed down)", function () {
  this.timeout(30_000);
  let store: TestStore;
  before(async () => { store = await startTestStore(); });
  after(() => store.close());

  it("status (detective, sergeant, inspector), my cases, due and case each read the bot's clock once, and the services never read theirs", async () => {
    const { repos } = await store.fresh();
    await seedForce(repos);
    const reads = { bot: 0, services: 0 };
    const counting = (who: keyof typeof reads): Clock => ({ now: () => { reads[who] += 1; return new Date(NOW); } });
    const policy = defaultPolicy();
    const logger = createLogger("silent");
    const services = createAppServices({ repos, clock: counting("services"), policy, logger, config: { allowedTenants: [TENANT] } });
    // These commands send nothing to anyone else, so a notifier that is called at all fails the test.
    const notifier: CasewatchBotDeps["notifier"] = { notify: async () => { throw new Error("a read-only command sent a card"); } };
    const bot = new CasewatchBot({ services, clock: counting("bot"), timeZone: policy.timeZone, notifier });
    for (const [who, text] of [[DC1, "status"], [DS1, "status"], [DI1, "status"], [DC1, "my cases"], [DS1, "due"], [DC1, `case ${REF.overdueReview}`]] as const) {
      reads.bot = 0;
      reads.services = 0;
      const adapter = new RecordingAdapter();
      await adapter.processActivity(activityFrom(who, { type: "message", text }), (context) => bot.run(context));
      assert.equal(adapter.activityBuffer.length, 1, text);
      assert.deepEqual(reads, { bot: 1, services: 0 }, text);
    }
  });
});

import assert from "node:assert/strict";
import { REF, TODAY } from "../services/app/force-fixture";
import { makeCase } from "../support/fixtures";
import { execute, harnessPerTest, textOf, wordsOf } from "./bot-harness";

const DS1 = { aad: "aad-ds1" };
const DC2 = { aad: "aad-dc2" };
const DI1 = { aad: "aad-di1" };

describe("CasewatchBot oversight: team status, reassignment, absence, handover, 1:1s (issue 6)", function () {
  this.timeout(30_000);
  const h = harnessPerTest(async ({ repos }) => {
    // DC Jo Evans works 8 hours a week (capacity 2.4 cases): a third case puts her over.
    await repos.cases.upsert(makeCase({ ref: "CF/00010/26", oicId: "dc2", lastUpdatedOn: "2026-03-02", lastReviewedOn: "2026-03-01" }));
    await repos.cases.upsert(makeCase({ ref: "CF/00011/26", oicId: "dc2", lastUpdatedOn: "2026-03-02", lastReviewedOn: "2026-03-01" }));
  });

  const caseOf = (ref: string) => h.repos.cases.getByRef(ref);
  const audits = () => h.repos.audit.between(TODAY, TODAY);

  it("an inspector's `status` is one card for every team, each with Open team", async () => {
    const card = await h.say(DI1, "status");
    assert.match(wordsOf(card), /Teams status: DI Sam Okafor/);
    assert.match(wordsOf(card), /DS Aisha Khan's team.*DC Jo Evans \(3 of 2\.4\)/);
    assert.match(textOf(card), /"verb":"open-team","data":\{"supervisorId":"ds1"\}/);
  });

  it("open team shows its officers with caseload against capacity; open officer shows their cases", async () => {
    const team = await h.click(DI1, execute("open-team", { supervisorId: "ds1" }));
    assert.match(wordsOf(team.card), /DC Jo Evans · 8h a week.*Caseload 3 of 2\.4 \(125%, at or over capacity\)/);
    const officer = await h.click(DI1, execute("open-officer", { officerId: "dc2" }));
    assert.match(wordsOf(officer.card), /CF\/00002\/26/);
  });

  it("a sergeant cannot open another sergeant's team", async () => {
    assert.match(wordsOf((await h.click(DS1, execute("open-team", { supervisorId: "ds3" }))).card), /Officer ds3 is not in your chain of command/);
  });

  it("`absent` records the absence and lists the cases with a deadline inside it, each with Reassign", async () => {
    const card = await h.say(DS1, "absent Jo Evans leave from 2026-03-04 to 2026-03-06");
    assert.match(wordsOf(card), /Absence recorded: DC Jo Evans.*CF\/00002\/26.*Bail ends Thu 5 Mar 2026/);
    assert.match(textOf(card), /"verb":"choose-reassign","data":\{"ref":"CF\/00002\/26"\}/);
    assert.deepEqual((await h.repos.officers.get("dc2"))?.absences, [{ kind: "leave", from: "2026-03-04", to: "2026-03-06" }]);
  });

  it("a refused absence is drawn as the form with the dates as typed and the reason, and nothing is written", async () => {
    const card = await h.say(DS1, "absent Jo Evans sick from 2026-03-40");
    assert.match(wordsOf(card), /Record an absence.*The absence was not recorded.*from/);
    assert.match(textOf(card), /2026-03-40/);
    assert.deepEqual((await h.repos.officers.get("dc2"))?.absences, []);
    assert.deepEqual(await audits(), []);
  });

  it("an absence for someone outside the sergeant's team is refused without saying whether they exist", async () => {
    assert.match(wordsOf(await h.say(DS1, "absent Ravi Patel leave from 2026-03-04")), /Not something you can do here.*not in your chain of command/);
  });

  it("the absence form and its submission record the same absence", async () => {
    assert.match(wordsOf((await h.click(DS1, execute("absence-form", { officerId: "dc2" }))).card), /Record an absence/);
    const r = await h.click(DS1, execute("record-absence", { officerId: "dc2", kind: "training", from: "2026-03-05", to: "" }));
    assert.match(wordsOf(r.card), /Absence recorded: DC Jo Evans/);
    assert.equal((await h.repos.officers.get("dc2"))?.absences[0]?.kind, "training");
  });

  it("`back` ends the caller's absence, and end absence ends someone else's", async () => {
    await h.say(DS1, "absent Jo Evans sick from 2026-03-01");
    assert.match(wordsOf(await h.say(DC2, "I'm back")), /DC Jo Evans is back/);
    assert.match(wordsOf((await h.click(DS1, execute("end-absence", { officerId: "dc2" }))).card), /was not recorded as absent today/);
  });

  it("`reassign` moves the case, audits it and sends the new OIC the case with its bail deadline", async () => {
    const card = await h.say(DS1, `reassign ${REF.bailSoon} to Ben Carter`);
    assert.match(wordsOf(card), /CF\/00002\/26 reassigned.*To DC Ben Carter from DC Jo Evans by DS Aisha Khan/);
    assert.equal((await caseOf(REF.bailSoon))?.oicId, "dc1");
    assert.deepEqual(h.sent.map((s) => s.aadObjectId), ["aad-dc1"]);
    assert.match(wordsOf(h.sent[0]?.card), /You are now the officer in charge of CF\/00002\/26.*Bail ends Thu 5 Mar 2026/);
    const kinds = (await audits()).map((a) => a.operation);
    assert.ok(kinds.includes("alteration") && kinds.includes("disclosure"));
  });

  it("reassigning to someone at capacity warns with the figures, writes nothing, and Reassign anyway does it", async () => {
    const warn = await h.click(DS1, execute("reassign", { ref: REF.overdueReview, toOfficerId: "dc2" }));
    assert.match(wordsOf(warn.card), /over capacity.*After this case \| 4 \(167% of capacity\)/);
    assert.equal((await caseOf(REF.overdueReview))?.oicId, "dc1");
    const done = await h.click(DS1, execute("reassign", { ref: REF.overdueReview, toOfficerId: "dc2", confirmOverCapacity: true }));
    assert.match(wordsOf(done.card), /CF\/00001\/26 reassigned/);
    assert.equal((await caseOf(REF.overdueReview))?.oicId, "dc2");
  });

  it("Reassign without a choice shows the chooser; a target out of scope is refused", async () => {
    assert.match(wordsOf((await h.click(DS1, execute("reassign", { ref: REF.bailSoon, toOfficerId: "" }))).card), /Reassign CF\/00002\/26.*least loaded first/);
    assert.match(wordsOf((await h.click(DS1, execute("choose-reassign", { ref: REF.bailSoon }))).card), /DC Ben Carter/);
    assert.match(wordsOf(await h.say(DS1, `reassign ${REF.bailSoon} to dc4`)), /not in your chain of command/);
    assert.equal((await caseOf(REF.bailSoon))?.oicId, "dc2");
  });

  it("`1:1 <officer>` and the 1:1 button record the date only", async () => {
    assert.match(wordsOf(await h.say(DS1, "1:1 Ben Carter")), /DS Aisha Khan's team.*Last 1:1 Tue 3 Mar 2026/);
    assert.equal((await h.repos.officers.get("dc1"))?.lastOneToOneOn, TODAY);
    await h.click(DS1, execute("record-one-to-one", { officerId: "dc2", on: "2026-03-02" }));
    assert.equal((await h.repos.officers.get("dc2"))?.lastOneToOneOn, "2026-03-02");
  });

  it("a 1:1 in the future is refused", async () => {
    assert.match(wordsOf(await h.say(DS1, "1:1 Ben Carter on 2026-03-09")), /That could not be saved.*has not happened yet/);
  });

  it("`handover` by an inspector moves the team and sends the new supervisor a digest of what they inherit", async () => {
    const card = await h.say(DI1, "handover Tom Reid to Aisha Khan");
    assert.match(wordsOf(card), /Handover to DS Aisha Khan.*From DS Tom Reid/);
    assert.equal((await h.repos.officers.get("dc3"))?.supervisorId, "ds1");
    assert.deepEqual(h.sent.map((s) => s.aadObjectId), ["aad-ds1"]);
    assert.match(wordsOf(h.sent[0]?.card), /CF\/00003\/26/);
  });

  it("`handover` from a sergeant is refused and nothing moves", async () => {
    assert.match(wordsOf(await h.say(DS1, "handover ds1 to ds2")), /Only an inspector or above can hand a team over/);
    assert.equal((await h.repos.officers.get("dc3"))?.supervisorId, "ds2");
  });
});

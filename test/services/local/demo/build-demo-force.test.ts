import assert from "node:assert/strict";
import { buildDemoForce } from "../../../../services/local/demo/build-demo-force";
import { DEMO_OFFICER_IDS, DEMO_USERS, UNREGISTERED_PLAYGROUND_USER } from "../../../../services/local/demo/demo-users";
import type { IsoDate } from "../../../../services/domain/dates";
import { rowsFromData } from "../../../../services/app/import/read-import-source";
import { validateImport } from "../../../../services/app/import/validate-import";
import { addDays, daysBetween } from "../../../../services/rules/calendar";

const TODAY: IsoDate = "2026-03-10";

describe("demo force", () => {
  const force = buildDemoForce(TODAY);
  const officers = force.officers;
  const open = force.cases.filter((c) => c.status !== "closed");
  const byId = new Map(officers.map((o) => [o.id, o]));
  const openCasesOf = (id: string) => open.filter((c) => c.oicId === id).length;
  const ago = (n: number) => addDays(TODAY, -n);

  for (const today of ["2026-03-10", "2026-01-31", "2026-03-29", "2026-10-25", "2028-02-29"]) {
    it(`passes import validation when today is ${today} (month ends, DST days, leap day)`, () => {
      const checked = validateImport(rowsFromData(buildDemoForce(today), "demo"), []);
      assert.deepEqual(checked.errors, []);
    });
  }

  it("is deterministic for a day and seed, and moves with the day", () => {
    assert.deepEqual(buildDemoForce(TODAY), buildDemoForce(TODAY));
    assert.notDeepEqual(buildDemoForce(TODAY, { seed: 7 }).cases, force.cases);
    const tomorrow = buildDemoForce(addDays(TODAY, 1));
    assert.equal(tomorrow.cases[0]?.openedOn, addDays(force.cases[0]!.openedOn, 1));
  });

  it("has a DCI, a DI, 3 sergeants, 20 detectives and about 200 open cases", () => {
    const count = (rank: string) => officers.filter((o) => o.rank === rank).length;
    assert.deepEqual([count("DCI"), count("DI"), count("DS"), count("DC")], [1, 1, 3, 20]);
    assert.equal(open.length, 200);
    assert.ok(force.cases.length > open.length, "some closed cases too");
    assert.ok(officers.every((o) => typeof o.aadObjectId === "string"), "every officer can be matched in Teams");
  });

  it("maps the three Playground users to the DI, a sergeant and a detective, and not Alex Wilber", () => {
    const byAad = (aad: string) => officers.find((o) => o.aadObjectId === aad);
    assert.equal(byAad(DEMO_USERS.inspector)?.id, DEMO_OFFICER_IDS.inspector);
    assert.equal(byAad(DEMO_USERS.inspector)?.rank, "DI");
    assert.equal(byAad(DEMO_USERS.sergeant)?.rank, "DS");
    assert.equal(byAad(DEMO_USERS.detective)?.rank, "DC");
    assert.equal(byAad(UNREGISTERED_PLAYGROUND_USER), undefined);
  });

  it("shows span of control, part-time capacity, absence with cover, and long POLIT tenure", () => {
    const span = (id: string) => officers.filter((o) => o.supervisorId === id).length;
    assert.equal(span(DEMO_OFFICER_IDS.sergeant), 11, "above the 10-person warning");
    const partTime = officers.filter((o) => (o.hoursPerWeek ?? 40) < 40);
    assert.deepEqual(partTime.map((o) => o.hoursPerWeek).sort(), [20, 24]);
    assert.ok(partTime.some((o) => openCasesOf(o.id) > (12 * (o.hoursPerWeek ?? 40)) / 40), "a part-timer over capacity");
    const absentNow = (kind: string) =>
      officers.filter((o) => (o.absences ?? []).some((a) => a.kind === kind && a.from <= TODAY && (a.to === undefined || a.to >= TODAY)));
    assert.deepEqual(absentNow("sick").map((o) => o.rank), ["DC"]);
    const onLeave = absentNow("leave");
    assert.deepEqual(onLeave.map((o) => o.rank), ["DS"]);
    assert.equal(byId.get(onLeave[0]!.coverId ?? "")?.rank, "DS", "the absent sergeant has a sergeant as cover");
    assert.ok(officers.some((o) => o.unit === "POLIT" && o.unitJoinedOn !== undefined && daysBetween(o.unitJoinedOn, TODAY) > 5 * 365 + 1));
  });

  it("carries no personal data beyond officer names", () => {
    const allowed = new Set(["id", "offenceCategory", "risk", "oicId", "openedOn", "lastUpdatedOn", "lastReviewedOn", "awaitingForensicsSince", "referralGrade", "firstActionOn", "bail", "status"]);
    for (const c of force.cases) for (const k of Object.keys(c)) assert.ok(allowed.has(k), `unexpected case field ${k}`);
    for (const c of force.cases) assert.match(c.id, /^CF\/\d{5}\/\d{2}$/);
  });

  // One row per reminder kind in docs/domain-rules.md: the demo data must contain a case (or officer) that triggers it today.
  const bailEndsIn = (n: number) => open.some((c) => c.bail?.kind === "pre-charge" && c.bail.endsOn === addDays(TODAY, n));
  const staleFor = (n: number) => open.some((c) => c.lastUpdatedOn === ago(n));
  const triggers: [string, () => boolean][] = [
    ...[28, 14, 7, 2, 1, 0].map((n): [string, () => boolean] => [`bail ends in ${n} days`, () => bailEndsIn(n)]),
    ["bail lapsed yesterday, OIC off sick since before", () => open.some((c) => c.bail?.kind === "pre-charge" && c.bail.endsOn === ago(1) && byId.get(c.oicId)?.absences?.some((a) => a.kind === "sick" && a.from < ago(1)))],
    ["3-month authority step (inspector) within 14 days", () => open.some((c) => c.bail?.kind === "pre-charge" && c.bail.endsOn <= addDays(TODAY, 14) && c.bail.endsOn > TODAY && daysBetween(c.bail.startedOn, c.bail.endsOn) < 93)],
    ["6-month step (superintendent) within 21 days", () => open.some((c) => c.bail?.kind === "pre-charge" && c.bail.endsOn <= addDays(TODAY, 21) && c.bail.endsOn > TODAY && Math.abs(daysBetween(c.bail.startedOn, c.bail.endsOn) - 182) < 4)],
    ["9-month step (court) within 28 days", () => open.some((c) => c.bail?.kind === "pre-charge" && c.bail.endsOn <= addDays(TODAY, 28) && c.bail.endsOn > TODAY && Math.abs(daysBetween(c.bail.startedOn, c.bail.endsOn) - 273) < 4)],
    ["RUI due its 30-day review", () => open.some((c) => c.bail?.kind === "rui" && c.bail.since <= ago(30))],
    ...[20, 35, 70, 400].map((n): [string, () => boolean] => [`stale for ${n} days`, () => staleFor(n)]),
    ["forensics waiting over 60 days", () => open.some((c) => c.awaitingForensicsSince !== undefined && c.awaitingForensicsSince < ago(60))],
    ["review due today", () => open.some((c) => c.risk === "medium" && c.lastReviewedOn === ago(14))],
    ["review overdue past 2 cadences (inspector)", () => open.some((c) => (c.risk === "high" && (c.lastReviewedOn ?? c.openedOn) <= ago(14)) || (c.risk === "medium" && (c.lastReviewedOn ?? c.openedOn) <= ago(28)))],
    ["overdue review in the absent sergeant's team", () => open.some((c) => byId.get(c.oicId)?.supervisorId === "ds2" && (c.lastReviewedOn ?? c.openedOn) <= ago(15))],
    ["KIRAT very-high initial action overdue", () => open.some((c) => c.referralGrade === "very-high" && !c.firstActionOn && c.openedOn <= ago(1))],
    ["an officer with 2+ stale cases (action plan suggested)", () => officers.some((o) => open.filter((c) => c.oicId === o.id && (c.lastUpdatedOn ?? c.openedOn) <= ago(14)).length >= 2)],
    ["1:1 over 30 days ago", () => officers.some((o) => o.lastOneToOneOn !== undefined && o.lastOneToOneOn < ago(30))],
    ["4-year tenure reminder", () => officers.some((o) => o.unit === "POLIT" && o.unitJoinedOn !== undefined && daysBetween(o.unitJoinedOn, TODAY) >= 4 * 365 && daysBetween(o.unitJoinedOn, TODAY) < 5 * 365)],
    ["screening over 6 months ago after 5 years", () => officers.some((o) => o.lastScreeningOn !== undefined && o.lastScreeningOn < ago(183))],
  ];
  for (const [kind, holds] of triggers) it(`includes a trigger for: ${kind}`, () => assert.ok(holds()));
});

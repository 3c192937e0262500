import type { IsoDate } from "../../domain/dates";
import type { ImportFile } from "../../app/import/import-format";
import { addDays, addMonthsClamped } from "../../rules/calendar";
import { DEMO_DETECTIVES } from "./demo-officers";
import type { SeededRandom } from "./seeded-random";

export type DemoCase = ImportFile["cases"][number];
type CaseShape = Omit<DemoCase, "id" | "oicId">;

const CID_OFFENCES = [
  "Burglary dwelling", "Robbery", "Fraud by false representation", "Assault occasioning actual bodily harm",
  "Controlling or coercive behaviour", "Stalking", "Harassment", "Rape", "Sexual assault", "Supply of controlled drugs",
  "Theft from a person", "Arson", "Blackmail", "Wounding with intent",
];
const POLIT_OFFENCES = ["Indecent images of children", "Online grooming", "Sexual communication with a child", "Causing a child to watch a sexual act"];

/**
 * Cases chosen so that every reminder kind in docs/domain-rules.md fires at least once on `today` (see the comment on each).
 * The rest of each officer's caseload is ordinary, recently updated and reviewed work.
 */
function specialCases(today: IsoDate): { oicId: string; shape: CaseShape }[] {
  const ago = (n: number) => addDays(today, -n);
  const ahead = (n: number) => addDays(today, n);
  // Pre-charge bail whose applicable period (3, 6 or 9 months) ends `endsIn` days from today.
  const bail = (endsIn: number, months = 3) => {
    const endsOn = ahead(endsIn);
    return { kind: "pre-charge" as const, startedOn: addMonthsClamped(endsOn, -months), endsOn, regime: "pcsc-2022" as const };
  };
  const base = (opened: number, risk: CaseShape["risk"], category: string): CaseShape => ({
    offenceCategory: category, risk, openedOn: ago(opened), lastUpdatedOn: ago(3), lastReviewedOn: ago(4), status: "open",
  });
  return [
    // Bail warnings at 28, 14, 7, 2, 1 days and on the day (14 days is also the 3-month inspector step).
    { oicId: "dc12", shape: { ...base(120, "medium", "Burglary dwelling"), bail: bail(28) } },
    { oicId: "dc08", shape: { ...base(100, "high", "Robbery"), bail: bail(14) } },
    { oicId: "dc01", shape: { ...base(95, "high", "Wounding with intent"), bail: bail(7) } },
    { oicId: "dc06", shape: { ...base(97, "medium", "Stalking"), bail: bail(2) } },
    { oicId: "dc01", shape: { ...base(96, "very-high", "Rape"), bail: bail(1) } },
    { oicId: "dc02", shape: { ...base(110, "high", "Controlling or coercive behaviour"), bail: bail(0) } },
    // Lapsed yesterday, two days after the OIC went sick: escalation to all three ranks plus a victim update.
    { oicId: "dc03", shape: { ...base(130, "high", "Sexual assault"), lastUpdatedOn: ago(30), bail: bail(-1) } },
    // Authority steps: inspector (3 months), superintendent (6 months), court (9 months).
    { oicId: "dc09", shape: { ...base(100, "medium", "Fraud by false representation"), bail: bail(10) } },
    { oicId: "dc10", shape: { ...base(200, "high", "Supply of controlled drugs"), bail: bail(18, 6) } },
    { oicId: "dc13", shape: { ...base(290, "high", "Blackmail"), bail: bail(25, 9) } },
    // Released under investigation: one due its 30-day review, one not yet.
    { oicId: "dc04", shape: { ...base(80, "medium", "Theft from a person"), bail: { kind: "rui", since: ago(45) } } },
    { oicId: "dc14", shape: { ...base(40, "low", "Harassment"), bail: { kind: "rui", since: ago(10) } } },
    // Stale: OIC prompt (20), sergeant (35), inspector (70), red on every status (400).
    { oicId: "dc01", shape: { ...base(60, "medium", "Harassment"), lastUpdatedOn: ago(20) } },
    { oicId: "dc11", shape: { ...base(50, "low", "Theft from a person"), lastUpdatedOn: ago(20) } },
    { oicId: "dc04", shape: { ...base(90, "medium", "Fraud by false representation"), lastUpdatedOn: ago(35) } },
    { oicId: "dc15", shape: { ...base(75, "low", "Arson"), lastUpdatedOn: ago(35) } },
    { oicId: "dc04", shape: { ...base(150, "high", "Sexual assault"), lastUpdatedOn: ago(70) } },
    { oicId: "dc16", shape: { ...base(140, "medium", "Burglary dwelling"), lastUpdatedOn: ago(70) } },
    { oicId: "dc04", shape: { ...base(430, "high", "Indecent images of children"), lastUpdatedOn: ago(400), lastReviewedOn: ago(70), awaitingForensicsSince: ago(410) } },
    // Digital forensics waits over 60 days (and one under, which must not flag).
    { oicId: "dc17", shape: { ...base(100, "high", "Indecent images of children"), awaitingForensicsSince: ago(75) } },
    { oicId: "dc02", shape: { ...base(160, "medium", "Fraud by false representation"), awaitingForensicsSince: ago(120) } },
    { oicId: "dc18", shape: { ...base(45, "medium", "Indecent images of children"), awaitingForensicsSince: ago(30) } },
    // Reviews: due today, overdue, and overdue by two cadences (inspector escalation); ds2's go to the cover, ds3.
    { oicId: "dc01", shape: { ...base(70, "medium", "Assault occasioning actual bodily harm"), lastReviewedOn: ago(14) } },
    { oicId: "dc06", shape: { ...base(80, "medium", "Robbery"), lastReviewedOn: ago(20) } },
    { oicId: "dc08", shape: { ...base(60, "high", "Wounding with intent"), lastReviewedOn: ago(16) } },
    { oicId: "dc12", shape: { offenceCategory: "Harassment", risk: "low", openedOn: ago(40), lastUpdatedOn: ago(5), status: "open" } },
    { oicId: "dc13", shape: { ...base(90, "medium", "Stalking"), lastReviewedOn: ago(30) } },
    // KIRAT initial action: very high overdue (1 day), high due soon, low overdue (30 days), medium done.
    { oicId: "dc18", shape: { ...base(2, "very-high", "Online grooming"), lastReviewedOn: ago(1), lastUpdatedOn: ago(2), referralGrade: "very-high" } },
    { oicId: "dc19", shape: { ...base(5, "high", "Indecent images of children"), lastReviewedOn: ago(1), referralGrade: "high" } },
    { oicId: "dc17", shape: { ...base(35, "low", "Sexual communication with a child"), referralGrade: "low" } },
    { oicId: "dc20", shape: { ...base(3, "medium", "Indecent images of children"), lastReviewedOn: ago(1), lastUpdatedOn: ago(2), referralGrade: "medium", firstActionOn: ago(2) } },
  ];
}

/** An ordinary open case: updated within 10 days and reviewed within its risk cadence. */
function ordinaryCase(today: IsoDate, rng: SeededRandom, polit: boolean): CaseShape {
  const risk = rng.weighted([["low", 30], ["medium", 45], ["high", 20], ["very-high", 5]] as const);
  const cadence = risk === "high" || risk === "very-high" ? 7 : 14;
  const shape: CaseShape = {
    offenceCategory: rng.pick(polit ? POLIT_OFFENCES : CID_OFFENCES),
    risk,
    openedOn: addDays(today, -rng.int(20, 300)),
    lastUpdatedOn: addDays(today, -rng.int(0, 10)),
    lastReviewedOn: addDays(today, -rng.int(0, cadence - 2)),
    status: "open",
  };
  if (polit) return { ...shape, referralGrade: risk, firstActionOn: addDays(shape.openedOn, 1) };
  if (rng.next() < 0.1) {
    // Bail well beyond the 28-day warning window: nothing due yet.
    const startedOn = addDays(today, -rng.int(5, 50));
    return { ...shape, bail: { kind: "pre-charge", startedOn, endsOn: addMonthsClamped(startedOn, 3), regime: "pcsc-2022" } };
  }
  return shape;
}

/** Crime references like `CF/01234/26`: strictly increasing numbers, so unique; the year is the year opened. */
function crimeRefs(rng: SeededRandom) {
  let n = 1000;
  return (openedOn: IsoDate) => {
    n += rng.int(1, 40);
    return `CF/${String(n).padStart(5, "0")}/${openedOn.slice(2, 4)}`;
  };
}

/** Every detective's caseload (DEMO_DETECTIVES) as open cases, plus a few closed ones. */
export function demoCases(today: IsoDate, rng: SeededRandom, closed = 6): DemoCase[] {
  const nextRef = crimeRefs(rng);
  const specials = specialCases(today);
  const out: DemoCase[] = [];
  for (const d of DEMO_DETECTIVES) {
    const mine = specials.filter((s) => s.oicId === d.id).map((s) => s.shape);
    if (mine.length > d.caseload) throw new RangeError(`demo: ${d.id} has more special cases than its caseload`);
    const polit = d.sergeant === "ds3";
    while (mine.length < d.caseload) mine.push(ordinaryCase(today, rng, polit));
    for (const shape of mine) out.push({ id: nextRef(shape.openedOn), oicId: d.id, ...shape });
  }
  for (let i = 0; i < closed; i++) {
    const d = rng.pick(DEMO_DETECTIVES);
    const shape: CaseShape = { ...ordinaryCase(today, rng, d.sergeant === "ds3"), status: "closed" };
    out.push({ id: nextRef(shape.openedOn), oicId: d.id, ...shape });
  }
  return out;
}

import { CASE_SCHEMA_VERSION, caseDocId, type CaseDoc, type Risk } from "../services/domain/case";
import type { IsoDate } from "../services/domain/dates";
import { OFFICER_SCHEMA_VERSION, type Officer } from "../services/domain/officer";
import { sweepFields } from "../services/app/import/sweep-fields";
import type { Policy } from "../services/domain/policy";
import { addDays } from "../services/rules/calendar";

/**
 * A force shaped like a real one (DCI ← DIs ← DSs ← DCs) at any size, with case dates chosen so that an exact,
 * known set of cases is due today. Names are synthetic ("Officer dc-00042"); cases carry only the fields the rules need.
 */
export interface ForceShape {
  cases: number;
  /** One case in `dueEvery` is due today (100 → 1%). */
  dueEvery: number;
  casesPerDetective: number;
  detectivesPerSergeant: number;
  sergeantsPerInspector: number;
}

export interface SyntheticForce {
  officers: Officer[];
  detectives: Officer[];
  inspectors: Officer[];
  caseCount: number;
  /** Cases with nextAttentionOn ≤ today, by construction (checked against the rules when built). */
  dueCount: number;
  caseAt(i: number): CaseDoc;
}

const pad = (n: number, width = 5) => String(n).padStart(width, "0");
const RISKS: readonly Risk[] = ["low", "medium", "medium", "high"];

function officer(id: string, rank: Officer["rank"], supervisorId?: string): Officer {
  return {
    id, name: `Officer ${id}`, rank, aadObjectId: `aad-${id}`, hoursPerWeek: 40, absences: [], type: "officer",
    schemaVersion: OFFICER_SCHEMA_VERSION, ...(supervisorId ? { supervisorId } : {}),
  };
}

/** Officers for `detectives` DCs, with sergeants and inspectors above them in the given spans. */
export function syntheticOfficers(detectives: number, shape: Pick<ForceShape, "detectivesPerSergeant" | "sergeantsPerInspector">) {
  const sergeantCount = Math.ceil(detectives / shape.detectivesPerSergeant);
  const inspectorCount = Math.ceil(sergeantCount / shape.sergeantsPerInspector);
  const dci = officer("dci-1", "DCI");
  const inspectors = Array.from({ length: inspectorCount }, (_, i) => officer(`di-${pad(i, 3)}`, "DI", dci.id));
  const sergeants = Array.from({ length: sergeantCount }, (_, i) => officer(`ds-${pad(i, 4)}`, "DS", inspectors[Math.floor(i / shape.sergeantsPerInspector)]!.id));
  const dcs = Array.from({ length: detectives }, (_, i) => officer(`dc-${pad(i)}`, "DC", sergeants[Math.floor(i / shape.detectivesPerSergeant)]!.id));
  return { officers: [dci, ...inspectors, ...sergeants, ...dcs], detectives: dcs, inspectors };
}

function baseCase(ref: string, oicId: string, risk: Risk, dates: Pick<CaseDoc, "openedOn" | "lastReviewedOn" | "lastUpdatedOn">): CaseDoc {
  return {
    id: caseDocId(ref), ref, offenceCategory: "Indecent images of children", risk, oicId, status: "open",
    type: "case", schemaVersion: CASE_SCHEMA_VERSION, ...dates,
  };
}

/**
 * Case `i`: every `dueEvery`-th has its review two days overdue (one item, to the sergeant); the rest were reviewed
 * and updated within the last week, so nothing is due for at least a few days.
 */
function sweepCase(i: number, oicId: string, dueEvery: number, policy: Policy, today: IsoDate): CaseDoc {
  const ref = `BN/${pad(i, 6)}/26`;
  const due = i % dueEvery === 0;
  const doc = due
    ? baseCase(ref, oicId, "medium", { openedOn: addDays(today, -40), lastReviewedOn: addDays(today, -16), lastUpdatedOn: addDays(today, -3) })
    : baseCase(ref, oicId, RISKS[i % RISKS.length]!, { openedOn: addDays(today, -60), lastReviewedOn: addDays(today, -(i % 5)), lastUpdatedOn: addDays(today, -(i % 6)) });
  return { ...doc, ...definedOnly(sweepFields(doc, policy, today)) };
}

/** A case whose only item today is the OIC's stale-case prompt: one digest, to the detective, per case. */
export function staleForOicCase(i: number, oicId: string, policy: Policy, today: IsoDate): CaseDoc {
  const doc = baseCase(`FO/${pad(i, 6)}/26`, oicId, "medium", {
    openedOn: addDays(today, -60), lastReviewedOn: addDays(today, -2), lastUpdatedOn: addDays(today, -policy.progress.promptOicAfterDays - 1),
  });
  return { ...doc, ...definedOnly(sweepFields(doc, policy, today)) };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function syntheticForce(shape: ForceShape, policy: Policy, today: IsoDate): SyntheticForce {
  const detectiveCount = Math.ceil(shape.cases / shape.casesPerDetective);
  const { officers, detectives, inspectors } = syntheticOfficers(detectiveCount, shape);
  // Each detective holds a run of consecutive cases, so the due ones (every dueEvery-th) fall to many detectives.
  const caseAt = (i: number) => sweepCase(i, detectives[Math.floor(i / shape.casesPerDetective) % detectiveCount]!.id, shape.dueEvery, policy, today);
  // The rules, not this file, decide what is due: check that the constructed dates mean what they claim.
  for (const i of [0, 1, 2, 3, 4, 5, shape.dueEvery]) {
    const c = caseAt(i);
    const isDue = c.nextAttentionOn !== undefined && c.nextAttentionOn <= today;
    if (isDue !== (i % shape.dueEvery === 0)) throw new Error(`bench force: case ${i} due=${isDue}, expected ${i % shape.dueEvery === 0}; the rules changed`);
  }
  return { officers, detectives, inspectors, caseCount: shape.cases, dueCount: Math.ceil(shape.cases / shape.dueEvery), caseAt };
}

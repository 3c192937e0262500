import { CASE_SCHEMA_VERSION, caseDocId, type CaseDoc } from "../../services/domain/case";
import { OFFICER_SCHEMA_VERSION, type Officer } from "../../services/domain/officer";

/** An officer with sensible defaults; override what the test is about. */
export function makeOfficer(overrides: Partial<Officer> & { id: string }): Officer {
  return {
    name: `Officer ${overrides.id}`,
    rank: "DC",
    hoursPerWeek: 40,
    absences: [],
    type: "officer",
    schemaVersion: OFFICER_SCHEMA_VERSION,
    ...overrides,
  };
}

/** A stored case with sensible defaults; `ref` drives the id. */
export function makeCase(overrides: Partial<CaseDoc> & { ref?: string } = {}): CaseDoc {
  const ref = overrides.ref ?? "CF/00001/26";
  return {
    offenceCategory: "Indecent images of children",
    risk: "medium",
    oicId: "dc1",
    openedOn: "2026-01-05",
    status: "open",
    type: "case",
    schemaVersion: CASE_SCHEMA_VERSION,
    ...overrides,
    ref,
    id: caseDocId(ref),
  };
}

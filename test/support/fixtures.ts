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

/** Every setting the Teams app package needs, valid, as a deployment would set them. */
export const manifestEnv = {
  MicrosoftAppId: "6F1A2B3C-1111-4222-8333-944455556666",
  CASEWATCH_PUBLIC_HOSTNAME: "casewatch-anyshire.azurewebsites.net",
  CASEWATCH_DEVELOPER_NAME: "Anyshire Police",
  CASEWATCH_DEVELOPER_WEBSITE: "https://www.anyshire.police.uk/casewatch",
  CASEWATCH_PRIVACY_URL: "https://www.anyshire.police.uk/privacy",
  CASEWATCH_TERMS_URL: "https://www.anyshire.police.uk/terms",
};

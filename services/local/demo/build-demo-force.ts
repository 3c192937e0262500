import type { IsoDate } from "../../domain/dates";
import type { ImportFile } from "../../app/import/import-format";
import { demoCases } from "./demo-cases";
import { demoOfficers } from "./demo-officers";
import { seededRandom } from "./seeded-random";

export interface DemoForceOptions {
  /** PRNG seed; the same seed and day always give the same force. */
  seed?: number;
  /** Closed cases added on top of the open caseloads (default 6). */
  closedCases?: number;
}

/**
 * A fictional force in the import contract format, so the seed passes the same validation as any import:
 * a DCI, a DI, 3 sergeants and 20 detectives with about 200 cases, all dates relative to `today`.
 * No victim or suspect appears anywhere: cases carry a crime reference, offence category, risk and dates only.
 */
export function buildDemoForce(today: IsoDate, opts: DemoForceOptions = {}): ImportFile {
  const rng = seededRandom(opts.seed ?? 20260101);
  return { officers: demoOfficers(today), cases: demoCases(today, rng, opts.closedCases ?? 6) };
}

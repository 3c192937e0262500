import type { Moment } from "../../domain/dates";
import type { ImportResult, ImportService } from "../../app/import/import-service";
import { buildDemoForce, type DemoForceOptions } from "./build-demo-force";

export { DEMO_USERS, DEMO_OFFICER_IDS } from "./demo-users";

/** Load the demo force through the ordinary import (validation, upserts, audit entry). */
export async function seedDemoForce(deps: {
  importService: ImportService;
  /** The seed is dated and imported as of this one moment. */
  at: Moment;
  options?: DemoForceOptions;
}): Promise<{ officers: number; cases: number; result: ImportResult }> {
  const data = buildDemoForce(deps.at.today, deps.options);
  const result = await deps.importService.run({ data, label: "demo-force" }, { actorId: "system:demo-seed", at: deps.at });
  return {
    officers: result.officers.created + result.officers.updated,
    cases: result.cases.created + result.cases.updated,
    result,
  };
}

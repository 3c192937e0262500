import type { CaseDoc } from "../../domain/case";
import type { IsoDate } from "../../domain/dates";
import type { Officer } from "../../domain/officer";
import type { CaseRepository } from "../../store/case-repository";
import type { OfficerRepository } from "../../store/officer-repository";
import { caseInScope } from "./case-in-scope";
import { chainOfCommand, type Scope } from "./chain-of-command";

export interface ScopedCases {
  scope: Scope;
  today: IsoDate;
  /** Open cases whose OIC is inside the scope. */
  cases: CaseDoc[];
}

/**
 * The only way application services read cases for a person: every read goes through the viewer's chain of
 * command (docs/domain-rules.md §8), so scope is enforced here and not only in what cards show. `today` is the
 * caller's day (a turn's `at.today`), never read from a clock here, so one turn sees one day.
 */
export interface ScopedCaseReader {
  /** The viewer's chain of command on `today`. */
  scopeOf(viewer: Officer, today: IsoDate): Promise<{ scope: Scope; today: IsoDate }>;
  openCases(viewer: Officer, today: IsoDate, opts?: { ownOnly?: boolean }): Promise<ScopedCases>;
  /** A case by its reference as typed, or CaseNotFoundError when it does not exist or is out of scope (caseInScope). */
  byRef(viewer: Officer, today: IsoDate, ref: string): Promise<{ scope: Scope; today: IsoDate; found: CaseDoc }>;
}

export function createScopedCaseReader(deps: { officers: OfficerRepository; cases: CaseRepository }): ScopedCaseReader {
  const scopeOf = async (viewer: Officer, today: IsoDate) => ({ scope: chainOfCommand(viewer, await deps.officers.all(), today), today });
  return {
    scopeOf,
    openCases: async (viewer, today, opts) => {
      const { scope } = await scopeOf(viewer, today);
      const ids = opts?.ownOnly ? [viewer.id] : [...scope.officers.keys()];
      const cases = await deps.cases.byOic(ids, { openOnly: true });
      return { scope, today, cases: cases.filter((c) => scope.includes(c.oicId)) };
    },
    byRef: async (viewer, today, ref) => {
      const scoped = scopeOf(viewer, today).then((s) => s.scope);
      const found = await caseInScope(deps.cases, scoped, ref);
      return { scope: await scoped, today, found };
    },
  };
}

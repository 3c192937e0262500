import type { Clock } from "../../platform/clock";
import type { CaseDoc } from "../../domain/case";
import type { IsoDate } from "../../domain/dates";
import type { Officer } from "../../domain/officer";
import { CasewatchError } from "../../platform/errors";
import type { Policy } from "../../domain/policy";
import { londonDay } from "../../rules/calendar";
import type { CaseRepository } from "../../store/case-repository";
import type { OfficerRepository } from "../../store/officer-repository";
import { chainOfCommand, type Scope } from "./chain-of-command";

/** The same error, word for word, for a reference that does not exist and one the viewer may not see. */
export class CaseNotFoundError extends CasewatchError {
  constructor(readonly ref: string) {
    super("NOT_FOUND", `Casewatch has no case ${ref} that you can see. Check the reference and try again.`);
  }
}

export interface ScopedCases {
  scope: Scope;
  today: IsoDate;
  /** Open cases whose OIC is inside the scope. */
  cases: CaseDoc[];
}

/**
 * The only way application services read cases for a person: every read goes through the viewer's chain of
 * command (docs/domain-rules.md §8), so scope is enforced here and not only in what cards show.
 */
export interface ScopedCaseReader {
  /** The viewer's chain of command on `today` (the turn's day; read from the clock only when a caller has none yet). */
  scopeOf(viewer: Officer, today?: IsoDate): Promise<{ scope: Scope; today: IsoDate }>;
  openCases(viewer: Officer, opts?: { ownOnly?: boolean }): Promise<ScopedCases>;
  /** A case by its reference as typed, or CaseNotFoundError when it does not exist or is out of scope. */
  byRef(viewer: Officer, ref: string): Promise<{ scope: Scope; today: IsoDate; found: CaseDoc }>;
}

export function createScopedCaseReader(deps: { officers: OfficerRepository; cases: CaseRepository; clock: Clock; policy: Policy }): ScopedCaseReader {
  const scopeOf = async (viewer: Officer, day?: IsoDate) => {
    const today = day ?? londonDay(deps.clock.now(), deps.policy.timeZone);
    return { scope: chainOfCommand(viewer, await deps.officers.all(), today), today };
  };
  return {
    scopeOf,
    openCases: async (viewer, opts) => {
      const { scope, today } = await scopeOf(viewer);
      const ids = opts?.ownOnly ? [viewer.id] : [...scope.officers.keys()];
      const cases = await deps.cases.byOic(ids, { openOnly: true });
      return { scope, today, cases: cases.filter((c) => scope.includes(c.oicId)) };
    },
    byRef: async (viewer, ref) => {
      // People type references in lower case; stored references keep the force's own spelling. Both spellings are
      // always read, so a miss and an out-of-scope hit cost the same.
      const spellings = [...new Set([ref, ref.toUpperCase()])];
      const [{ scope, today }, ...hits] = await Promise.all([scopeOf(viewer), ...spellings.map((r) => deps.cases.getByRef(r))]);
      const found = hits.find((c) => c !== undefined);
      if (!found || !scope.includes(found.oicId)) throw new CaseNotFoundError(ref);
      return { scope, today, found };
    },
  };
}

import type { IsoDate } from "../../domain/dates";
import type { Officer } from "../../domain/officer";
import type { OfficerRepository } from "../../store/officer-repository";
import type { ScopedCaseReader } from "../scope/scoped-cases";
import type { Profile } from "./profile-view";

/** Who is speaking, as the bot edge knows it: the Entra tenant and the user's object id from the activity. */
export interface Caller {
  tenantId: string | undefined;
  aadObjectId: string | undefined;
}

export type Identity =
  | { kind: "officer"; officer: Officer }
  | { kind: "unknown-user" }
  | { kind: "tenant-refused" };

export interface IdentityService {
  /** Maps a caller to an officer; nobody outside the allowed tenants gets any further (docs/domain-rules.md §8). */
  identify(caller: Caller): Promise<Identity>;
  /** Whether anyone from this tenant may use the bot at all; checked before anything is stored. */
  tenantAllowed(tenantId: string | undefined): boolean;
  /** The officer as the welcome card shows them, with the people they supervise on `today` (cover included). */
  profile(officer: Officer, today: IsoDate): Promise<Profile>;
}

export function createIdentityService(deps: { officers: OfficerRepository; reader: ScopedCaseReader; allowedTenants: readonly string[] }): IdentityService {
  const allowed = new Set(deps.allowedTenants);
  const tenantAllowed = (tenantId: string | undefined) => tenantId !== undefined && allowed.has(tenantId);
  return {
    tenantAllowed,
    identify: async ({ tenantId, aadObjectId }) => {
      if (!tenantAllowed(tenantId)) return { kind: "tenant-refused" };
      if (aadObjectId === undefined || aadObjectId === "") return { kind: "unknown-user" };
      const officer = await deps.officers.byAadObjectId(aadObjectId);
      return officer ? { kind: "officer", officer } : { kind: "unknown-user" };
    },
    profile: async (officer, today) => {
      const [{ scope }, supervisor] = await Promise.all([
        deps.reader.scopeOf(officer, today),
        officer.supervisorId ? deps.officers.get(officer.supervisorId) : Promise.resolve(undefined),
      ]);
      return {
        name: officer.name,
        rank: officer.rank,
        ...(officer.unit ? { unit: officer.unit } : {}),
        ...(supervisor ? { supervisorName: `${supervisor.rank} ${supervisor.name}` } : {}),
        supervises: scope.officers.size - 1,
        role: scope.role,
      };
    },
  };
}

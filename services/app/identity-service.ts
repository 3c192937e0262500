import type { Officer } from "../domain/officer";
import type { OfficerRepository } from "../store/officer-repository";

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
  /** Maps a caller to an officer; nobody outside the allowed tenants gets any further (RULES.md §8). */
  identify(caller: Caller): Promise<Identity>;
}

export function createIdentityService(deps: { officers: OfficerRepository; allowedTenants: readonly string[] }): IdentityService {
  const allowed = new Set(deps.allowedTenants);
  return {
    identify: async ({ tenantId, aadObjectId }) => {
      if (tenantId === undefined || !allowed.has(tenantId)) return { kind: "tenant-refused" };
      if (aadObjectId === undefined || aadObjectId === "") return { kind: "unknown-user" };
      const officer = await deps.officers.byAadObjectId(aadObjectId);
      return officer ? { kind: "officer", officer } : { kind: "unknown-user" };
    },
  };
}

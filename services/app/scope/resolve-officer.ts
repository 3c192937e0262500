import type { Officer } from "../../domain/officer";
import { ValidationError } from "../../platform/errors";
import type { Scope } from "./chain-of-command";
import { OfficerOutOfScopeError } from "./scope-errors";
import { nameOf } from "../team/team-figures";

const fold = (s: string): string => s.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * The officer a typed command means (`absent <officer> …`, `reassign <case> to <officer>`, `1:1 <officer>`), looked
 * for only inside the viewer's scope: an id ("dc05"), a full name with or without rank ("DC Carys Lloyd",
 * "Carys Lloyd") or a surname ("Lloyd"). Someone outside the scope reads exactly like someone who does not exist.
 */
export function resolveOfficer(scope: Scope, typed: string): Officer {
  const wanted = fold(typed);
  const people = [...scope.officers.values()];
  const byId = people.find((o) => o.id.toLowerCase() === wanted);
  if (byId) return byId;
  const names = (o: Officer) => [fold(nameOf(o)), fold(o.name), fold(o.name.split(" ").at(-1) ?? "")];
  const matches = people.filter((o) => names(o).includes(wanted));
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new OfficerOutOfScopeError(typed.trim().slice(0, 64));
  throw new ValidationError(`More than one officer is called "${typed.trim().slice(0, 64)}".`, [
    `Use one of: ${matches.map((o) => `${nameOf(o)} (${o.id})`).join(", ")}.`,
  ]);
}

import type { IsoDate } from "../domain/dates";
import { rankLevel, type Officer } from "../domain/officer";
import { isAbsentOn } from "./absence";

export type RouteReason = "absent" | "unreachable";
export type Route = { recipientId?: string; routedVia: RouteReason[]; unreachable: string[] };

/** Sergeants and above name a cover; a detective's work always goes to their sergeant (docs/domain-rules.md §3, §6). */
function isSupervisor(o: Officer): boolean {
  return rankLevel[o.rank] >= rankLevel.DS;
}

function delegateOf(o: Officer, officers: ReadonlyMap<string, Officer>, day: IsoDate): string | undefined {
  if (isSupervisor(o) && o.coverId !== undefined) {
    const cover = officers.get(o.coverId);
    if (cover !== undefined && !isAbsentOn(cover, day)) return o.coverId;
  }
  return o.supervisorId;
}

/**
 * Who actually receives an item meant for `intendedId` on `day`. An absent officer's items go to
 * their cover (supervisors) or their supervisor; someone with no live Teams conversation is passed
 * up the chain and listed as unreachable. A chain that loops or runs out yields no recipient.
 * `reachable` undefined means everyone can be reached (e.g. a dry run).
 */
export function routeRecipient(
  intendedId: string,
  officers: ReadonlyMap<string, Officer>,
  day: IsoDate,
  reachable?: ReadonlySet<string>,
): Route {
  const routedVia: RouteReason[] = [];
  const unreachable: string[] = [];
  const seen = new Set<string>();
  let id: string | undefined = intendedId;
  while (id !== undefined && !seen.has(id)) {
    seen.add(id);
    const o = officers.get(id);
    // An id with no officer record is a data error upstream; the caller reports the item as unroutable.
    if (o === undefined) return { routedVia, unreachable };
    if (isAbsentOn(o, day)) {
      routedVia.push("absent");
      id = delegateOf(o, officers, day);
      continue;
    }
    if (reachable !== undefined && !reachable.has(id)) {
      routedVia.push("unreachable");
      unreachable.push(id);
      id = o.supervisorId;
      continue;
    }
    return { recipientId: id, routedVia, unreachable };
  }
  return { routedVia, unreachable };
}

import type { IsoDate } from "../../domain/dates";
import { rankLevel, type Officer } from "../../domain/officer";
import { isAbsentOn } from "../../rules/absence";

/** What one officer may see: themselves and everyone below them in the chain of command (docs/domain-rules.md §8). */
export interface Scope {
  viewer: Officer;
  /** Everyone whose cases the viewer may see, the viewer included. */
  officers: ReadonlyMap<string, Officer>;
  includes(officerId: string): boolean;
  /** Direct reports of `officerId` inside the scope. */
  reportsOf(officerId: string): Officer[];
  /** `officerId` and everyone below them, inside the scope. */
  teamOf(officerId: string): Officer[];
  /** The view a status card takes: nobody below → own cases; a sergeant's level → team; above → teams. */
  role: "detective" | "sergeant" | "inspector";
}

function reportsIndex(all: readonly Officer[]): Map<string, Officer[]> {
  const index = new Map<string, Officer[]>();
  for (const o of all) {
    if (o.supervisorId === undefined || o.supervisorId === o.id) continue;
    const list = index.get(o.supervisorId) ?? [];
    list.push(o);
    index.set(o.supervisorId, list);
  }
  return index;
}

/** Breadth-first below `rootId`; the visited set makes a bad import with a supervisor cycle terminate. */
function below(rootId: string, index: Map<string, Officer[]>, byId: Map<string, Officer>): Officer[] {
  const seen = new Set<string>([rootId]);
  const out: Officer[] = [];
  const root = byId.get(rootId);
  if (root) out.push(root);
  const queue = [rootId];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const r of index.get(id) ?? []) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      out.push(r);
      queue.push(r.id);
    }
  }
  return out;
}

/**
 * The viewer's scope, from the whole force's officer list. A supervisor named as `coverId` for an officer who is
 * absent today also sees that officer's team, because the absent officer's reviews are routed to them (docs/domain-rules.md §6).
 */
export function chainOfCommand(viewer: Officer, all: readonly Officer[], today: IsoDate): Scope {
  const byId = new Map(all.map((o) => [o.id, o]));
  byId.set(viewer.id, viewer);
  const index = reportsIndex([...byId.values()]);
  const visible = new Map<string, Officer>();
  for (const o of below(viewer.id, index, byId)) visible.set(o.id, o);
  for (const covered of all) {
    if (covered.coverId === viewer.id && covered.id !== viewer.id && isAbsentOn(covered, today)) {
      for (const o of below(covered.id, index, byId)) visible.set(o.id, o);
    }
  }
  const reportsOf = (id: string) => (index.get(id) ?? []).filter((r) => visible.has(r.id));
  const hasReports = reportsOf(viewer.id).length > 0 || visible.size > 1;
  return {
    viewer,
    officers: visible,
    includes: (id) => visible.has(id),
    reportsOf,
    teamOf: (id) => (visible.has(id) ? below(id, index, byId).filter((o) => visible.has(o.id)) : []),
    role: !hasReports ? "detective" : rankLevel[viewer.rank] >= rankLevel.DI ? "inspector" : "sergeant",
  };
}

import type { Containers } from "../../services/store/cosmos-setup";

const SYSTEM = new Set(["_rid", "_self", "_etag", "_attachments", "_ts"]);

/**
 * Every document in every container, without Cosmos system fields, in a stable order: two snapshots are equal
 * exactly when nothing was created, changed or deleted in between.
 */
export async function snapshotStore(containers: Containers, only?: readonly (keyof Containers)[]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [name, container] of Object.entries(containers)) {
    if (only && !only.includes(name as keyof Containers)) continue;
    const { resources } = await container.items.readAll().fetchAll();
    out[name] = resources
      .map((doc) => JSON.stringify(Object.fromEntries(Object.entries(doc).filter(([k]) => !SYSTEM.has(k)).sort(([a], [b]) => a.localeCompare(b)))))
      .sort();
  }
  return out;
}

/** Count of documents per container, for messages. */
export function sizes(snapshot: Record<string, string[]>): Record<string, number> {
  return Object.fromEntries(Object.entries(snapshot).map(([k, v]) => [k, v.length]));
}

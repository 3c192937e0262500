import type { Clock } from "../platform/clock";
import type { Officer } from "../domain/officer";
import type { OfficerRepository } from "./officer-repository";

/** How old a directory snapshot may be before a read loads it again. */
export const OFFICER_DIRECTORY_MAX_AGE_MS = 30_000;

export interface OfficerDirectory extends OfficerRepository {
  /** Drops the snapshot; the next read loads the directory again. Every write through the directory does this. */
  invalidate(): void;
}

type Snapshot = { officers: readonly Officer[]; byAad: ReadonlyMap<string, Officer>; loadedAt: number };

/**
 * The officer list every turn needs (identity and the chain of command), read once and shared instead of queried
 * on every turn: a snapshot at most `maxAgeMs` old, loaded by one query however many turns ask at once.
 *
 * Freshness: writes made through this directory (absences, 1:1s, handovers, imports in this process) drop the
 * snapshot, so this process reads its own writes at once. Writes from elsewhere (the `casewatch import` CLI, another
 * bot instance) show within `maxAgeMs`, and a person unknown to the snapshot is looked up in the store, so someone
 * just imported is recognised on their first message. Point reads (`get`) always go to the store: callers use them
 * for the current ETag before a write. Snapshot officers are frozen because every caller shares them.
 */
export function createOfficerDirectory(deps: { officers: OfficerRepository; clock: Clock; maxAgeMs?: number }): OfficerDirectory {
  const { officers: store, clock } = deps;
  const maxAgeMs = deps.maxAgeMs ?? OFFICER_DIRECTORY_MAX_AGE_MS;
  let snapshot: Snapshot | undefined;
  let generation = 0;
  let loading: { generation: number; promise: Promise<Snapshot> } | undefined;

  const load = (): Promise<Snapshot> => {
    const gen = generation;
    // Aged from when the read started, so the bound holds however long the read took.
    const startedAt = clock.now().getTime();
    const promise = store.all().then((all) => {
      const officers = all.map(freeze);
      const next: Snapshot = { officers, byAad: new Map(officers.flatMap((o) => (o.aadObjectId ? [[o.aadObjectId, o] as const] : []))), loadedAt: startedAt };
      // A write finished while this read was in flight: its answer may predate the write, so it is not kept.
      if (gen === generation) snapshot = next;
      return next;
    });
    loading = { generation: gen, promise };
    void promise.then(
      () => { if (loading?.promise === promise) loading = undefined; },
      () => { if (loading?.promise === promise) loading = undefined; },
    );
    return promise;
  };

  const current = (): Promise<Snapshot> => {
    if (snapshot && clock.now().getTime() - snapshot.loadedAt < maxAgeMs) return Promise.resolve(snapshot);
    // Concurrent turns share the one read in flight, unless a write finished after it started.
    if (loading && loading.generation === generation) return loading.promise;
    return load();
  };

  const invalidate = () => {
    generation += 1;
    snapshot = undefined;
  };

  /** Writes go straight to the store and always drop the snapshot, even when they fail (a 412 means it was stale). */
  const write = async (op: () => Promise<Officer>): Promise<Officer> => {
    try {
      return await op();
    } finally {
      invalidate();
    }
  };

  return {
    invalidate,
    get: (id) => store.get(id),
    all: async () => [...(await current()).officers],
    byAadObjectId: async (aad) => {
      const known = (await current()).byAad.get(aad);
      if (known) return known;
      const found = await store.byAadObjectId(aad);
      // Someone the store knows and the snapshot does not: the snapshot is behind, so the next read reloads it.
      if (found) invalidate();
      return found;
    },
    directReports: async (sid) => (await current()).officers.filter((o) => o.supervisorId === sid),
    create: (o) => write(() => store.create(o)),
    replace: (o) => write(() => store.replace(o)),
    upsert: (o) => write(() => store.upsert(o)),
  };
}

function freeze(o: Officer): Officer {
  Object.freeze(o.absences);
  for (const a of o.absences) Object.freeze(a);
  if (o.workingDays) Object.freeze(o.workingDays);
  return Object.freeze(o);
}

import { z } from "zod";
import { caseDoc, caseDocId } from "../../domain/case";
import type { CaseRepository } from "../case-repository";
import type { MemoryContainer, RawDoc } from "./memory-container";
import { MemoryDocumentStore } from "./memory-document-store";

/** The row case-repository.ts projects for progressBasesUpTo, from the case schema's own fields. */
const progressRow = caseDoc.pick({ oicId: true, lastUpdatedOn: true, openedOn: true });

const isOpenCase = (d: RawDoc) => d.type === "case" && d.status === "open";
/** Cosmos SQL `x <= y` on strings; undefined (or any other type) on either side matches nothing. */
const onOrBefore = (x: unknown, day: string) => typeof x === "string" && x <= day;

/** The fake of case-repository.ts (see memory-container.ts). */
export function createMemoryCaseRepository(container: MemoryContainer): CaseRepository {
  const store = new MemoryDocumentStore(container, caseDoc, "case", (c) => c.id);
  return {
    getByRef: (ref) => {
      const id = caseDocId(ref);
      return store.read(id, id);
    },
    byOic: async (oicIds, opts) =>
      oicIds.length === 0
        ? []
        : store.query({ where: (d) => d.type === "case" && oicIds.includes(d.oicId as string) && (!opts?.openOnly || d.status === "open") }),
    needingAttention: (day, onPage) => store.query({ where: (d) => isOpenCase(d) && onOrBefore(d.nextAttentionOn, day) }, onPage),
    progressBasesUpTo: async (oicIds, upTo) => {
      if (oicIds.length === 0) return [];
      const rows = await store.select({
        where: (d) =>
          isOpenCase(d) &&
          oicIds.includes(d.oicId as string) &&
          (d.lastUpdatedOn !== undefined ? onOrBefore(d.lastUpdatedOn, upTo) : onOrBefore(d.openedOn, upTo)),
      });
      return z.array(progressRow).parse(rows).map((r) => ({ oicId: r.oicId, base: r.lastUpdatedOn ?? r.openedOn }));
    },
    countOpen: async () => (await store.select({ where: isOpenCase })).length,
    create: (d) => store.create(d),
    replace: (d) => store.replace(d),
    upsert: (d) => store.upsert(d),
  };
}

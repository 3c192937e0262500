import type { Container } from "@azure/cosmos";
import { caseDoc, caseDocId, type CaseDoc } from "../domain/case";
import type { IsoDate } from "../domain/dates";
import { z } from "zod";
import { isoDate } from "../domain/dates";
import { DocumentStore } from "./document-store";

const progressRow = z.object({ oicId: z.string(), lastUpdatedOn: isoDate.optional(), openedOn: isoDate });

export interface CaseRepository {
  getByRef(ref: string): Promise<CaseDoc | undefined>;
  byOic(oicIds: readonly string[], opts?: { openOnly?: boolean }): Promise<CaseDoc[]>;
  /** Open cases whose `nextAttentionOn` is on or before `day`: the sweep's indexed range read. */
  needingAttention(day: IsoDate, onPage?: (n: number) => void): Promise<CaseDoc[]>;
  countOpen(): Promise<number>;
  /**
   * For the given OICs, the progress base (last update, else opened) of each open case whose base is on or before
   * `onOrBefore`: a small projection, so the sweep can count stale cases without reading whole documents.
   */
  progressBasesUpTo(oicIds: readonly string[], onOrBefore: IsoDate): Promise<{ oicId: string; base: IsoDate }[]>;
  create(doc: CaseDoc): Promise<CaseDoc>;
  replace(doc: CaseDoc): Promise<CaseDoc>;
  upsert(doc: CaseDoc): Promise<CaseDoc>;
}

export function createCosmosCaseRepository(container: Container): CaseRepository {
  const store = new DocumentStore(container, caseDoc, "case", (c) => c.id);
  return {
    getByRef: (ref) => {
      const id = caseDocId(ref);
      return store.read(id, id);
    },
    byOic: (oicIds, opts) =>
      oicIds.length === 0
        ? Promise.resolve([])
        : store.query({
            query: `SELECT * FROM c WHERE c.type = 'case' AND ARRAY_CONTAINS(@o, c.oicId)${opts?.openOnly ? " AND c.status = 'open'" : ""}`,
            parameters: [{ name: "@o", value: [...oicIds] }],
          }),
    needingAttention: (day, onPage) =>
      store.query(
        {
          query: "SELECT * FROM c WHERE c.type = 'case' AND c.status = 'open' AND c.nextAttentionOn <= @d",
          parameters: [{ name: "@d", value: day }],
        },
        onPage,
      ),
    progressBasesUpTo: async (oicIds, onOrBefore) => {
      if (oicIds.length === 0) return [];
      const rows = await store.scalar<unknown>({
        query:
          "SELECT c.oicId, c.lastUpdatedOn, c.openedOn FROM c WHERE c.type = 'case' AND c.status = 'open' AND ARRAY_CONTAINS(@o, c.oicId) " +
          "AND ((IS_DEFINED(c.lastUpdatedOn) AND c.lastUpdatedOn <= @d) OR (NOT IS_DEFINED(c.lastUpdatedOn) AND c.openedOn <= @d))",
        parameters: [{ name: "@o", value: [...oicIds] }, { name: "@d", value: onOrBefore }],
      });
      return z.array(progressRow).parse(rows).map((r) => ({ oicId: r.oicId, base: r.lastUpdatedOn ?? r.openedOn }));
    },
    countOpen: async () =>
      (await store.scalar<number>({ query: "SELECT VALUE COUNT(1) FROM c WHERE c.type = 'case' AND c.status = 'open'" }))[0] ?? 0,
    create: (d) => store.create(d),
    replace: (d) => store.replace(d),
    upsert: (d) => store.upsert(d),
  };
}

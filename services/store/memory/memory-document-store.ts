import type { z } from "zod";
import { AlreadyExistsError, ConcurrencyError } from "../../platform/errors";
import { MemoryWireError, type MemoryContainer, type RawDoc } from "./memory-container";

type Doc = { id: string; _etag?: string | undefined };

/** Documents per "page" of a query, as document-store.ts asks the server for. */
const QUERY_PAGE_ITEMS = 10_000;

/** A query: the WHERE clause as a predicate over the stored (unparsed) document, and an optional ORDER BY. */
export interface MemoryQuery {
  where(doc: RawDoc): boolean;
  orderBy?: { key: (doc: RawDoc) => unknown; descending?: boolean };
}

function mapError(err: unknown, recordType: string, id: string): never {
  if (err instanceof MemoryWireError && err.code === 412) throw new ConcurrencyError(recordType, id);
  if (err instanceof MemoryWireError && err.code === 409) throw new AlreadyExistsError(recordType, id);
  throw err;
}

/**
 * The in-memory twin of document-store.ts's DocumentStore, method for method: zod-parses what it reads and what it
 * is given to write, maps "missing" to `undefined`, a stale `_etag` to ConcurrencyError and a taken id to
 * AlreadyExistsError. Filters run on the stored document before parsing, as the Cosmos query engine does, so a
 * malformed document fails a read that matches it and never one that does not.
 */
export class MemoryDocumentStore<S extends z.ZodType<Doc>> {
  constructor(
    private readonly container: MemoryContainer,
    private readonly schema: S,
    private readonly recordType: string,
    private readonly partitionKeyOf: (doc: z.infer<S>) => string,
  ) {}

  private parse(raw: unknown): z.infer<S> {
    return this.schema.parse(raw) as z.infer<S>;
  }

  async read(id: string, partitionKey: string): Promise<z.infer<S> | undefined> {
    await turn();
    const raw = this.container.read(id, partitionKey);
    return raw === undefined ? undefined : this.parse(raw);
  }

  async create(doc: z.infer<S>): Promise<z.infer<S>> {
    const body = strip(this.parse(doc));
    await turn();
    try {
      return this.parse(this.container.create(body));
    } catch (err) {
      return mapError(err, this.recordType, doc.id);
    }
  }

  async replace(doc: z.infer<S>): Promise<z.infer<S>> {
    const body = strip(this.parse(doc));
    await turn();
    try {
      return this.parse(this.container.replace(doc.id, this.partitionKeyOf(doc), body, doc._etag || undefined));
    } catch (err) {
      // As document-store.ts: a document deleted meanwhile is a conflict too, not a silent re-create.
      if (err instanceof MemoryWireError && err.code === 404) throw new ConcurrencyError(this.recordType, doc.id);
      return mapError(err, this.recordType, doc.id);
    }
  }

  async upsert(doc: z.infer<S>): Promise<z.infer<S>> {
    const body = strip(this.parse(doc));
    await turn();
    return this.parse(this.container.upsert(body));
  }

  async delete(id: string, partitionKey: string): Promise<void> {
    await turn();
    try {
      this.container.delete(id, partitionKey);
    } catch (err) {
      if (err instanceof MemoryWireError && err.code === 404) return;
      mapError(err, this.recordType, id);
    }
  }

  async query(q: MemoryQuery, onPage?: (count: number) => void): Promise<z.infer<S>[]> {
    const rows = await this.select(q);
    const out: z.infer<S>[] = [];
    // Pages as the Cosmos SDK reports them: at least one (possibly empty), then one per full page.
    for (let i = 0; i === 0 || i < rows.length; i += QUERY_PAGE_ITEMS) {
      for (const r of rows.slice(i, i + QUERY_PAGE_ITEMS)) out.push(this.parse(r));
      onPage?.(out.length);
    }
    return out;
  }

  /** The matching stored documents, unparsed: for projections (`SELECT VALUE c.x`, `COUNT(1)`), which parse their own rows. */
  async select(q: MemoryQuery): Promise<RawDoc[]> {
    await turn();
    const rows = this.container.all().filter((d) => q.where(d));
    const order = q.orderBy;
    if (!order) return rows;
    // As the embedded server: ORDER BY one property leaves out documents without it, and ties keep scan order
    // (Array.prototype.sort is stable). The keys here are always strings (ISO dates and instants).
    const sign = order.descending ? -1 : 1;
    const key = (d: RawDoc) => String(order.key(d));
    return rows
      .filter((d) => order.key(d) !== undefined)
      .sort((a, b) => (key(a) < key(b) ? -sign : key(a) > key(b) ? sign : 0));
  }
}

/** Cosmos system properties are not ours to write. */
function strip(doc: Doc): RawDoc {
  const { _etag, ...rest } = doc as Doc & Record<string, unknown>;
  void _etag;
  return rest as RawDoc;
}

/** Every store operation yields once, as a network round trip would, so concurrent callers interleave. */
function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

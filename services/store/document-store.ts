import type { Container, ItemDefinition, SqlQuerySpec } from "@azure/cosmos";
import type { z } from "zod";
import { AlreadyExistsError, CasewatchError, ConcurrencyError } from "../platform/errors";

type Doc = { id: string; _etag?: string | undefined };

function statusOf(err: unknown): number | undefined {
  if (typeof err === "object" && err !== null && "code" in err) {
    const code = (err as { code: unknown }).code;
    if (typeof code === "number") return code;
  }
  return undefined;
}

/** Transient answers a read may simply be asked again for (the SDK retries 429 itself, but not these in one region). */
const TRANSIENT_READ = new Set([503, 408]);
const READ_RETRY_DELAYS_MS = [25, 100, 250];

/**
 * Reads and queries change nothing, so a transient 503/408 is retried briefly rather than failing a whole turn or
 * sweep. Writes are never retried here: a write that timed out may have landed, and only its caller knows whether
 * doing it again is safe.
 */
async function retryRead<T>(op: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await op();
    } catch (err) {
      const status = statusOf(err);
      const delay = READ_RETRY_DELAYS_MS[attempt];
      if (status === undefined || !TRANSIENT_READ.has(status) || delay === undefined) throw err;
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/**
 * Documents asked for per query page. Large, because every page is a round trip (Cosmos DB caps a page at 4 MB
 * anyway) and the embedded server evaluates the whole query again for each page: an inspector's 5,000 cases were
 * five full scans of the container at 1,000 a page, and are one now.
 */
const QUERY_PAGE_ITEMS = 10_000;

/** Map transport failures to typed errors; everything else passes through untouched. */
function mapError(err: unknown, recordType: string, id: string): never {
  const status = statusOf(err);
  if (status === 412) throw new ConcurrencyError(recordType, id);
  if (status === 409) throw new AlreadyExistsError(recordType, id);
  if (status === 429 || status === 503 || status === 408) {
    throw new CasewatchError("STORE_UNAVAILABLE", `The store is busy (HTTP ${status}). Try again in a moment.`);
  }
  throw err;
}

/**
 * The one place that talks to a Cosmos `Container` for one aggregate: zod-parses what it reads,
 * maps 404 to `undefined`, 412 to `ConcurrencyError` and 409 to `AlreadyExistsError`, and writes with ETags.
 */
export class DocumentStore<S extends z.ZodType<Doc>> {
  constructor(
    private readonly container: Container,
    private readonly schema: S,
    private readonly recordType: string,
    private readonly partitionKeyOf: (doc: z.infer<S>) => string,
  ) {}

  private parse(raw: unknown): z.infer<S> {
    return this.schema.parse(raw) as z.infer<S>;
  }

  async read(id: string, partitionKey: string): Promise<z.infer<S> | undefined> {
    try {
      const res = await retryRead(() => this.container.item(id, partitionKey).read());
      if (res.statusCode === 404 || res.resource === undefined) return undefined;
      return this.parse(res.resource);
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      return mapError(err, this.recordType, id);
    }
  }

  /** Create-if-absent: throws AlreadyExistsError when the id exists. */
  async create(doc: z.infer<S>): Promise<z.infer<S>> {
    const body = this.strip(this.parse(doc));
    try {
      const res = await this.container.items.create(body);
      return this.parse(res.resource);
    } catch (err) {
      return mapError(err, this.recordType, doc.id);
    }
  }

  /** Replace guarded by the document's `_etag`; throws ConcurrencyError when it changed meanwhile. */
  async replace(doc: z.infer<S>): Promise<z.infer<S>> {
    const body = this.strip(this.parse(doc));
    const etag = doc._etag;
    try {
      const res = await this.container
        .item(doc.id, this.partitionKeyOf(doc))
        .replace(body, etag ? { accessCondition: { type: "IfMatch", condition: etag } } : undefined);
      return this.parse(res.resource);
    } catch (err) {
      if (statusOf(err) === 404) throw new ConcurrencyError(this.recordType, doc.id);
      return mapError(err, this.recordType, doc.id);
    }
  }

  /** Unconditional write (imports, idempotent projections). */
  async upsert(doc: z.infer<S>): Promise<z.infer<S>> {
    const body = this.strip(this.parse(doc));
    try {
      const res = await this.container.items.upsert(body);
      return this.parse(res.resource);
    } catch (err) {
      return mapError(err, this.recordType, doc.id);
    }
  }

  async delete(id: string, partitionKey: string): Promise<void> {
    try {
      await this.container.item(id, partitionKey).delete();
    } catch (err) {
      if (statusOf(err) === 404) return;
      mapError(err, this.recordType, id);
    }
  }

  /**
   * Query; callers always filter by `type` and, where they know it, the partition key in SQL too
   * (the local Cosmos-protocol server ignores the `partitionKey` option).
   */
  async query(spec: SqlQuerySpec, onPage?: (count: number) => void): Promise<z.infer<S>[]> {
    try {
      // A retry starts the query again from the first page, so nothing is counted twice.
      return await retryRead(async () => {
        const out: z.infer<S>[] = [];
        const it = this.container.items.query<ItemDefinition>(spec, { maxItemCount: QUERY_PAGE_ITEMS });
        while (it.hasMoreResults()) {
          const page = await it.fetchNext();
          for (const r of page.resources) out.push(this.parse(r));
          onPage?.(out.length);
        }
        return out;
      });
    } catch (err) {
      return mapError(err, this.recordType, "(query)");
    }
  }

  /** Scalar query, e.g. `SELECT VALUE COUNT(1) …`. */
  async scalar<T>(spec: SqlQuerySpec): Promise<T[]> {
    try {
      const res = await retryRead(() => this.container.items.query<T>(spec, { maxItemCount: QUERY_PAGE_ITEMS }).fetchAll());
      return res.resources;
    } catch (err) {
      return mapError(err, this.recordType, "(query)");
    }
  }

  /** Cosmos system properties are not ours to write. */
  private strip(doc: z.infer<S>): ItemDefinition {
    const { _etag, ...rest } = doc as Doc & Record<string, unknown>;
    void _etag;
    return rest as ItemDefinition;
  }
}

/**
 * In-memory repositories: a fake of the Cosmos store for the fast test tier and for simulations; the contract suite
 * (test/services/store/contract/) keeps it honest against the Cosmos-protocol server.
 *
 * This file is the fake's "wire": one container's stored documents, as JSON text, so nothing a caller holds is
 * shared with the store (copy on write and on read) and values JSON cannot carry (`undefined`, Dates) come back as
 * they would over HTTP. It keeps the embedded server's observable rules: ids are unique per partition key value,
 * every write gets a fresh `_etag`, and an unordered query sees documents in the order they were created (a
 * rewrite keeps its place; a document deleted and created again goes last).
 *
 * That order is the embedded server's for a container's first 51 documents only: it orders by resource id, and
 * beyond that the base64 of the id no longer sorts by creation. Azure Cosmos DB promises no order at all. So a test
 * may lean on it for a handful of documents, and code must not lean on it ever (the contract suite pins this).
 */
import { containerDefinitions, type ContainerName } from "../containers";

export type RawDoc = Record<string, unknown> & { id: string };

/** Why a wire operation failed, as the HTTP status the Cosmos protocol would answer. */
export class MemoryWireError extends Error {
  constructor(readonly code: 404 | 409 | 412, message: string) {
    super(message);
  }
}

/**
 * Ids Cosmos DB refuses. The SDK refuses '/', backslash and '#' before sending, and Azure refuses '?' too; the
 * embedded server would store a '?' id where no read finds it again, so the fake refuses it as Azure does.
 */
const ILLEGAL_ID = /[/\\#?]/;
const ILLEGAL_ADDRESS = /[/\\#]/;
function checkId(id: string, call: "write" | "address"): void {
  if (!(call === "address" ? ILLEGAL_ADDRESS : ILLEGAL_ID).test(id)) return;
  // What the SDK throws, so a caller sees the same: for a write, a plain object (not an Error) with a message.
  if (call === "write") throw { message: "Id contains illegal chars." };
  throw new Error("Illegal characters ['/', '\\', '#'] cannot be used in Resource ID");
}

export interface MemoryContainer {
  readonly name: ContainerName;
  read(id: string, partitionKey: string): RawDoc | undefined;
  create(body: RawDoc): RawDoc;
  /** Replaces the document at (partitionKey, id); with `ifMatch`, only while its `_etag` is still that one. */
  replace(id: string, partitionKey: string, body: RawDoc, ifMatch?: string): RawDoc;
  upsert(body: RawDoc): RawDoc;
  delete(id: string, partitionKey: string): void;
  /** Every stored document, in creation order (a fresh copy each). */
  all(): RawDoc[];
}

/** Every container of a store, as containers.ts defines them. */
export type MemoryDatabase = Record<ContainerName, MemoryContainer>;

export function createMemoryDatabase(): MemoryDatabase {
  let etags = 0;
  // Deterministic etags: a simulation run twice stores the same documents.
  const nextEtag = () => `"mem-${(etags += 1).toString(16).padStart(8, "0")}"`;
  const entries = (Object.keys(containerDefinitions) as ContainerName[]).map((name) => [name, createContainer(name, nextEtag)] as const);
  return Object.fromEntries(entries) as MemoryDatabase;
}

function createContainer(name: ContainerName, nextEtag: () => string): MemoryContainer {
  const path = containerDefinitions[name].partitionKey.paths[0]!.slice(1).split("/");
  const partitionOf = (body: RawDoc): string => {
    let v: unknown = body;
    for (const p of path) v = typeof v === "object" && v !== null ? (v as Record<string, unknown>)[p] : undefined;
    return String(v);
  };
  const keyOf = (partitionKey: string, id: string) => `${partitionKey}\u0000${id}`;
  // Map order is the scan order: set() on a key already there keeps its place, as a replace keeps its resource id.
  const docs = new Map<string, string>();
  const copy = (text: string) => JSON.parse(text) as RawDoc;
  const put = (key: string, body: RawDoc): RawDoc => {
    const text = JSON.stringify({ ...body, _etag: nextEtag() });
    docs.set(key, text);
    return copy(text);
  };
  const conflict = (id: string) => new MemoryWireError(409, `${name}: Resource with specified id ${id} already exists.`);
  const missing = (id: string) => new MemoryWireError(404, `${name}: ${id} does not exist.`);

  return {
    name,
    read: (id, partitionKey) => {
      checkId(id, "address");
      const text = docs.get(keyOf(partitionKey, id));
      return text === undefined ? undefined : copy(text);
    },
    create: (body) => {
      checkId(body.id, "write");
      const key = keyOf(partitionOf(body), body.id);
      if (docs.has(key)) throw conflict(body.id);
      return put(key, body);
    },
    replace: (id, partitionKey, body, ifMatch) => {
      checkId(body.id, "write");
      const key = keyOf(partitionKey, id);
      const text = docs.get(key);
      if (text === undefined) throw missing(id);
      if (ifMatch !== undefined && copy(text)._etag !== ifMatch) throw new MemoryWireError(412, `${name}: ${id} has changed.`);
      return put(key, body);
    },
    upsert: (body) => {
      checkId(body.id, "write");
      return put(keyOf(partitionOf(body), body.id), body);
    },
    delete: (id, partitionKey) => {
      checkId(id, "address");
      if (!docs.delete(keyOf(partitionKey, id))) throw missing(id);
    },
    all: () => [...docs.values()].map(copy),
  };
}

import type { Container } from "@azure/cosmos";

/** Documents the store handed back through one container: query results and point reads, counted separately. */
export interface ReadCounter {
  queried: number;
  pointReads: number;
  /** Round trips that returned documents (query pages and point reads). */
  requests: number;
  reset(): void;
  total(): number;
}

export function createReadCounter(): ReadCounter {
  const c: ReadCounter = {
    queried: 0,
    pointReads: 0,
    requests: 0,
    reset: () => { c.queried = 0; c.pointReads = 0; c.requests = 0; },
    total: () => c.queried + c.pointReads,
  };
  return c;
}

type Resources = { resources?: unknown[] };
type Resource = { resource?: unknown };

/**
 * Wraps a Container so every document the store returns through it is counted, whatever repository code runs on
 * top. Only the public SDK surface is intercepted (items.query → fetchNext/fetchAll, item(id).read), so the count
 * is what crossed the wire to the app, not what the repository chose to report.
 */
export function countingContainer(container: Container, counter: ReadCounter): Container {
  const countPage = (page: Resources) => {
    counter.requests += 1;
    counter.queried += page.resources?.length ?? 0;
  };
  const wrapIterator = (it: object) =>
    new Proxy(it, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== "function") return value;
        if (prop === "fetchNext" || prop === "fetchAll") {
          return async (...args: unknown[]) => {
            const page = (await (value as (...a: unknown[]) => Promise<Resources>).apply(target, args));
            countPage(page);
            return page;
          };
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
  const items = new Proxy(container.items, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== "function") return value;
      if (prop === "query") return (...args: unknown[]) => wrapIterator((value as (...a: unknown[]) => object).apply(target, args));
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
  const wrapItem = (item: object) =>
    new Proxy(item, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== "function") return value;
        if (prop === "read") {
          return async (...args: unknown[]) => {
            const res = await (value as (...a: unknown[]) => Promise<Resource>).apply(target, args);
            counter.requests += 1;
            if (res.resource !== undefined) counter.pointReads += 1;
            return res;
          };
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
  return new Proxy(container, {
    get(target, prop, receiver) {
      if (prop === "items") return items;
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop === "item") return (...args: unknown[]) => wrapItem((value as (...a: unknown[]) => object).apply(target, args));
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

import assert from "node:assert/strict";
import { fixedClock } from "../../../services/platform/clock";
import { createSingleFlight } from "../../../services/store/single-flight";

/** A load the test finishes by hand, so "in flight" is a state the test controls rather than a race. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

describe("single-flight (request coalescing)", () => {
  it("shares one load among callers asking for the same key while it is in flight", async () => {
    const flights = createSingleFlight();
    const gate = deferred<string[]>();
    let loads = 0;
    const load = () => { loads += 1; return gate.promise; };
    const a = flights.run("team:1", load);
    const b = flights.run("team:1", load);
    gate.resolve(["x"]);
    const [ra, rb] = await Promise.all([a, b]);
    assert.equal(loads, 1);
    assert.equal(ra, rb, "both callers get the very same answer");
  });

  it("keeps nothing once the load settles: the next caller loads again", async () => {
    const flights = createSingleFlight();
    let loads = 0;
    await flights.run("k", async () => ++loads);
    assert.equal(await flights.run("k", async () => ++loads), 2);
    assert.equal(flights.size(), 0);
  });

  it("never shares between different keys", async () => {
    const flights = createSingleFlight();
    const [a, b] = await Promise.all([flights.run("a", async () => "A"), flights.run("b", async () => "B")]);
    assert.deepEqual([a, b], ["A", "B"]);
  });

  it("does not let a caller after invalidate() join a load that started before it", async () => {
    const flights = createSingleFlight();
    const before = deferred<string>();
    const first = flights.run("k", () => before.promise);
    flights.invalidate(); // a write finished
    let loads = 0;
    const second = flights.run("k", async () => { loads += 1; return "after the write"; });
    before.resolve("before the write");
    assert.equal(await first, "before the write");
    assert.equal(await second, "after the write");
    assert.equal(loads, 1);
  });

  it("gives every joined caller the failure, then lets the next caller try again", async () => {
    const flights = createSingleFlight();
    const gate = deferred<string>();
    const a = flights.run("k", () => gate.promise);
    const b = flights.run("k", () => gate.promise);
    gate.reject(new Error("store busy"));
    await assert.rejects(a, /store busy/);
    await assert.rejects(b, /store busy/);
    assert.equal(await flights.run("k", async () => "ok"), "ok");
  });

  it("turns a load that throws synchronously into a rejection", async () => {
    const flights = createSingleFlight();
    await assert.rejects(flights.run("k", () => { throw new Error("bad query"); }), /bad query/);
    assert.equal(flights.size(), 0);
  });
});

describe("single-flight with a reuse window", () => {
  const T0 = "2026-03-02T09:00:00.000Z";

  it("hands an answer less than reuseMs old to the same read, and loads again once it is that old", async () => {
    const clock = fixedClock(T0);
    const flights = createSingleFlight({ clock, reuseMs: 1_000 });
    let loads = 0;
    const load = async () => ++loads;
    assert.equal(await flights.run("k", load), 1);
    clock.set(new Date(Date.parse(T0) + 999));
    assert.equal(await flights.run("k", load), 1);
    clock.set(new Date(Date.parse(T0) + 1_000));
    assert.equal(await flights.run("k", load), 2);
  });

  it("never reuses across a write (invalidate), nor a failure", async () => {
    const clock = fixedClock(T0);
    const flights = createSingleFlight({ clock, reuseMs: 60_000 });
    let loads = 0;
    await flights.run("k", async () => ++loads);
    flights.invalidate();
    assert.equal(await flights.run("k", async () => ++loads), 2);
    await assert.rejects(flights.run("bad", async () => { throw new Error("busy"); }), /busy/);
    assert.equal(await flights.run("bad", async () => "recovered"), "recovered");
  });

  it("drops answers past their window, so memory holds one window's reads", async () => {
    const clock = fixedClock(T0);
    const flights = createSingleFlight({ clock, reuseMs: 1_000 });
    await flights.run("a", async () => "A");
    await flights.run("b", async () => "B");
    assert.equal(flights.size(), 2);
    clock.set(new Date(Date.parse(T0) + 5_000));
    await flights.run("c", async () => "C");
    assert.equal(flights.size(), 1);
  });

  it("refuses a reuse window without a clock to measure it", () => {
    assert.throws(() => createSingleFlight({ reuseMs: 1_000 }), /needs a clock/);
  });
});

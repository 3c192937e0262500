import assert from "node:assert/strict";
import type { Officer } from "../../services/domain/officer";
import { createHarness, execute, type Harness, type Speaker } from "../bot/bot-harness";
import { makePlan } from "../services/rules/reminder-force";
import { officers, seedForce } from "../services/app/force-fixture";
import { makeCase } from "../support/fixtures";
import { startTestStore, type TestStore } from "../support/test-store";
import { recordFigure } from "../reliability/reliability-figures";

/**
 * Issue 9 "Scope": every read path checks the chain of command. Every officer of the fixture force (DCI → DI1, DI2 →
 * DS1..DS3 → DC1..DC4) owns one case and has one action plan; viewers of every rank, in both branches, ask for every
 * officer's data on every path that takes a subject. The oracle is computed here from supervisorId alone, not by the
 * code under test: a viewer may see themselves and everyone below them, nobody else.
 */

/** One of each rank, both branches, and the DS1/DS2 named-cover pair (cover applies only during an absence). */
const VIEWERS = ["dci", "di2", "ds1", "ds2", "dc1", "dc3"] as const;
const GHOST: Officer = { ...officers[0]!, id: "ghost", name: "Nobody Atall", aadObjectId: "aad-ghost" };
const SUBJECTS = [...officers, GHOST];

const refOf = (id: string) => (id === "ghost" ? "SC/99999/26" : `SC/${String(officers.findIndex((o) => o.id === id) + 1).padStart(5, "0")}/26`);
const planOf = (id: string) => `plan-${id}`;

/** The test's own oracle: the subject is the viewer or transitively below them. */
function below(viewerId: string): Set<string> {
  const out = new Set([viewerId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const o of officers) if (o.supervisorId && out.has(o.supervisorId) && !out.has(o.id)) grew = out.add(o.id) !== undefined;
  }
  return out;
}
const above = (id: string): string[] => {
  const up = officers.find((o) => o.id === id)?.supervisorId;
  return up ? [up, ...above(up)] : [];
};

type Path = {
  name: string;
  /** What identifies the subject on this path (replaced by a placeholder before comparing with the ghost's answer). */
  key: (s: Officer) => string;
  ask: (h: Harness, who: Speaker, s: Officer) => Promise<unknown>;
  /** Whether a viewer asking about themselves is served on this path (forms about oneself are supervisors' tools). */
  selfServed: boolean;
};

const click = (verb: string, data: (s: Officer) => Record<string, unknown>) => async (h: Harness, who: Speaker, s: Officer) => {
  const r = await h.click(who, execute(verb, data(s)));
  // An opening button answers "Opened below." and posts its card as a new message: both are what the person sees.
  return { card: r.card, body: r.body, replies: r.replies.map((x) => x.attachments ?? x.text) };
};

const PATHS: Path[] = [
  { name: "message: case <ref>", key: (s) => refOf(s.id), ask: (h, who, s) => h.say(who, `case ${refOf(s.id)}`), selfServed: true },
  { name: "message: bare <ref>", key: (s) => refOf(s.id), ask: (h, who, s) => h.say(who, refOf(s.id)), selfServed: true },
  { name: "button: open-case", key: (s) => refOf(s.id), ask: click("open-case", (s) => ({ ref: refOf(s.id) })), selfServed: true },
  { name: "button: review", key: (s) => refOf(s.id), ask: click("review", (s) => ({ ref: refOf(s.id) })), selfServed: true },
  { name: "button: confirm-progress", key: (s) => refOf(s.id), ask: click("confirm-progress", (s) => ({ ref: refOf(s.id) })), selfServed: true },
  { name: "button: choose-reassign", key: (s) => refOf(s.id), ask: click("choose-reassign", (s) => ({ ref: refOf(s.id) })), selfServed: true },
  { name: "button: open-officer", key: (s) => s.id, ask: click("open-officer", (s) => ({ officerId: s.id })), selfServed: true },
  { name: "button: open-team", key: (s) => s.id, ask: click("open-team", (s) => ({ supervisorId: s.id })), selfServed: true },
  { name: "button: absence-form", key: (s) => s.id, ask: click("absence-form", (s) => ({ officerId: s.id })), selfServed: false },
  { name: "button: start-plan", key: (s) => s.id, ask: click("start-plan", (s) => ({ officerId: s.id })), selfServed: false },
  { name: "message: plan <name>", key: (s) => s.name, ask: (h, who, s) => h.say(who, `plan ${s.name}`), selfServed: false },
  { name: "button: open-plan", key: (s) => planOf(s.id), ask: click("open-plan", (s) => ({ planId: planOf(s.id) })), selfServed: true },
];

/** Everything about `s` that must never reach someone outside their chain of command. */
const mentions = (text: string, s: Officer) => text.includes(refOf(s.id)) || text.includes(s.name) || text.includes(planOf(s.id));

describe("security: every read path checks the chain of command (every rank against every officer's data)", function () {
  this.timeout(120_000);
  let store: TestStore;
  let h: Harness;
  const cells = { total: 0, refused: 0, served: 0 };

  before(async () => {
    store = await startTestStore();
    h = await createHarness(store);
    await seedForce(h.repos, {
      cases: officers.map((o) => makeCase({ ref: refOf(o.id), oicId: o.id, openedOn: "2026-01-05", lastUpdatedOn: "2026-02-01", lastReviewedOn: "2026-02-01" })),
    });
    for (const o of officers) {
      await h.repos.actionPlans.create(makePlan({ id: planOf(o.id), officerId: o.id, createdBy: o.supervisorId ?? o.id, createdAt: "2026-02-20T09:00:00.000Z", startsOn: "2026-02-20", endsOn: "2026-04-20" }));
    }
  });
  after(async () => {
    recordFigure("scope-matrix", { viewers: VIEWERS.length, subjects: officers.length, paths: PATHS.length, ...cells });
    await store.close();
  });

  for (const path of PATHS) {
    it(`${path.name}: out of scope is answered exactly as for someone who does not exist; in scope is served`, async () => {
      const problems: string[] = [];
      for (const viewerId of VIEWERS) {
        const viewer = officers.find((o) => o.id === viewerId)!;
        const who = { aad: viewer.aadObjectId! };
        const visible = below(viewerId);
        const answer = async (s: Officer) => JSON.stringify(await path.ask(h, who, s)).split(path.key(s)).join("«subject»");
        const nobody = await answer(GHOST);
        for (const s of officers) {
          const text = await answer(s);
          cells.total += 1;
          if (!visible.has(s.id)) {
            cells.refused += 1;
            if (text !== nobody) problems.push(`${viewerId} → ${s.id}: answered differently from a subject that does not exist`);
            if (mentions(text, s)) problems.push(`${viewerId} → ${s.id}: the answer names the subject's data`);
          } else if (s.id !== viewerId || path.selfServed) {
            cells.served += 1;
            if (text === nobody) problems.push(`${viewerId} → ${s.id}: in scope but refused`);
          }
        }
      }
      assert.deepEqual(problems, []);
    });
  }

  it("lists (status, my cases, due, and their refresh buttons) show only cases and people in the viewer's chain", async () => {
    const problems: string[] = [];
    for (const viewerId of VIEWERS) {
      const viewer = officers.find((o) => o.id === viewerId)!;
      const who = { aad: viewer.aadObjectId! };
      const visible = below(viewerId);
      // Names of the viewer's own chain upwards may appear (e.g. who a review escalates to); a sibling branch's never.
      const strangers = officers.filter((o) => !visible.has(o.id) && !above(viewerId).includes(o.id));
      const views = [
        ...["status", "my cases", "due"].map((text) => ({ name: text, ask: () => h.say(who, text) })),
        ...["status", "my-cases", "due"].map((view) => ({ name: `refresh ${view}`, ask: async () => (await h.click(who, execute("refresh", { view }))).card })),
      ];
      for (const v of views) {
        const text = JSON.stringify(await v.ask());
        const refs = text.match(/[A-Z]{2}\/\d{5}\/\d{2}/g) ?? [];
        for (const ref of refs) {
          const owner = (await h.repos.cases.getByRef(ref))?.oicId;
          if (!owner || !visible.has(owner)) problems.push(`${viewerId} ${v.name}: shows ${ref} (OIC ${owner ?? "?"})`);
        }
        for (const s of strangers) if (text.includes(s.name)) problems.push(`${viewerId} ${v.name}: names ${s.id}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it("the audit log records no disclosure to anyone outside the subject's chain of command", async () => {
    const entries = await h.repos.audit.between("2026-01-01", "2026-12-31");
    const problems: string[] = [];
    let checked = 0;
    for (const e of entries) {
      const visible = below(e.actorId);
      const ids = e.recordType === "case" || e.recordType === "case-list" ? e.recordId.split(", ") : [e.recordId];
      for (const id of ids) {
        const owner =
          e.recordType === "case" || e.recordType === "case-list" ? (await h.repos.cases.getByRef(id))?.oicId
          : e.recordType === "officer" ? id
          : e.recordType === "action-plan" ? officers.find((o) => planOf(o.id) === id)?.id
          : undefined;
        if (owner === undefined) continue;
        checked += 1;
        if (!visible.has(owner)) problems.push(`${e.actorId} ${e.action} ${e.recordType} ${id} (of ${owner})`);
      }
    }
    assert.ok(checked > 50, `the matrix's views were audited (${checked} record ids checked)`);
    assert.deepEqual(problems, []);
  });
});

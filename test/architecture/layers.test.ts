import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { join, resolve } from "node:path";
import { z } from "zod";

/**
 * Issue 12 item 9: the layer rules in .dependency-cruiser.cjs hold for the real tree, and each one catches the
 * violation planted for it in test/architecture/fixture/ (so a rule cannot silently stop matching anything).
 */
const ROOT = resolve(__dirname, "../..");
const FIXTURE = join(__dirname, "fixture");
const CONFIG = join(ROOT, ".dependency-cruiser.cjs");
const DEPCRUISE = join(ROOT, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");
const CRUISED = ["bot", "cards", "services"];

const violationSchema = z.object({
  type: z.string(),
  from: z.string(),
  to: z.string(),
  rule: z.object({ name: z.string(), severity: z.string() }),
  cycle: z.array(z.object({ name: z.string() })).optional(),
});
type Violation = z.infer<typeof violationSchema>;
const outputSchema = z.object({
  summary: z.object({
    violations: z.array(violationSchema),
    ruleSetUsed: z.object({ forbidden: z.array(z.object({ name: z.string(), comment: z.string().optional() })) }),
  }),
});
type Cruise = { violations: Violation[]; comments: Map<string, string> };

/** Runs depcruise as `npm run layers` does, in `cwd`. It exits non-zero when it finds violations: that is data here. */
function cruise(cwd: string): Promise<Cruise> {
  return new Promise((done, fail) => {
    execFile(process.execPath, [DEPCRUISE, "--config", CONFIG, "--output-type", "json", ...CRUISED], { cwd, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      try {
        const { summary } = outputSchema.parse(JSON.parse(stdout));
        done({ violations: summary.violations, comments: new Map(summary.ruleSetUsed.forbidden.map((r) => [r.name, r.comment ?? ""])) });
      } catch (parseErr) {
        fail(new Error(`depcruise gave no report (${err?.message ?? (parseErr as Error).message})\n${stderr}`));
      }
    });
  });
}

/** "node_modules/@azure/cosmos/dist/esm/index.d.ts" (however deep) → "@azure/cosmos"; project files unchanged. */
function target(to: string): string {
  const npm = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(to);
  return npm ? npm[1]! : to;
}

function pathOf(v: Violation): string {
  return v.cycle ? [v.from, ...v.cycle.map((c) => c.name)].join(" → ") : `${v.from} → ${v.to}`;
}

function explain(v: Violation, comments: Map<string, string>): string {
  return `${v.rule.name}: ${pathOf(v)}\n    why: ${comments.get(v.rule.name) ?? "(no comment)"}`;
}

/** Violations grouped by rule, each rule's reason once, so a failing run reads as a to-do list. */
function report({ violations, comments }: Cruise): string {
  const byRule = new Map<string, Violation[]>();
  for (const v of violations) byRule.set(v.rule.name, [...(byRule.get(v.rule.name) ?? []), v]);
  const sections = [...byRule].map(([rule, vs]) => `${rule} (${vs.length}): ${comments.get(rule) ?? ""}\n${vs.map((v) => `  - ${pathOf(v)}`).join("\n")}`);
  return `${violations.length} layer rule violation(s):\n\n${sections.join("\n\n")}`;
}

describe("architecture: layer rules (.dependency-cruiser.cjs)", function () {
  this.timeout(60_000);

  it("bot/, cards/ and services/ break none of them", async () => {
    const result = await cruise(ROOT);
    if (result.violations.length > 0) assert.fail(report(result));
  });

  describe("each rule catches its planted violation in the fixture", () => {
    let fixture: Cruise;
    before(async () => { fixture = await cruise(FIXTURE); });

    const planted: { rule: string; from: string; to: string }[] = [
      { rule: "rules-import-only-domain", from: "services/rules/bail-rule.ts", to: "@azure/cosmos" },
      { rule: "cards-are-a-leaf", from: "cards/case-card.ts", to: "services/store/case-store.ts" },
      { rule: "views-are-a-leaf", from: "services/app/cases/case-view.ts", to: "services/store/case-store.ts" },
      { rule: "services-never-import-cards", from: "services/app/cases/case-service.ts", to: "cards/case-card.ts" },
      { rule: "botbuilder-restify-only-in-bot", from: "services/app/cases/case-service.ts", to: "botbuilder" },
      { rule: "node-cron-in-one-file", from: "services/app/cases/case-service.ts", to: "node-cron" },
    ];
    for (const p of planted) {
      it(`${p.rule}: ${p.from} → ${p.to}`, () => {
        const found = fixture.violations.filter((v) => v.rule.name === p.rule).map((v) => ({ rule: v.rule.name, from: v.from, to: target(v.to) }));
        assert.deepEqual(found, [p]);
        assert.match(explain(fixture.violations.find((v) => v.rule.name === p.rule)!, fixture.comments), new RegExp(`^${p.rule}: .*\\n    why: \\S`));
      });
    }

    it("no-circular: services/platform/telemetry.ts ⇄ services/platform/backend.ts", () => {
      const cycles = fixture.violations.filter((v) => v.rule.name === "no-circular");
      assert.ok(cycles.length >= 1, "the planted cycle is reported");
      for (const v of cycles) {
        const files = new Set([v.from, ...(v.cycle ?? []).map((c) => c.name)]);
        assert.deepEqual([...files].sort(), ["services/platform/backend.ts", "services/platform/telemetry.ts"]);
      }
    });

    it("reports nothing else: what the rules allow (bot/ on botbuilder and restify, the scheduler on node-cron, rules on date-fns, cards on views) passes", () => {
      const expected = new Set([...planted.map((p) => p.rule), "no-circular"]);
      const unexpected = fixture.violations.filter((v) => !expected.has(v.rule.name) || (v.rule.name !== "no-circular" && fixture.violations.filter((w) => w.rule.name === v.rule.name).length > 1));
      assert.deepEqual(unexpected.map((v) => explain(v, fixture.comments)), []);
    });

    it("every rule has a comment saying why, so a failure explains itself", () => {
      for (const [name, comment] of fixture.comments) assert.ok(comment.length > 40, `${name} has a comment`);
      assert.deepEqual([...fixture.comments.keys()].sort(), [...planted.map((p) => p.rule), "no-circular"].sort());
    });
  });
});

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = resolve(__dirname, "../..");
const BIN = join(ROOT, "bin", "casewatch.js");
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");

/**
 * The bin runs the compiled CLI in dist/. Build it as `npm test` does (tsc -b is incremental: well under a second when
 * nothing changed), so this file also passes when run on its own. Type errors are the typecheck's to report; here
 * what matters is that the build produced the CLI.
 */
async function buildDist(): Promise<void> {
  let output = "";
  try {
    await run(process.execPath, [TSC, "-b", join(ROOT, "tsconfig.build.json")], { cwd: ROOT });
  } catch (err) {
    output = String((err as { stdout?: string }).stdout ?? err);
  }
  assert.ok(existsSync(join(ROOT, "dist", "bot", "cli", "cli.js")), `npm run build did not produce dist/bot/cli/cli.js\n${output}`);
}

/**
 * npx and node_modules/.bin start the CLI through a link named `casewatch` (no .js), so the entry must not depend on
 * how it was reached: this once printed nothing under `npx casewatch`.
 */
describe("bin/casewatch.js", function () {
  this.timeout(30_000);
  let dir: string;
  before(async function () {
    this.timeout(180_000);
    await buildDist();
    dir = mkdtempSync(join(tmpdir(), "casewatch-bin-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const how of ["directly", "through a link named casewatch, as npx runs it"] as const) {
    it(`prints its commands when run ${how}`, async () => {
      let path = BIN;
      if (how !== "directly") {
        path = join(dir, "casewatch");
        symlinkSync(BIN, path);
      }
      const { stdout } = await run(process.execPath, [path, "--help"]);
      assert.match(stdout, /Usage: casewatch/);
      for (const command of ["import", "sweep", "audit"]) assert.match(stdout, new RegExp(`^\\s+${command}\\b`, "m"));
    });
  }

  it("in a checkout that was never built, says to run npm run build (it never falls back to transpiling sources)", async () => {
    const bare = join(dir, "unbuilt");
    mkdirSync(join(bare, "bin"), { recursive: true });
    copyFileSync(BIN, join(bare, "bin", "casewatch.js"));
    const failed = await run(process.execPath, [join(bare, "bin", "casewatch.js"), "--help"]).then(
      () => assert.fail("the bin ran without dist/"),
      (err: { code?: number; stderr?: string }) => err,
    );
    assert.equal(failed.code, 1);
    assert.match(failed.stderr ?? "", /dist\/bot\/cli\/cli\.js\) is missing\. Run `npm run build`/);
  });
});

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const BIN = resolve(__dirname, "../../bin/casewatch.js");

/**
 * npx and node_modules/.bin start the CLI through a link named `casewatch` (no .js), so the entry must not depend on
 * how it was reached: this once printed nothing under `npx casewatch`.
 */
describe("bin/casewatch.js", function () {
  this.timeout(30_000);
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), "casewatch-bin-")); });
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
});

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

/**
 * process-env-only-in-config: the environment is read in one place, services/platform/config/, where every setting
 * is validated and documented; everything else receives a Config. dependency-cruiser sees imports, not property
 * reads, so this rule is a scan of the sources. bin/, test/, bench/ and tooling scripts are outside it.
 */
const ROOT = resolve(__dirname, "../..");
const SCANNED = ["bot", "cards", "services"];
const ALLOWED = /^services\/platform\/config\//;
const READS_ENV = /\bprocess\s*\.\s*env\b|\bprocess\s*\[\s*["'`]env["'`]\s*\]/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(ts|js|cjs|mjs)$/.test(e.name) ? [path] : [];
  });
}

/** "file:line: text" for every line of `files` that reads the environment. */
function envReads(files: string[]): string[] {
  return files.flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .flatMap((line, i) => (READS_ENV.test(line) ? [`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe("architecture: process-env-only-in-config", () => {
  it("bot/, cards/ and services/ read process.env only under services/platform/config/", () => {
    const files = SCANNED.flatMap((d) => sources(join(ROOT, d))).filter((f) => !ALLOWED.test(relative(ROOT, f)));
    const reads = envReads(files);
    assert.deepEqual(reads, [], `read settings through loadConfig (services/platform/config/) and pass them in:\n${reads.join("\n")}`);
  });

  it("would catch a read outside config (the scan matches both spellings)", () => {
    assert.ok(READS_ENV.test("const port = process.env.PORT;"));
    assert.ok(READS_ENV.test('const port = process["env"].PORT;'));
    assert.ok(!READS_ENV.test("const env = config.env;"));
  });

  it("config itself does read it, so the scan is looking in the right place", () => {
    const config = sources(join(ROOT, "services", "platform", "config"));
    assert.ok(envReads(config).length > 0);
  });
});

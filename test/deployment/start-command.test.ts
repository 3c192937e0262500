import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/**
 * Issue 12 item 11: production runs compiled JavaScript. The web app's start command must run with plain node a file
 * that `npm run build` (tsconfig.build.json) emits, and `npm start` must run the same entry.
 */
const ROOT = join(__dirname, "..", "..");
const webApp = readFileSync(join(ROOT, "deployment", "modules", "web-app.bicep"), "utf8");
const pkg = z
  .object({ scripts: z.record(z.string(), z.string()), dependencies: z.record(z.string(), z.string()) })
  .parse(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")));
const build = z
  .object({ compilerOptions: z.object({ outDir: z.string() }), include: z.array(z.string()) })
  .parse(JSON.parse(readFileSync(join(ROOT, "tsconfig.build.json"), "utf8")));

function startCommand(): string {
  const m = /^\s*appCommandLine:\s*'([^']*)'/m.exec(webApp);
  assert.ok(m, "web-app.bicep sets appCommandLine");
  return m[1]!;
}

describe("deployment: the web app runs the compiled build", () => {
  it("starts with plain node on a file in the build's outDir, compiled from a TypeScript source the build includes", () => {
    const m = /^node (\S+\.js)$/.exec(startCommand());
    assert.ok(m, `appCommandLine is "node <compiled entry>", not npm or tsx: ${startCommand()}`);
    const entry = m[1]!;
    assert.ok(entry.startsWith(`${build.compilerOptions.outDir}/`), `${entry} is under ${build.compilerOptions.outDir}/`);
    const source = entry.slice(build.compilerOptions.outDir.length + 1).replace(/\.js$/, ".ts");
    assert.ok(existsSync(join(ROOT, source)), `${source} exists`);
    assert.ok(build.include.some((glob) => source.startsWith(glob.split("/")[0]!)), `tsconfig.build.json includes ${source}`);
  });

  it("runs the same entry as npm start, with no TypeScript runner at run time", () => {
    assert.equal(pkg.scripts.start, startCommand());
    assert.equal(pkg.dependencies.tsx, undefined, "tsx is a development dependency");
  });
});

import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { matchCommand } from "../../bot/match-command";
import { buildAppPackage, fillTemplate, MANIFEST_DIR, PACKAGE_ENTRIES } from "../../manifest/build-package";
import { validateTeamsManifest } from "../../manifest/validate-manifest";
import { loadManifestConfig } from "../../services/platform/config/manifest-config";
import { CasewatchError } from "../../services/platform/errors";
import { manifestEnv } from "../support/fixtures";

type Bot = { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[] };

describe("Teams app package (npm run package)", () => {
  let dir: string;
  let zipFile: string;
  let zip: JSZip;
  let manifest: Record<string, unknown>;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "casewatch-package-"));
    zipFile = join(dir, "build", "casewatch-teams-app.zip");
    await buildAppPackage({ config: loadManifestConfig(manifestEnv), appVersion: "0.1.0", outFile: zipFile });
    zip = await JSZip.loadAsync(readFileSync(zipFile));
    const text = await zip.file("manifest.json")?.async("string");
    assert.ok(text, "the zip holds manifest.json");
    manifest = JSON.parse(text) as Record<string, unknown>;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("puts exactly manifest.json, color.png and outline.png at the zip's root", () => {
    const names = Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name).sort();
    assert.deepEqual(names, [...PACKAGE_ENTRIES].sort());
  });

  it("produces a manifest that passes the official Teams JSON schema for its version", async () => {
    assert.deepEqual(await validateTeamsManifest(manifest), []);
  });

  it("fills the app ID, bot ID, domain and developer details from config, leaving no placeholder", () => {
    const appId = manifestEnv.MicrosoftAppId.toLowerCase();
    assert.equal(manifest["id"], appId);
    assert.equal((manifest["bots"] as Bot[])[0]?.botId, appId);
    assert.deepEqual(manifest["validDomains"], [manifestEnv.CASEWATCH_PUBLIC_HOSTNAME]);
    assert.deepEqual(manifest["developer"], {
      name: manifestEnv.CASEWATCH_DEVELOPER_NAME,
      websiteUrl: manifestEnv.CASEWATCH_DEVELOPER_WEBSITE,
      privacyUrl: manifestEnv.CASEWATCH_PRIVACY_URL,
      termsOfUseUrl: manifestEnv.CASEWATCH_TERMS_URL,
    });
    assert.equal(manifest["version"], "0.1.0");
    assert.doesNotMatch(JSON.stringify(manifest), /\$\{\{/);
  });

  it("offers the bot in personal and team scopes with the core commands and the most useful workflow ones", () => {
    const bot = (manifest["bots"] as Bot[])[0];
    assert.ok(bot);
    const expected: Record<string, string[]> = {
      personal: ["help", "status", "my cases", "case", "due", "plan", "absent", "back", "reassign", "1:1"],
      // Action plans, absences and 1:1s are employment matters, kept to personal chat.
      team: ["help", "status", "my cases", "case", "due", "reassign", "handover"],
    };
    for (const [scope, titles] of Object.entries(expected)) {
      assert.ok(bot.scopes.includes(scope), `bot scope ${scope}`);
      const list: Bot["commandLists"][number] | undefined = bot.commandLists.find((l) => l.scopes.includes(scope));
      assert.deepEqual(list?.commands.map((c) => c.title), titles, `commands for ${scope}`);
      assert.ok((list?.commands.length ?? 0) <= 10, "Teams shows at most 10 commands per list");
      for (const c of list?.commands ?? []) assert.ok(c.description.length > 0, `${c.title} has a description`);
    }
  });

  it("every example in a command description is one the bot understands as that command", () => {
    const bot = (manifest["bots"] as Bot[])[0];
    const examples = (bot?.commandLists ?? []).flatMap((l) => l.commands).flatMap((c) => {
      const m = /e\.g\. (.+)$/.exec(c.description);
      return m?.[1] ? [{ title: c.title, example: m[1] }] : [];
    });
    assert.ok(examples.length >= 5);
    for (const { title, example } of examples) {
      assert.ok(example.toLowerCase().startsWith(title), `${example} starts with ${title}`);
      assert.notEqual(matchCommand(example).kind, "unknown", example);
    }
  });

  it("uses the icons committed in manifest/", async () => {
    for (const icon of ["color.png", "outline.png"]) {
      const packed = await zip.file(icon)?.async("nodebuffer");
      assert.ok(packed?.equals(readFileSync(join(MANIFEST_DIR, icon))), `${icon} is the committed file`);
    }
  });

  it("builds byte-identical zips from the same inputs, so a package can be traced to its source", async () => {
    const again = join(dir, "again.zip");
    await buildAppPackage({ config: loadManifestConfig(manifestEnv), appVersion: "0.1.0", outFile: again });
    assert.ok(readFileSync(again).equals(readFileSync(zipFile)));
  });

  it("lets CASEWATCH_APP_VERSION override the package.json version, because Teams needs a higher version to update", async () => {
    const built = await buildAppPackage({ config: loadManifestConfig({ ...manifestEnv, CASEWATCH_APP_VERSION: "2.3.4" }), appVersion: "0.1.0", outFile: join(dir, "v.zip") });
    assert.equal(built.manifest["version"], "2.3.4");
  });

  it("refuses to write a package whose manifest breaks the official schema", async () => {
    const broken = mkdtempSync(join(dir, "broken-"));
    const template = JSON.parse(readFileSync(join(MANIFEST_DIR, "manifest.template.json"), "utf8")) as Record<string, unknown>;
    writeFileSync(join(broken, "manifest.template.json"), JSON.stringify({ ...template, accentColor: "navy", description: { short: "x".repeat(81), full: "ok" } }));
    for (const icon of ["color.png", "outline.png"]) copyFileSync(join(MANIFEST_DIR, icon), join(broken, icon));
    const out = join(broken, "out.zip");
    await assert.rejects(buildAppPackage({ config: loadManifestConfig(manifestEnv), appVersion: "0.1.0", outFile: out, manifestDir: broken }), (err: unknown) => {
      assert.ok(err instanceof CasewatchError);
      assert.equal(err.code, "VALIDATION_FAILED");
      assert.ok(err.details?.some((d) => d.startsWith("/accentColor")), `names accentColor: ${err.details?.join(" | ")}`);
      assert.ok(err.details?.some((d) => d.startsWith("/description/short")), "names description.short");
      return true;
    });
    assert.equal(existsSync(out), false, "nothing written");
  });
});

describe("fillTemplate", () => {
  it("substitutes inside string values without letting a value break the JSON structure", () => {
    const filled = fillTemplate({ a: ["${{X}}"], b: { c: "pre-${{X}}-post" }, n: 3 }, { X: 'say "hi"' });
    assert.deepEqual(filled, { a: ['say "hi"'], b: { c: 'pre-say "hi"-post' }, n: 3 });
  });

  it("refuses a placeholder it has no value for", () => {
    assert.throws(() => fillTemplate({ a: "${{NOPE}}" }, {}), (err: unknown) => err instanceof CasewatchError && err.code === "VALIDATION_FAILED" && /NOPE/.test(err.message));
  });
});

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import JSZip from "jszip";
import { z } from "zod";
import { loadManifestConfig, type ManifestConfig } from "../services/platform/config/manifest-config";
import { CasewatchError, ValidationError } from "../services/platform/errors";
import { validateTeamsManifest } from "./validate-manifest";

export const MANIFEST_DIR = __dirname;
export const DEFAULT_PACKAGE_FILE = resolve(__dirname, "..", "build", "casewatch-teams-app.zip");
/** Files at the zip's root, as Teams requires: the manifest and the two icons it names. */
export const PACKAGE_ENTRIES = ["manifest.json", "color.png", "outline.png"] as const;
// A fixed timestamp makes the zip byte-for-byte reproducible from the same inputs (DOS dates start in 1980).
const ZIP_DATE = new Date("2020-01-01T00:00:00Z");
const PLACEHOLDER = /\$\{\{([A-Z_]+)\}\}/g;

export function manifestValues(config: ManifestConfig, appVersion: string): Record<string, string> {
  return {
    APP_VERSION: config.appVersion ?? appVersion,
    TEAMS_APP_ID: config.teamsAppId,
    BOT_ID: config.botId,
    PUBLIC_HOSTNAME: config.publicHostname,
    DEVELOPER_NAME: config.developer.name,
    DEVELOPER_WEBSITE: config.developer.websiteUrl,
    PRIVACY_URL: config.developer.privacyUrl,
    TERMS_URL: config.developer.termsOfUseUrl,
  };
}

/**
 * Replaces `${{NAME}}` placeholders inside the template's string values. Working on parsed JSON (not text) means a
 * value containing quotes cannot break the manifest's structure. An unknown placeholder is an error, not left in.
 */
export function fillTemplate(template: unknown, values: Readonly<Record<string, string>>): unknown {
  if (typeof template === "string") {
    return template.replace(PLACEHOLDER, (_, name: string) => {
      const value = values[name];
      if (value === undefined) throw new CasewatchError("VALIDATION_FAILED", `manifest.template.json uses \${{${name}}}, which the package builder does not know. Add it to manifestValues().`);
      return value;
    });
  }
  if (Array.isArray(template)) return template.map((v) => fillTemplate(v, values));
  if (template !== null && typeof template === "object") {
    return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, fillTemplate(v, values)]));
  }
  return template;
}

const packageJsonSchema = z.object({ version: z.string() });

export function projectVersion(): string {
  return packageJsonSchema.parse(JSON.parse(readFileSync(resolve(__dirname, "..", "package.json"), "utf8"))).version;
}

export interface BuiltPackage {
  file: string;
  manifest: Record<string, unknown>;
}

/** Fills the manifest from config, validates it against the official schema, and writes the zip Teams accepts. */
export async function buildAppPackage(opts: { config: ManifestConfig; appVersion: string; outFile?: string; manifestDir?: string }): Promise<BuiltPackage> {
  const dir = opts.manifestDir ?? MANIFEST_DIR;
  const template: unknown = JSON.parse(readFileSync(join(dir, "manifest.template.json"), "utf8"));
  const manifest = z.record(z.string(), z.unknown()).parse(fillTemplate(template, manifestValues(opts.config, opts.appVersion)));
  const problems = await validateTeamsManifest(manifest);
  if (problems.length > 0) {
    throw new ValidationError(`The Teams manifest does not pass the official schema:\n  ${problems.join("\n  ")}`, problems);
  }
  const zip = new JSZip();
  zip.file("manifest.json", `${JSON.stringify(manifest, null, 2)}\n`, { date: ZIP_DATE });
  for (const icon of ["color.png", "outline.png"]) zip.file(icon, readFileSync(join(dir, icon)), { date: ZIP_DATE });
  const file = opts.outFile ?? DEFAULT_PACKAGE_FILE;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", platform: "UNIX" }));
  return { file, manifest };
}

async function main(): Promise<void> {
  const built = await buildAppPackage({ config: loadManifestConfig(), appVersion: projectVersion() });
  process.stdout.write(`Wrote ${built.file} (Teams app ${String(built.manifest["id"])}, version ${String(built.manifest["version"])}).\nUpload it in the Teams admin center (Manage apps > Upload new app) or sideload it; see docs/deploy.md.\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { AppManifestUtils, type AppManifest } from "@microsoft/app-manifest";
import { CasewatchError } from "../services/platform/errors";

type ManifestSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

/**
 * The official Teams manifest JSON schema for `manifestVersion`, as bundled in Microsoft's `@microsoft/app-manifest`
 * package. Read from disk so validation never depends on the network (the package would otherwise fetch it).
 */
export function officialManifestSchema(manifestVersion: string): ManifestSchema {
  const packageRoot = dirname(require.resolve("@microsoft/app-manifest/package.json"));
  const file = join(packageRoot, "build", "json-schemas", "teams", `v${manifestVersion}`, "MicrosoftTeams.schema.json");
  if (!existsSync(file)) {
    throw new CasewatchError("VALIDATION_FAILED", `@microsoft/app-manifest ships no schema for manifestVersion ${manifestVersion}. Use a version it bundles (see ${join(packageRoot, "build", "json-schemas", "teams")}).`);
  }
  return JSON.parse(readFileSync(file, "utf8")) as ManifestSchema;
}

/** Every way `manifest` breaks the official schema for its own manifestVersion; empty when it is valid. */
export async function validateTeamsManifest(manifest: Record<string, unknown>): Promise<string[]> {
  const version = manifest["manifestVersion"];
  if (typeof version !== "string") return ["/manifestVersion must be a string such as 1.22"];
  // The package's manifest type is a union of every version's generated interface; the schema is the real check.
  return AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest, officialManifestSchema(version));
}

import { z } from "zod";
import { CasewatchError } from "../errors";

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A string setting whose absence gets its own sentence saying what to set, rather than zod's generic message. */
const setting = (whenMissing: string) => z.string({ error: (iss) => (iss.input === undefined ? `is required: ${whenMissing}` : "must be text") });
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const GUID_MESSAGE = "must be a GUID such as 11111111-2222-3333-4444-555555555555";
const HTTPS_URL = /^https:\/\/\S+$/;
const HTTPS_MESSAGE = "must be an https:// URL (Teams refuses plain http)";
// A bare DNS name: the manifest's validDomains takes host names, not URLs.
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const HOSTNAME = /^(?=.{1,253}$)(?!-)[A-Za-z0-9-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))+$/;

/**
 * Settings the Teams app package needs at build time (`npm run package`), beyond what the running bot needs. The
 * developer details appear on the app's About page in Teams, so each force supplies its own.
 */
export const manifestEnvSchema = z.object({
  MicrosoftAppId: z.preprocess(emptyToUndefined, setting("the Azure Bot's Microsoft App ID (the Entra app registration's client ID)").regex(GUID, GUID_MESSAGE)),
  CASEWATCH_TEAMS_APP_ID: z.preprocess(emptyToUndefined, z.string().regex(GUID, GUID_MESSAGE).optional()),
  CASEWATCH_PUBLIC_HOSTNAME: z.preprocess(
    emptyToUndefined,
    setting("the web app's public host name, e.g. casewatch-prod.azurewebsites.net").regex(HOSTNAME, "must be a host name without scheme or path, e.g. casewatch-prod.azurewebsites.net"),
  ),
  CASEWATCH_DEVELOPER_NAME: z.preprocess(emptyToUndefined, setting("the force or unit publishing the app, e.g. Anyshire Police").max(32, "must be at most 32 characters (a Teams limit)")),
  CASEWATCH_DEVELOPER_WEBSITE: z.preprocess(emptyToUndefined, setting("the support page linked from the app's About page").regex(HTTPS_URL, HTTPS_MESSAGE).max(2048)),
  CASEWATCH_PRIVACY_URL: z.preprocess(emptyToUndefined, setting("the force's privacy notice covering this processing").regex(HTTPS_URL, HTTPS_MESSAGE).max(2048)),
  CASEWATCH_TERMS_URL: z.preprocess(emptyToUndefined, setting("the force's acceptable-use or terms page").regex(HTTPS_URL, HTTPS_MESSAGE).max(2048)),
  // Teams only accepts an updated package with a higher version, so an admin may need to bump it without a release.
  CASEWATCH_APP_VERSION: z.preprocess(emptyToUndefined, z.string().regex(SEMVER, "must be a version like 1.4.0 (major.minor.patch)").optional()),
});

export interface ManifestConfig {
  /** The Teams app's id; defaults to the bot's app ID, as most single-bot apps do. */
  teamsAppId: string;
  botId: string;
  publicHostname: string;
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  /** Overrides the package.json version in the manifest. */
  appVersion?: string;
}

/** Reads the package-build settings; throws CONFIG_INVALID listing every problem at once. */
export function loadManifestConfig(env: NodeJS.ProcessEnv = process.env): ManifestConfig {
  const parsed = manifestEnvSchema.safeParse(env);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`);
    throw new CasewatchError("CONFIG_INVALID", `The Teams app package cannot be built; fix these settings:\n  ${details.join("\n  ")}`, details);
  }
  const e = parsed.data;
  return {
    teamsAppId: (e.CASEWATCH_TEAMS_APP_ID ?? e.MicrosoftAppId).toLowerCase(),
    botId: e.MicrosoftAppId.toLowerCase(),
    publicHostname: e.CASEWATCH_PUBLIC_HOSTNAME.toLowerCase(),
    developer: {
      name: e.CASEWATCH_DEVELOPER_NAME,
      websiteUrl: e.CASEWATCH_DEVELOPER_WEBSITE,
      privacyUrl: e.CASEWATCH_PRIVACY_URL,
      termsOfUseUrl: e.CASEWATCH_TERMS_URL,
    },
    ...(e.CASEWATCH_APP_VERSION ? { appVersion: e.CASEWATCH_APP_VERSION } : {}),
  };
}

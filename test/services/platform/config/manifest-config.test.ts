import assert from "node:assert/strict";
import { loadManifestConfig } from "../../../../services/platform/config/manifest-config";
import { CasewatchError } from "../../../../services/platform/errors";
import { manifestEnv } from "../../../support/fixtures";

const good = manifestEnv;

function problems(env: NodeJS.ProcessEnv): readonly string[] {
  let details: readonly string[] = [];
  assert.throws(() => loadManifestConfig(env), (err: unknown) => {
    assert.ok(err instanceof CasewatchError);
    assert.equal(err.code, "CONFIG_INVALID");
    details = err.details ?? [];
    return true;
  });
  return details;
}

describe("loadManifestConfig", () => {
  it("uses the bot's app ID as the Teams app ID unless CASEWATCH_TEAMS_APP_ID is set", () => {
    assert.equal(loadManifestConfig(good).teamsAppId, good.MicrosoftAppId.toLowerCase());
    const other = "0a0b0c0d-0000-4000-8000-000000000001";
    const c = loadManifestConfig({ ...good, CASEWATCH_TEAMS_APP_ID: other });
    assert.equal(c.teamsAppId, other);
    assert.equal(c.botId, good.MicrosoftAppId.toLowerCase());
  });

  it("names every missing setting at once", () => {
    const found = problems({});
    for (const name of Object.keys(good)) assert.ok(found.some((p) => p.startsWith(`${name}:`)), `names ${name}: ${found.join(" | ")}`);
  });

  const table: { name: string; env: Record<string, string>; variable: string }[] = [
    { name: "refuses an app ID that is not a GUID", env: { MicrosoftAppId: "casewatch" }, variable: "MicrosoftAppId" },
    { name: "refuses a host name given as a URL", env: { CASEWATCH_PUBLIC_HOSTNAME: "https://casewatch.azurewebsites.net/" }, variable: "CASEWATCH_PUBLIC_HOSTNAME" },
    { name: "refuses a plain-http privacy URL", env: { CASEWATCH_PRIVACY_URL: "http://www.anyshire.police.uk/privacy" }, variable: "CASEWATCH_PRIVACY_URL" },
    { name: "refuses a developer name over Teams' 32 characters", env: { CASEWATCH_DEVELOPER_NAME: "The Chief Constable of Anyshire Police" }, variable: "CASEWATCH_DEVELOPER_NAME" },
    { name: "refuses an app version that is not major.minor.patch", env: { CASEWATCH_APP_VERSION: "1.2" }, variable: "CASEWATCH_APP_VERSION" },
  ];
  for (const row of table) {
    it(row.name, () => {
      const found = problems({ ...good, ...row.env });
      assert.deepEqual(found.map((p) => p.split(":")[0]), [row.variable]);
    });
  }
});

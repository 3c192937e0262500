import assert from "node:assert/strict";
import { LOCAL_TENANT_ID } from "../../../services/platform/config/load-config";
import { demoOfficers } from "../../../services/local/demo/demo-officers";
import { DEMO_USERS, UNREGISTERED_PLAYGROUND_USER } from "../../../services/local/demo/demo-users";
import { PLAYGROUND_ROLES, playgroundConfig, playgroundConfigYaml, type PlaygroundRole } from "../../../services/local/playground-config";

describe("playgroundConfig", () => {
  const expectedUser: Record<PlaygroundRole, string> = {
    inspector: DEMO_USERS.inspector,
    sergeant: DEMO_USERS.sergeant,
    detective: DEMO_USERS.detective,
    unregistered: UNREGISTERED_PLAYGROUND_USER,
  };

  for (const role of PLAYGROUND_ROLES) {
    it(`signs the ${role} Playground in as ${expectedUser[role]} in the local tenant`, () => {
      const c = playgroundConfig(role);
      assert.equal(c.version, "0.1.1");
      assert.equal(c.tenantId, LOCAL_TENANT_ID);
      assert.equal(c.currentUser.aadObjectId, expectedUser[role]);
      assert.equal(c.personalChat.id, `casewatch-personal-${role}`);
    });

    it(`gives the ${role} exactly five other users with unique ids, as the Playground's schema demands`, () => {
      const c = playgroundConfig(role);
      assert.equal(c.users.length, 5);
      const ids = [c.currentUser.id, ...c.users.map((u) => u.id)];
      assert.equal(new Set(ids).size, ids.length);
      const aad = [c.currentUser.aadObjectId, ...c.users.map((u) => u.aadObjectId)];
      assert.equal(new Set(aad).size, aad.length);
    });
  }

  it("shows each demo role under the name of the officer it maps to", () => {
    const officers = demoOfficers("2025-03-03");
    for (const role of ["inspector", "sergeant", "detective"] as const) {
      const officer = officers.find((o) => o.aadObjectId === DEMO_USERS[role]);
      assert.equal(playgroundConfig(role).currentUser.name, officer?.name, role);
    }
  });

  it("leaves the unregistered user without an officer record", () => {
    const officers = demoOfficers("2025-03-03");
    assert.equal(officers.find((o) => o.aadObjectId === UNREGISTERED_PLAYGROUND_USER), undefined);
  });

  it("writes YAML whose scalars are all quoted, so ids like 00000000-… stay strings", () => {
    const yaml = playgroundConfigYaml(playgroundConfig("sergeant"));
    const lines = yaml.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("#"));
    assert.equal(lines[0], 'version: "0.1.1"');
    assert.ok(lines.includes(`tenantId: "${LOCAL_TENANT_ID}"`));
    for (const line of lines.filter((l) => !/:\s*$/.test(l))) assert.match(line, /^\s*(- )?\w+: ".*"$/, line);
  });
});

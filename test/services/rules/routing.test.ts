import assert from "node:assert/strict";
import type { Officer } from "../../../services/domain/officer";
import { routeRecipient } from "../../../services/rules/routing";
import { makeOfficer } from "../../support/fixtures";

const DAY = "2026-04-08";
const away = [{ kind: "sick" as const, from: "2026-04-01" }];

function force(overrides: Record<string, Partial<Officer>> = {}): Map<string, Officer> {
  const base: Officer[] = [
    makeOfficer({ id: "dci", rank: "DCI" }),
    makeOfficer({ id: "di", rank: "DI", supervisorId: "dci" }),
    makeOfficer({ id: "ds1", rank: "DS", supervisorId: "di" }),
    makeOfficer({ id: "ds2", rank: "DS", supervisorId: "di" }),
    makeOfficer({ id: "dc1", supervisorId: "ds1" }),
  ];
  return new Map(base.map((o) => [o.id, { ...o, ...overrides[o.id] }]));
}

describe("routeRecipient", () => {
  const table: { name: string; intended: string; overrides?: Record<string, Partial<Officer>>; reachable?: string[]; expect: { recipientId?: string; routedVia: string[]; unreachable: string[] } }[] = [
    { name: "a present, reachable officer gets their own items", intended: "dc1", expect: { recipientId: "dc1", routedVia: [], unreachable: [] } },
    { name: "an absent OIC's items go to their sergeant", intended: "dc1", overrides: { dc1: { absences: away } }, expect: { recipientId: "ds1", routedVia: ["absent"], unreachable: [] } },
    { name: "an absent OIC's cover is ignored: RULES say the sergeant", intended: "dc1", overrides: { dc1: { absences: away, coverId: "ds2" } }, expect: { recipientId: "ds1", routedVia: ["absent"], unreachable: [] } },
    { name: "an absent sergeant with cover routes to the cover", intended: "ds1", overrides: { ds1: { absences: away, coverId: "ds2" } }, expect: { recipientId: "ds2", routedVia: ["absent"], unreachable: [] } },
    { name: "an absent sergeant without cover routes to their own supervisor", intended: "ds1", overrides: { ds1: { absences: away } }, expect: { recipientId: "di", routedVia: ["absent"], unreachable: [] } },
    { name: "an absent sergeant whose cover is also absent routes to their supervisor", intended: "ds1", overrides: { ds1: { absences: away, coverId: "ds2" }, ds2: { absences: away } }, expect: { recipientId: "di", routedVia: ["absent"], unreachable: [] } },
    { name: "absent OIC and absent sergeant chain to the cover", intended: "dc1", overrides: { dc1: { absences: away }, ds1: { absences: away, coverId: "ds2" } }, expect: { recipientId: "ds2", routedVia: ["absent", "absent"], unreachable: [] } },
    { name: "an officer with no live conversation is routed up and listed", intended: "dc1", reachable: ["ds1", "di"], expect: { recipientId: "ds1", routedVia: ["unreachable"], unreachable: ["dc1"] } },
    { name: "unreachable all the way to the top yields no recipient", intended: "dc1", reachable: [], expect: { routedVia: ["unreachable", "unreachable", "unreachable", "unreachable"], unreachable: ["dc1", "ds1", "di", "dci"] } },
    { name: "two absent sergeants supervising each other terminate without a recipient", intended: "ds1", overrides: { ds1: { absences: away, supervisorId: "ds2" }, ds2: { absences: away, supervisorId: "ds1" } }, expect: { routedVia: ["absent", "absent"], unreachable: [] } },
    { name: "an unknown officer cannot be routed", intended: "ghost", expect: { routedVia: [], unreachable: [] } },
  ];
  for (const t of table) {
    it(t.name, () => {
      const r = routeRecipient(t.intended, force(t.overrides), DAY, t.reachable ? new Set(t.reachable) : undefined);
      assert.deepEqual(r, t.expect);
    });
  }

  it("follows a real cycle in the data without hanging", () => {
    const officers = force({ ds1: { supervisorId: "ds2" }, ds2: { supervisorId: "ds1" } });
    assert.deepEqual(routeRecipient("dc1", officers, DAY, new Set()), { routedVia: ["unreachable", "unreachable", "unreachable"], unreachable: ["dc1", "ds1", "ds2"] });
  });
});

import type { CaseDoc } from "../../services/domain/case";
import type { Officer } from "../../services/domain/officer";
import type { Repositories } from "../../services/store/repositories";
import { makeCase, makeOfficer } from "../support/fixtures";
import { connect } from "../services/app/sweep/sweep-fixtures";

/**
 * A force big enough that a sweep has many recipients and many items: DI ← DS1, DS2 ← three DCs each.
 * Names are distinctive so the privacy scan can look for them.
 */
export function reliabilityOfficers(): Officer[] {
  return [
    makeOfficer({ id: "di1", name: "Imogen Harcourt", rank: "DI", aadObjectId: "aad-di1" }),
    makeOfficer({ id: "ds1", name: "Desmond Albright", rank: "DS", aadObjectId: "aad-ds1", supervisorId: "di1" }),
    makeOfficer({ id: "ds2", name: "Delphine Okonjo", rank: "DS", aadObjectId: "aad-ds2", supervisorId: "di1" }),
    ...[1, 2, 3, 4, 5, 6].map((n) =>
      makeOfficer({ id: `dc${n}`, name: `Constable Number${n} Quill`, rank: "DC", aadObjectId: `aad-dc${n}`, supervisorId: n <= 3 ? "ds1" : "ds2" }),
    ),
  ];
}

/**
 * Cases opened 1 Feb 2026 and never touched: on Monday 2 March each yields an overdue review (sergeant), its
 * escalation (inspector) and a stale prompt (OIC), so `count` cases give roughly 3×count items over 9 recipients.
 */
export function reliabilityCases(count: number): CaseDoc[] {
  return Array.from({ length: count }, (_, i) =>
    makeCase({ ref: `RL/${String(i + 1).padStart(5, "0")}/26`, openedOn: "2026-02-01", oicId: `dc${(i % 6) + 1}`, nextAttentionOn: "2026-02-15" }),
  );
}

export async function seedReliabilityForce(repos: Repositories, cases: CaseDoc[], officers = reliabilityOfficers()): Promise<void> {
  await Promise.all(officers.map((o) => repos.officers.create(o)));
  await Promise.all(officers.map((o) => connect(repos, o)));
  for (let i = 0; i < cases.length; i += 25) await Promise.all(cases.slice(i, i + 25).map((c) => repos.cases.create(c)));
}

/** Items delivered more than once, and expected items never delivered, comparing two multisets of item strings. */
export function compareDeliveries(expected: readonly string[], delivered: readonly string[]): { lost: string[]; duplicated: string[]; unexpected: string[] } {
  const count = (xs: readonly string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const want = count(expected);
  const got = count(delivered);
  const lost = [...want.keys()].filter((k) => !got.has(k));
  const duplicated = [...got].filter(([k, n]) => n > (want.get(k) ?? 0) && want.has(k)).map(([k]) => k);
  const unexpected = [...got.keys()].filter((k) => !want.has(k));
  return { lost, duplicated, unexpected };
}

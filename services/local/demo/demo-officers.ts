import type { IsoDate } from "../../domain/dates";
import type { ImportFile } from "../../app/import/import-format";
import { addDays, addMonthsClamped } from "../../rules/calendar";
import { DEMO_USERS } from "./demo-users";

export type DemoOfficer = ImportFile["officers"][number];

export interface DemoDetective {
  id: string;
  name: string;
  sergeant: "ds1" | "ds2" | "ds3";
  /** Open cases to allocate (docs/domain-rules.md §5 capacity is 12 per FTE). */
  caseload: number;
  hours?: number;
}

/**
 * ds1 supervises 11 (span of control above 10); ds2 is on leave with ds3 as cover; ds3 runs the POLIT team.
 * dc05 works 24h (capacity 7.2) and carries 10 cases; dc03 went sick three days ago; dc17 has been in POLIT over 5 years.
 */
export const DEMO_DETECTIVES: readonly DemoDetective[] = [
  { id: "dc01", name: "Owen Price", sergeant: "ds1", caseload: 11 },
  { id: "dc02", name: "Ffion Morgan", sergeant: "ds1", caseload: 10 },
  { id: "dc03", name: "Rhys Jenkins", sergeant: "ds1", caseload: 9 },
  { id: "dc04", name: "Mark Doyle", sergeant: "ds1", caseload: 13 },
  { id: "dc05", name: "Carys Lloyd", sergeant: "ds1", caseload: 10, hours: 24 },
  { id: "dc06", name: "Daniel Hughes", sergeant: "ds1", caseload: 10 },
  { id: "dc07", name: "Beth Powell", sergeant: "ds1", caseload: 5, hours: 20 },
  { id: "dc08", name: "Aled Thomas", sergeant: "ds1", caseload: 11 },
  { id: "dc09", name: "Nia Roberts", sergeant: "ds1", caseload: 10 },
  { id: "dc10", name: "Tomasz Nowak", sergeant: "ds1", caseload: 11 },
  { id: "dc11", name: "Grace Bennett", sergeant: "ds1", caseload: 9 },
  { id: "dc12", name: "Imran Ali", sergeant: "ds2", caseload: 10 },
  { id: "dc13", name: "Lowri Davies", sergeant: "ds2", caseload: 11 },
  { id: "dc14", name: "Chris Walsh", sergeant: "ds2", caseload: 10 },
  { id: "dc15", name: "Hannah Webb", sergeant: "ds2", caseload: 9 },
  { id: "dc16", name: "Kwame Mensah", sergeant: "ds2", caseload: 10 },
  { id: "dc17", name: "Sian Griffiths", sergeant: "ds3", caseload: 10 },
  { id: "dc18", name: "Paul Edwards", sergeant: "ds3", caseload: 11 },
  { id: "dc19", name: "Megan Rees", sergeant: "ds3", caseload: 10 },
  { id: "dc20", name: "Jamie Collins", sergeant: "ds3", caseload: 10 },
];

export const POLIT_UNIT = "POLIT";
const CID_UNIT = "CID";

function aadFor(n: number): string {
  return `00000000-0000-0000-0001-${String(n).padStart(12, "0")}`;
}

/** Officer rows in the import format, all dates relative to `today`. */
export function demoOfficers(today: IsoDate): DemoOfficer[] {
  const ago = (days: number) => addDays(today, -days);
  const monthsAgo = (months: number) => addMonthsClamped(today, -months);
  const command: DemoOfficer[] = [
    { id: "dci1", name: "Helen Marsh", rank: "DCI", aadObjectId: aadFor(1), hoursPerWeek: 40, unit: "Public Protection", unitJoinedOn: monthsAgo(30), absences: [] },
    { id: "di1", name: "Tom Reid", rank: "DI", aadObjectId: DEMO_USERS.inspector, supervisorId: "dci1", hoursPerWeek: 40, unit: "Public Protection", unitJoinedOn: monthsAgo(2), absences: [], lastOneToOneOn: ago(12) },
    { id: "ds1", name: "Sam Khan", rank: "DS", aadObjectId: DEMO_USERS.sergeant, supervisorId: "di1", hoursPerWeek: 40, unit: CID_UNIT, unitJoinedOn: monthsAgo(40), absences: [], lastOneToOneOn: ago(9) },
    {
      id: "ds2", name: "Priya Shah", rank: "DS", aadObjectId: aadFor(2), supervisorId: "di1", coverId: "ds3", hoursPerWeek: 40, unit: CID_UNIT,
      unitJoinedOn: monthsAgo(26), absences: [{ kind: "leave", from: ago(3), to: addDays(today, 11) }], lastOneToOneOn: ago(20),
    },
    { id: "ds3", name: "Gareth Evans", rank: "DS", aadObjectId: aadFor(3), supervisorId: "di1", hoursPerWeek: 40, unit: POLIT_UNIT, unitJoinedOn: monthsAgo(34), absences: [], lastOneToOneOn: ago(41) },
  ];
  const detectives = DEMO_DETECTIVES.map((d, i): DemoOfficer => ({
    id: d.id,
    name: d.name,
    rank: "DC",
    aadObjectId: d.id === "dc01" ? DEMO_USERS.detective : aadFor(10 + i),
    supervisorId: d.sergeant,
    hoursPerWeek: d.hours ?? 40,
    ...(d.hours === 24 ? { workingDays: [1, 2, 3] } : d.hours === 20 ? { workingDays: [3, 4, 5] } : {}),
    unit: d.sergeant === "ds3" ? POLIT_UNIT : CID_UNIT,
    unitJoinedOn: monthsAgo(8 + ((i * 7) % 30)),
    absences: [],
    // Most 1:1s are recent; a few are well past the 30-day reminder (docs/domain-rules.md §7).
    lastOneToOneOn: ago([3, 8, 14, 45, 11, 19, 6, 22, 27, 5, 16, 24, 60, 7, 13, 25, 18, 9, 33, 2][i] ?? 10),
  }));
  const byId = new Map(detectives.map((o) => [o.id, o]));
  const set = (id: string, patch: Partial<DemoOfficer>) => Object.assign(byId.get(id) as DemoOfficer, patch);
  set("dc03", { absences: [{ kind: "sick", from: ago(3) }, { kind: "leave", from: ago(120), to: ago(110) }] });
  // Tenure (docs/domain-rules.md §7): over 5 years in POLIT with the last screening 8 months ago; another just past 4 years.
  set("dc17", { unitJoinedOn: monthsAgo(63), lastScreeningOn: monthsAgo(8) });
  set("dc18", { unitJoinedOn: addDays(monthsAgo(48), -10) });
  set("dc19", { lastOneToOneOn: undefined });
  return [...command, ...detectives];
}

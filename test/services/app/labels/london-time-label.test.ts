import assert from "node:assert/strict";
import { londonTimeLabel } from "../../../../services/app/labels/london-time-label";

describe("londonTimeLabel", () => {
  const table: [instant: string, now: string, label: string][] = [
    ["2026-03-03T10:42:00Z", "2026-03-03T11:00:00Z", "10:42"],
    ["2026-07-01T09:42:00Z", "2026-07-01T12:00:00Z", "10:42"],
    ["2026-03-29T00:30:00Z", "2026-03-29T09:00:00Z", "00:30"],
    ["2026-03-29T01:30:00Z", "2026-03-29T09:00:00Z", "02:30"],
    ["2026-10-25T00:30:00Z", "2026-10-25T09:00:00Z", "01:30"],
    ["2026-10-25T01:30:00Z", "2026-10-25T09:00:00Z", "01:30"],
    ["2026-06-30T23:30:00Z", "2026-07-01T09:00:00Z", "00:30"],
    ["2026-03-02T10:42:00Z", "2026-03-03T10:42:00Z", "2 Mar 10:42"],
  ];
  for (const [instant, now, label] of table) {
    it(`shows ${instant} seen at ${now} as "${label}" in Europe/London`, () => {
      assert.equal(londonTimeLabel(instant, new Date(now), "Europe/London"), label);
    });
  }
});

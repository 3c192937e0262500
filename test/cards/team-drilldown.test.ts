import assert from "node:assert/strict";
import { buildTeamDrilldownCard, recordOneToOneAction, teamDrilldownVerbs } from "../../cards/team-drilldown";
import { wordsOf } from "./card-words";
import { verbsIn } from "./validate-adaptive-card";
import { assertValidOversightCard, buttonsOf } from "../services/app/oversight-card-check";
import { drilldownSample } from "../services/app/oversight-card-samples";

describe("buildTeamDrilldownCard", () => {
  const asSergeant = { ...drilldownSample, viewer: { id: "ds1", name: "Sam Khan", rank: "DS" } };

  for (const [who, view] of [["an inspector", drilldownSample], ["the team's sergeant", asSergeant]] as const) {
    it(`renders a valid Adaptive Card 1.5 for ${who} using only its declared verbs`, () => {
      const card = buildTeamDrilldownCard(view);
      assertValidOversightCard(card);
      assert.ok(verbsIn(card).every((v) => (teamDrilldownVerbs as readonly string[]).includes(v)));
    });
  }

  it("shows each officer's caseload against capacity, their flags and whether they are absent now", () => {
    const words = wordsOf(buildTeamDrilldownCard(drilldownSample));
    assert.match(words, /DC Carys Lloyd · 20h a week/);
    assert.match(words, /Caseload 10 of 6 \(167%, at or over capacity\) · 1 bail lapsed · 1 bail ending soon · 2 reviews overdue · 3 stale/);
    assert.match(words, /Last 1:1 Fri 20 Feb 2026 · Action plan open/);
    assert.match(words, /DC Rhys Jenkins · absent until Fri 13 Mar 2026/);
    assert.match(words, /span of control 23 \(over the limit of 10\)/);
  });

  it("offers an inspector Open officer per row and a way back to all teams", () => {
    assert.deepEqual(buttonsOf(buildTeamDrilldownCard(drilldownSample)), [
      'open-officer {"officerId":"dc05"}', 'open-officer {"officerId":"dc03"}', 'open-team {"supervisorId":"ds1"}', 'refresh {"view":"status"}',
    ]);
  });

  it("offers the team's own sergeant a dated 1:1 button per officer", () => {
    const buttons = buttonsOf(buildTeamDrilldownCard(asSergeant));
    assert.ok(buttons.includes('record-one-to-one {"officerId":"dc05","on":"2026-03-03"}'));
    assert.ok(!buttons.includes('refresh {"view":"status"}'));
    assert.throws(() => recordOneToOneAction.parse({ verb: "record-one-to-one", officerId: "dc05", on: "yesterday" }));
  });
});

import assert from "node:assert/strict";
import { buildTeamStatusCard, openTeamAction, teamStatusVerbs } from "../../cards/team-status";
import { wordsOf } from "./card-words";
import { verbsIn } from "./validate-adaptive-card";
import { assertValidOversightCard, buttonsOf } from "../services/app/oversight-card-check";
import { teamStatusSample } from "../services/app/oversight-card-samples";

describe("buildTeamStatusCard", () => {
  it("renders a valid Adaptive Card 1.5 using only its declared verbs", () => {
    const card = buildTeamStatusCard(teamStatusSample);
    assertValidOversightCard(card);
    assert.ok(verbsIn(card).every((v) => (teamStatusVerbs as readonly string[]).includes(v)));
  });

  it("shows every figure for each team, with over-capacity officers named and the span flagged", () => {
    const words = wordsOf(buildTeamStatusCard(teamStatusSample));
    assert.match(words, /DS Sam Khan's team · 23 people · 1 absent/);
    assert.match(words, /1 bail lapsed · 1 with no update for a year · span of control 23 \(limit 10\)/);
    for (const fact of [
      "Open cases | 70", "Reviews overdue | 5 (worst 23 days)", "Bail ending within 7 days | 2", "Bail lapsed | 1",
      "No update over 28 days | 12", "No update over 365 days | 1", "Forensics waiting over 60 days | 3", "Open action plans | 1",
      "Capacity used | 37% (101 of 270 cases)", "At or over capacity | DC Carys Lloyd (10 of 6)", "Span of control | 23 (over the limit of 10)",
    ]) assert.ok(words.includes(fact), `missing "${fact}"`);
    assert.match(words, /DS Ewan Price's team · 4 people · sergeant absent today/);
    assert.match(words, /At or over capacity \| nobody/);
  });

  it("keeps the service's worst-first order and gives each team an Open team button for it", () => {
    const buttons = buttonsOf(buildTeamStatusCard(teamStatusSample));
    assert.deepEqual(buttons, ['open-team {"supervisorId":"ds1"}', 'open-team {"supervisorId":"ds3"}', 'refresh {"view":"status"}']);
    assert.deepEqual(openTeamAction.parse({ verb: "open-team", supervisorId: "ds1" }), { verb: "open-team", supervisorId: "ds1" });
    assert.throws(() => openTeamAction.parse({ verb: "open-team", supervisorId: "ds1", ref: "CF/1/26" }));
  });

  it("says so when nobody in scope leads a team", () => {
    const card = buildTeamStatusCard({ ...teamStatusSample, teams: [] });
    assertValidOversightCard(card);
    assert.match(wordsOf(card), /Nobody in your chain of command leads a team yet/);
  });
});

import assert from "node:assert/strict";
import { absenceFormAction, buildOfficerCasesCard, officerCasesVerbs } from "../../cards/officer-cases";
import { wordsOf } from "./card-words";
import { verbsIn } from "./validate-adaptive-card";
import { assertValidOversightCard, buttonsOf } from "../services/app/oversight-card-check";
import { officerCasesSample } from "../services/app/oversight-card-samples";

describe("buildOfficerCasesCard", () => {
  it("renders a valid Adaptive Card 1.5 using only its declared verbs", () => {
    const card = buildOfficerCasesCard(officerCasesSample);
    assertValidOversightCard(card);
    assert.ok(verbsIn(card).every((v) => (officerCasesVerbs as readonly string[]).includes(v)));
  });

  it("lists the cases worst first with Open and Reassign on each, and counts the rest", () => {
    const card = buildOfficerCasesCard(officerCasesSample);
    const words = wordsOf(card);
    assert.match(words, /DC Carys Lloyd · 20h a week: 10 open cases/);
    assert.match(words, /CF\/01234\/26 · Indecent images of children/);
    assert.match(words, /Bail LAPSED/);
    assert.match(words, /…and 8 more, less urgent/);
    assert.deepEqual(buttonsOf(card), [
      'open-case {"ref":"CF/01234/26"}', 'choose-reassign {"ref":"CF/01234/26"}',
      'open-case {"ref":"AB/7/2026"}', 'choose-reassign {"ref":"AB/7/2026"}',
      'absence-form {"officerId":"dc05"}', 'open-team {"supervisorId":"ds1"}',
    ]);
  });

  it("drops anything beyond references, categories, risk, dates and officer names, such as a name smuggled into the data", () => {
    const smuggled = { ...officerCasesSample, cases: [{ ...officerCasesSample.cases[0]!, victimName: "Jane Roe" }] };
    const card = buildOfficerCasesCard(smuggled as typeof officerCasesSample);
    assert.doesNotMatch(JSON.stringify(card), /Jane Roe/);
  });

  it("offers no absence button on an officer's own list and no way back without a team in scope", () => {
    const own = buildOfficerCasesCard({ ...officerCasesSample, viewer: { id: "dc05", name: "Carys Lloyd", rank: "DC" }, teamSupervisorId: undefined });
    assertValidOversightCard(own);
    assert.deepEqual(verbsIn(own), ["choose-reassign", "open-case"]);
    assert.throws(() => absenceFormAction.parse({ verb: "absence-form", officerId: "dc05", reason: "flu" }));
  });
});

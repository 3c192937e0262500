import assert from "node:assert/strict";
import { absenceSubmission, absenceVerbs, buildAbsenceCard, recordAbsenceAction } from "../../cards/absence";
import { wordsOf } from "./card-words";
import { inputsIn, verbsIn } from "./validate-adaptive-card";
import { assertValidOversightCard, buttonsOf } from "../services/app/oversight-card-check";
import { absenceFormSample, absenceRecordedSample } from "../services/app/oversight-card-samples";

describe("buildAbsenceCard", () => {
  const variants = {
    form: buildAbsenceCard({ mode: "form", form: absenceFormSample }),
    "form with nobody chosen": buildAbsenceCard({ mode: "form", form: { ...absenceFormSample, officerId: undefined } }),
    refused: buildAbsenceCard({ mode: "form", form: absenceFormSample, values: { officerId: "dc03", kind: "sick", from: "2026-03-05", to: "2026-03-01" }, problems: ["to: absence ends before it starts"] }),
    recorded: buildAbsenceCard({ mode: "recorded", recorded: absenceRecordedSample }),
    ended: buildAbsenceCard({ mode: "ended", ended: { status: "ended", officerId: "dc03", name: "DC Rhys Jenkins", from: "2026-02-28", lastDayAbsent: "2026-03-02" } }),
    "not absent": buildAbsenceCard({ mode: "ended", ended: { status: "not-absent", officerId: "dc03", name: "DC Rhys Jenkins" } }),
  };
  for (const [name, card] of Object.entries(variants)) {
    it(`renders the ${name} variant as a valid Adaptive Card 1.5 using only its declared verbs`, () => {
      assertValidOversightCard(card);
      assert.ok(verbsIn(card).every((v) => (absenceVerbs as readonly string[]).includes(v)));
    });
  }

  it("asks for the officer, a kind and dates only: there is no field for a reason", () => {
    const fields = inputsIn(variants.form).map((i) => `${String(i.type)}:${String(i.id)}`);
    assert.deepEqual(fields, ["Input.ChoiceSet:officerId", "Input.ChoiceSet:kind", "Input.Date:from", "Input.Date:to"]);
    assert.match(wordsOf(variants.form), /Do not give a reason or any health details/);
    const officer = inputsIn(variants.form)[0];
    assert.equal(officer?.value, "dc05", "opened from an officer's card, that officer is chosen");
  });

  it("draws a refused form again with the inputs as typed and the reason", () => {
    const [officer, kind, from, to] = inputsIn(variants.refused);
    assert.deepEqual([officer?.value, kind?.value, from?.value, to?.value], ["dc03", "sick", "2026-03-05", "2026-03-01"]);
    assert.match(wordsOf(variants.refused), /Not recorded\. Please correct: \| to: absence ends before it starts/);
  });

  it("lists the cases with a deadline inside the absence, each with a Reassign button, and never the absence's kind", () => {
    const card = variants.recorded;
    const words = wordsOf(card);
    assert.match(words, /Absent from Sat 28 Feb 2026, no return date\. Deadlines checked up to Tue 31 Mar 2026/);
    assert.match(words, /2 cases have a deadline inside the absence/);
    assert.match(words, /Bail ends Sun 1 Mar 2026/);
    assert.match(words, /Review due Tue 10 Mar 2026 · RUI review due Thu 12 Mar 2026/);
    assert.doesNotMatch(words, /sick/i);
    assert.deepEqual(buttonsOf(card), ['choose-reassign {"ref":"CF/01234/26"}', 'choose-reassign {"ref":"AB/7/2026"}', 'end-absence {"officerId":"dc03"}']);
  });

  it("turns a submission into the service's input, an empty end date meaning open-ended, and refuses extra fields", () => {
    const posted = recordAbsenceAction.parse({ verb: "record-absence", officerId: "dc03", kind: "sick", from: "2026-03-05", to: "" });
    assert.deepEqual(absenceSubmission(posted), { officerId: "dc03", input: { kind: "sick", from: "2026-03-05" } });
    assert.throws(() => recordAbsenceAction.parse({ verb: "record-absence", officerId: "dc03", kind: "sick", from: "2026-03-05", reason: "flu" }));
  });
});

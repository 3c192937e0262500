import assert from "node:assert/strict";
import { buildCaseAssignedCard, buildReassignCard, reassignAction, reassignVerbs } from "../../cards/reassign";
import { wordsOf } from "./card-words";
import { verbsIn } from "./validate-adaptive-card";
import { assertValidOversightCard, buttonsOf } from "../services/app/oversight-card-check";
import { lapsedLine, reassignOptionsSample } from "../services/app/oversight-card-samples";

const warning = { ref: "CF/01234/26", toOfficerId: "dc05", toName: "DC Carys Lloyd", hoursPerWeek: 20, live: 10, capacity: 6, liveAfter: 11, percentAfter: 183 };
const upcoming = { ...lapsedLine, bail: { kind: "pre-charge" as const, endsOn: "2026-03-12", daysLeft: 9, lapsed: false, treatedAsExtended: false, band: "later" as const, authority: "inspector" as const, authorityWarnFrom: "2026-02-26" } };

describe("buildReassignCard", () => {
  const variants = {
    choose: buildReassignCard({ mode: "choose", options: reassignOptionsSample }),
    confirm: buildReassignCard({ mode: "confirm", case: lapsedLine, warning }),
    done: buildReassignCard({ mode: "done", case: lapsedLine, previousOicName: "DC Rhys Jenkins", assignedByName: "DS Sam Khan", assignedOn: "2026-03-03" }),
    assigned: buildCaseAssignedCard({ case: upcoming, previousOicName: "DC Rhys Jenkins", assignedByName: "DS Sam Khan", assignedOn: "2026-03-03" }),
  };
  for (const [name, card] of Object.entries(variants)) {
    it(`renders the ${name} variant as a valid Adaptive Card 1.5 using only its declared verbs`, () => {
      assertValidOversightCard(card);
      assert.ok(verbsIn(card).every((v) => (reassignVerbs as readonly string[]).includes(v)));
    });
  }

  it("lets the sergeant choose among candidates labelled with caseload against capacity", () => {
    const card = variants.choose;
    const words = wordsOf(card);
    assert.match(words, /DC Beth Powell · 5 of 6 \(83%\)/);
    assert.match(words, /DC Carys Lloyd · 10 of 6 \(167%\) · at or over capacity/);
    assert.match(words, /DC Rhys Jenkins · 9 of 12 \(75%\) · absent today/);
    assert.deepEqual(buttonsOf(card), ['reassign {"ref":"CF/01234/26","confirmOverCapacity":false}', 'open-case {"ref":"CF/01234/26"}']);
  });

  it("warns with the figures and asks for confirmation before anything is written", () => {
    const card = variants.confirm;
    const words = wordsOf(card);
    for (const fact of ["Contracted hours | 20 a week", "Capacity | 6 live cases", "Open cases now | 10", "After this case | 11 (183% of capacity)"]) {
      assert.ok(words.includes(fact), `missing "${fact}"`);
    }
    assert.match(words, /Nothing has changed yet/);
    assert.deepEqual(buttonsOf(card).slice(0, 2), [
      'reassign {"ref":"CF/01234/26","toOfficerId":"dc05","confirmOverCapacity":true}',
      'choose-reassign {"ref":"CF/01234/26"}',
    ]);
  });

  it("gives the new OIC the case with its bail deadline and the authority an extension needs", () => {
    const words = wordsOf(variants.assigned);
    assert.match(words, /You are now the officer in charge of CF\/01234\/26/);
    assert.match(words, /Bail \| Bail ends Thu 12 Mar 2026 \(in 9 days\); extension needs an inspector/);
    assert.match(words, /Extension \| needs an inspector; act from Thu 26 Feb 2026/);
    assert.match(words, /from DC Rhys Jenkins, assigned by DS Sam Khan/);
  });

  it("accepts a submission without a chosen officer (the chooser comes back) but refuses extra fields", () => {
    assert.equal(reassignAction.parse({ verb: "reassign", ref: "CF/01234/26" }).toOfficerId, undefined);
    assert.throws(() => reassignAction.parse({ verb: "reassign", ref: "CF/01234/26", toOfficerId: "dc05", note: "x" }));
  });
});

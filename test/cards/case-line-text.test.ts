import assert from "node:assert/strict";
import { bailText } from "../../cards/case-line-text";
import type { CaseLine } from "../../services/app/cases/case-line-view";
import { lapsedLine } from "./card-samples";

type Bail = Extract<CaseLine["bail"], { kind: "pre-charge" }>;
const running = (band: Bail["band"], daysLeft: number): Bail => ({ kind: "pre-charge", endsOn: "2026-03-10", daysLeft, lapsed: false, treatedAsExtended: false, band });

describe("case line text: bail colours", () => {
  it("colours running bail by the service's urgency band, whatever the days left", () => {
    assert.equal(bailText(running("critical", 5))?.color, "attention", "a force with a 5-day critical band sees 5 days in red");
    assert.equal(bailText(running("near", 9))?.color, "warning");
    assert.equal(bailText(running("later", 2))?.color, "default");
  });

  it("keeps lapsed bail in red and says so", () => {
    assert.deepEqual(bailText(lapsedLine.bail), { text: "Bail LAPSED Sun 1 Mar 2026", color: "attention" });
  });
});

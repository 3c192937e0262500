import assert from "node:assert/strict";
import { buildProgressCard, progressAnswerAction } from "../../cards/progress";
import type { ProgressView } from "../../services/app/progress/progress-view";
import { wordsOf } from "./card-words";
import { assertValidAdaptiveCard, buttonsIn, verbsIn } from "./validate-adaptive-card";

type Json = Record<string, unknown>;
const facts = {
  ref: "CF/00001/26", offenceCategory: "Burglary", risk: "medium", oicName: "DC Smith",
  lastUpdatedOn: "2026-02-03", daysSinceUpdate: 35, awaitingForensicsSince: "2026-01-12",
} as const;

describe("buildProgressCard", () => {
  it("asks the OIC with one button per answer, each posting the answer for this case with the optional note", () => {
    const card = buildProgressCard({ mode: "ask", ...facts });
    assertValidAdaptiveCard(card);
    assert.deepEqual(verbsIn(card), ["progress-answer"]);
    const posted = buttonsIn(card).map((b) => progressAnswerAction.parse({ ...(b.data as Json), note: "typed note", verb: b.verb }));
    assert.deepEqual(posted.map((p) => [p.ref, p.answer]), [["CF/00001/26", "updated"], ["CF/00001/26", "awaiting-forensics"], ["CF/00001/26", "awaiting-cps"], ["CF/00001/26", "need-help"]]);
    const words = wordsOf(card);
    assert.match(words, /Last update \| Tue 3 Feb 2026 \(35 days ago\)/);
    assert.match(words, /Awaiting forensics \| since Mon 12 Jan 2026/);
  });

  it("turns read-only once answered, saying who answered and when", () => {
    const data: ProgressView = { mode: "answered", ...facts, lastUpdatedOn: "2026-03-10", daysSinceUpdate: 0, answer: "awaiting-forensics", byName: "DC Smith", atLabel: "10:42" };
    const card = buildProgressCard(data);
    assertValidAdaptiveCard(card);
    assert.deepEqual(verbsIn(card), []);
    assert.match(wordsOf(card), /^Progress confirmed by DC Smith at 10:42: Awaiting forensics/);
    assert.match(wordsOf(buildProgressCard({ ...data, already: true })), /^Already confirmed by DC Smith/);
  });

  it("brings the sergeant a help request with the OIC's note and a Review now button", () => {
    const card = buildProgressCard({ mode: "help-request", ...facts, fromName: "DC Smith", atLabel: "10:42", note: "Phone still locked" });
    assertValidAdaptiveCard(card);
    assert.deepEqual(verbsIn(card), ["review"]);
    assert.match(wordsOf(card), /^DC Smith asks for help on CF\/00001\/26 \(10:42\).*Their note \| Phone still locked/);
  });
});

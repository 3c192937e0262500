import assert from "node:assert/strict";
import { buildErrorCard, errorCardVerbs } from "../../cards/error";
import { matchCommand } from "../../bot/match-command";
import { buildHelpCard, COMMANDS, helpCardVerbs } from "../../cards/help";
import { buildNotRegisteredCard } from "../../cards/not-registered";
import { buildWelcomeCard, welcomeCardVerbs } from "../../cards/welcome";
import { wordsOf } from "./card-words";
import { assertValidAdaptiveCard, verbsIn } from "./validate-adaptive-card";

describe("help, welcome, not-registered and error cards", () => {
  it("help renders valid 1.5 with every command and quick buttons", () => {
    const card = buildHelpCard();
    assertValidAdaptiveCard(card);
    assert.deepEqual(verbsIn(card), [...helpCardVerbs]);
    for (const c of COMMANDS) assert.ok(wordsOf(card).includes(c.command));
  });

  it("help shows every command as a worked example the bot itself understands, with no <placeholder> a client would strip", () => {
    const words = wordsOf(buildHelpCard());
    assert.doesNotMatch(words, /[<>]/);
    for (const c of COMMANDS) assert.notEqual(matchCommand(c.command).kind, "unknown", c.command);
    const kinds = new Set(COMMANDS.map((c) => matchCommand(c.command).kind));
    for (const k of ["absent", "back", "reassign", "handover", "one-to-one", "plan", "case", "status", "my-cases", "due", "help"]) assert.ok(kinds.has(k as never), k);
  });

  it("help says when a message was not understood, without echoing it", () => {
    assert.match(wordsOf(buildHelpCard({ unrecognised: true })), /^Sorry, I did not understand that/);
  });

  for (const role of ["detective", "sergeant", "inspector"] as const) {
    it(`welcome for a ${role} says who the bot thinks they are and what it can do`, () => {
      const card = buildWelcomeCard({ name: "Aisha Khan", rank: "DS", unit: "POLIT", supervisorName: "DI Sam Okafor", supervises: 2, role });
      assertValidAdaptiveCard(card);
      assert.deepEqual(verbsIn(card), [...welcomeCardVerbs]);
      assert.match(wordsOf(card), /Name \| Aisha Khan \| Rank \| DS \| Team \| POLIT, reporting to DI Sam Okafor \| You supervise \| 2 people/);
      assert.match(wordsOf(card), /- status/);
      assert.doesNotMatch(wordsOf(card), /[<>]/, "a <placeholder> is stripped by Teams and the Playground");
      assert.match(wordsOf(card), /case CF\/01234\/26/);
    });
  }

  it("welcome copes with an officer whose team is not recorded", () => {
    const card = buildWelcomeCard({ name: "Jo Evans", rank: "DC", supervises: 0, role: "detective" });
    assertValidAdaptiveCard(card);
    assert.match(wordsOf(card), /Team \| not recorded/);
  });

  it("not-registered is valid 1.5, has no buttons and says what to do", () => {
    const card = buildNotRegisteredCard();
    assertValidAdaptiveCard(card);
    assert.deepEqual(verbsIn(card), []);
    assert.match(wordsOf(card), /not registered.*ask your supervisor/s);
  });

  it("error is valid 1.5 and offers help unless told not to", () => {
    const card = buildErrorCard({ title: "Case not found", message: "No such case." });
    assertValidAdaptiveCard(card);
    assert.deepEqual(verbsIn(card), [...errorCardVerbs]);
    assert.deepEqual(verbsIn(buildErrorCard({ title: "Not available", message: "No.", offerHelp: false })), []);
  });
});

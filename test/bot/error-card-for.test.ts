import assert from "node:assert/strict";
import { errorCardFor } from "../../bot/error-card-for";
import { CaseNotFoundError } from "../../services/app/scope/scope-errors";
import { CasewatchError, ConcurrencyError, ValidationError } from "../../services/platform/errors";
import { OfficerOutOfScopeError } from "../../services/app/scope/scope-errors";
import { AlreadyDoneError, NotFoundInScopeError } from "../../services/app/workflow/workflow-errors";
import { wordsOf } from "../cards/card-words";

describe("errorCardFor", () => {
  const table: [string, unknown, RegExp | undefined][] = [
    ["a case not found", new CaseNotFoundError("CF/1/26"), /Case not found \| Casewatch has no case CF\/1\/26 that you can see/],
    ["a busy store, without promising nothing changed", new CasewatchError("STORE_UNAVAILABLE", "HTTP 429"), /^Casewatch is busy \| [^|]*\| Help$/],
    ["a concurrent change", new ConcurrencyError("case", "x"), /Changed at the same time.*Nothing was changed/],
    ["an officer out of scope, in the service's words", new OfficerOutOfScopeError("dc9"), /^Not something you can do here \| Officer dc9 is not in your chain of command/],
    ["a refusal with each of its reasons", new ValidationError("The absence was not recorded.", ["from: is not a date"]), /That could not be saved \| The absence was not recorded\.\n- from: is not a date \| Nothing was changed/],
    ["a step someone else did first, naming who and when", new AlreadyDoneError("case", "CF/1/26", { byId: "ds1", byName: "DS Khan", at: "2026-03-03T10:42:00Z", atLabel: "10:42" }, "reviewed"), /^Already done \| CF\/1\/26 was already reviewed by DS Khan at 10:42/],
    ["an officer or plan not found, not titled as a case", new NotFoundInScopeError("action plan", "plan-1"), /^Not found \| Casewatch has no action plan "plan-1" that you can see/],
    ["a very long list of reasons, cut to fit the card", new ValidationError("Refused.", Array.from({ length: 40 }, (_, i) => `field${i}: is wrong in a long way`)), /\.\.\. \| Nothing was changed/],
    ["an error code people need not hear about", new CasewatchError("LEASE_HELD", "lease"), undefined],
    ["a plain Error", new Error("bug"), undefined],
  ];
  for (const [what, err, words] of table) {
    it(`${words ? "words" : "leaves to the turn-error handler"} ${what}`, () => {
      const card = errorCardFor(err);
      if (words) assert.match(wordsOf(card), words);
      else assert.equal(card, undefined);
    });
  }
});

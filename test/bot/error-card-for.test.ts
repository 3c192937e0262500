import assert from "node:assert/strict";
import { errorCardFor } from "../../bot/error-card-for";
import { CaseNotFoundError } from "../../services/app/scoped-cases";
import { CasewatchError, ConcurrencyError } from "../../services/errors";
import { wordsOf } from "../cards/card-words";

describe("errorCardFor", () => {
  const table: [string, unknown, RegExp | undefined][] = [
    ["a case not found", new CaseNotFoundError("CF/1/26"), /Case not found \| Casewatch has no case CF\/1\/26 that you can see/],
    ["a busy store, without promising nothing changed", new CasewatchError("STORE_UNAVAILABLE", "HTTP 429"), /^Casewatch is busy \| [^|]*\| Help$/],
    ["a concurrent change", new ConcurrencyError("case", "x"), /Changed at the same time.*Nothing was changed/],
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

import assert from "node:assert/strict";
import { caseInScope } from "../../../../services/app/scope/case-in-scope";
import { chainOfCommand } from "../../../../services/app/scope/chain-of-command";
import { CaseNotFoundError } from "../../../../services/app/scope/scope-errors";
import type { CaseDoc } from "../../../../services/domain/case";
import { byId, cases, officers, REF, TODAY } from "../force-fixture";

/** The one scoped case lookup (docs/domain-rules.md §8), against an in-memory reference index. */
describe("caseInScope", () => {
  const reads: string[] = [];
  const repo = {
    getByRef: async (ref: string): Promise<CaseDoc | undefined> => {
      reads.push(ref);
      return cases.find((c) => c.ref === ref);
    },
  };
  const scopeOf = (id: string) => chainOfCommand(byId(id), officers, TODAY);
  beforeEach(() => { reads.length = 0; });

  it("finds a case in scope, typed in lower case, keeping the stored spelling", async () => {
    assert.equal((await caseInScope(repo, scopeOf("ds1"), REF.bailSoon.toLowerCase())).ref, REF.bailSoon);
  });

  it("refuses an out-of-scope case with the error and the reads of a missing one", async () => {
    const outOfScope = await caseInScope(repo, scopeOf("dc1"), REF.bailSoon.toLowerCase()).catch((e: unknown) => e);
    const outReads = reads.length;
    reads.length = 0;
    const missing = await caseInScope(repo, scopeOf("dc1"), "cf/99999/26").catch((e: unknown) => e);
    assert.ok(outOfScope instanceof CaseNotFoundError && missing instanceof CaseNotFoundError);
    assert.equal(outOfScope.message.replace(REF.bailSoon.toLowerCase(), "<ref>"), missing.message.replace("cf/99999/26", "<ref>"));
    assert.equal(outReads, reads.length);
  });

  it("accepts a scope still loading, and reads the case alongside it", async () => {
    let resolve!: (s: ReturnType<typeof scopeOf>) => void;
    const pending = new Promise<ReturnType<typeof scopeOf>>((r) => { resolve = r; });
    const found = caseInScope(repo, pending, REF.overdueReview);
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(reads, [REF.overdueReview], "the case is read before the scope arrives");
    resolve(scopeOf("ds1"));
    assert.equal((await found).ref, REF.overdueReview);
  });
});

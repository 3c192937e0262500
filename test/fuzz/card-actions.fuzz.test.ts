import assert from "node:assert/strict";
import fc from "fast-check";
import { cardAction, cardVerbs } from "../../cards/card-actions";
import { activityFrom } from "../bot/bot-harness";
import { useSeededHttpBot } from "../reliability/http-bot";
import { recordFigure } from "../reliability/reliability-figures";
import { snapshotStore } from "../reliability/store-snapshot";
import { cardActionSamples } from "./card-action-samples";

const SEED = 4_2026;
type Data = Record<string, unknown>;
type Card = { body?: { text?: string; color?: string; size?: string }[] };

/** Ways to break one field of a valid sample. */
function mutation(sample: Data) {
  const keys = Object.keys(sample);
  const key = fc.constantFrom(...keys);
  const junk = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(null, "", " ", 0, -1, true, [], {}, "2026-02-30", "CF/../26", "x".repeat(5000), "<script>", "' OR 1=1 --"));
  return fc.oneof(
    key.map((k) => ({ what: `drop ${k}`, data: Object.fromEntries(Object.entries(sample).filter(([x]) => x !== k)) })),
    fc.tuple(key, junk).map(([k, v]) => ({ what: `${k} = ${JSON.stringify(v).slice(0, 40)}`, data: { ...sample, [k]: v } })),
    fc.tuple(fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !keys.includes(k) && k !== "verb"), junk).map(([k, v]) => ({ what: `extra ${k}`, data: { ...sample, [k]: v } })),
    fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }).map((d) => ({ what: "random data", data: d })),
  );
}

/** The whole invoke value broken: wrong type, unknown or missing verb, data that is not an object. */
const brokenValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({ action: fc.record({ type: fc.oneof(fc.constant("Action.Execute"), fc.string({ maxLength: 20 })), verb: fc.oneof(fc.string({ maxLength: 70 }), fc.jsonValue({ maxDepth: 1 })), data: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] }) }),
);

describe("fuzz: Action.Execute data for every verb in the card-action union", function () {
  this.timeout(120_000);
  const world = useSeededHttpBot();


  const click = async (aad: string, value: unknown): Promise<{ status: number; card: Card; text: string }> => {
    const res = await world.bot.post(activityFrom({ aad }, { type: "invoke", name: "adaptiveCard/action", id: "fuzz-invoke", serviceUrl: world.bot.connector.url, value }));
    const body = JSON.parse(res.text) as { value?: Card };
    return { status: res.status, card: body.value ?? {}, text: JSON.stringify(body.value ?? {}) };
  };
  const isRefusal = (card: Card) => card.body?.[0]?.color === "attention" && card.body[0].size === "Medium";

  it("has a fuzz sample for every verb, and each sample is valid", () => {
    assert.deepEqual(Object.keys(cardActionSamples).sort(), [...cardVerbs].sort(), "add a sample for each new verb to test/fuzz/card-action-samples.ts");
    for (const verb of cardVerbs) assert.ok(cardAction.safeParse({ ...cardActionSamples[verb], verb }).success, verb);
  });

  for (const verb of cardVerbs) {
    it(`"${verb}": broken data is refused with a card naming what was wrong, and nothing is written`, async () => {
      const before = await snapshotStore(world.containers);
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(mutation(cardActionSamples[verb] as Data), fc.constantFrom("aad-ds1", "aad-dc1", "aad-nobody"), async ({ what, data }, aad) => {
          const oracle = cardAction.safeParse({ ...data, verb });
          fc.pre(!oracle.success);
          const { status, card, text } = await click(aad, { action: { type: "Action.Execute", verb, data }, trigger: "manual" });
          assert.equal(status, 200, what);
          if (aad === "aad-nobody") return; // Validation comes first, but an unknown user must learn nothing else either.
          assert.ok(isRefusal(card), `${what}: expected a refusal card, got ${text.slice(0, 200)}`);
          refused += 1;
          // The refusal names the field (or the unknown key) zod objected to.
          const named = oracle.error!.issues.flatMap((i) => [...i.path.map(String), ...("keys" in i ? (i.keys as string[]) : [])]);
          const message = card.body?.map((b) => b.text ?? "").join(" ") ?? "";
          const tooBig = JSON.stringify(data).length > 4000 && /too much data/.test(message);
          assert.ok(tooBig || (named.length === 0 ? /data/.test(message) : named.some((n) => message.includes(n))), `${what}: "${message}" should name one of ${JSON.stringify(named)}`);
        }),
        { numRuns: 40, seed: SEED + verb.length },
      );
      recordFigure("fuzz-card-action", { verb, numRuns: 40, refusalsChecked: refused });
      assert.ok(refused > 8, `enough refusals were exercised (${refused})`);
      assert.deepEqual(await snapshotStore(world.containers), before, "nothing written by refused actions");
    });
  }

  it("every text field of every verb refuses an oversized value, names the field, never echoes it, and writes nothing", async () => {
    const before = await snapshotStore(world.containers);
    const problems: string[] = [];
    let fields = 0;
    for (const verb of cardVerbs) {
      const sample = cardActionSamples[verb] as Data;
      for (const [key, value] of Object.entries(sample)) {
        if (typeof value !== "string") continue;
        fields += 1;
        // 2,000 characters: past every field's limit (review notes allow 1,000) but under the whole-data cap, so the
        // field's own limit is what refuses it.
        const { status, card, text } = await click("aad-ds1", { action: { type: "Action.Execute", verb, data: { ...sample, [key]: "x".repeat(2000) } }, trigger: "manual" });
        const message = card.body?.map((b) => b.text ?? "").join(" ") ?? "";
        if (status !== 200 || !isRefusal(card)) problems.push(`${verb}.${key}: not refused (${text.slice(0, 120)})`);
        else if (!message.includes(key)) problems.push(`${verb}.${key}: the refusal does not name the field: ${message.slice(0, 160)}`);
        if (/x{100}/.test(text)) problems.push(`${verb}.${key}: the oversized value is echoed back`);
      }
    }
    recordFigure("oversized-fields", { verbs: cardVerbs.length, fields, problems: problems.length });
    assert.deepEqual(problems, []);
    assert.ok(fields >= 40, `text fields checked: ${fields}`);
    assert.deepEqual(await snapshotStore(world.containers), before, "nothing written by oversized fields");
  });

  it("a broken invoke value (no action, wrong type, unknown verb, data not an object) is refused and writes nothing", async () => {
    const before = await snapshotStore(world.containers);
    await fc.assert(
      fc.asyncProperty(brokenValue, async (value) => {
        const parsed = cardAction.safeParse({ ...((value as { action?: { data?: object } })?.action?.data ?? {}), verb: (value as { action?: { verb?: unknown } })?.action?.verb });
        const executable = (value as { action?: { type?: unknown } })?.action?.type === "Action.Execute" && parsed.success;
        fc.pre(!executable);
        const { status, card, text } = await click("aad-ds1", value);
        assert.equal(status, 200);
        assert.ok(isRefusal(card), `expected a refusal card, got ${text.slice(0, 200)}`);
        assert.doesNotMatch(text, /\n\s+at /);
      }),
      { numRuns: 80, seed: SEED },
    );
    assert.deepEqual(await snapshotStore(world.containers), before);
  });
});

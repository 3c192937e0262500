import assert from "node:assert/strict";
import fc from "fast-check";
import { MAX_BODY_BYTES } from "../../bot/create-bot-server";
import { MAX_COMMAND_LENGTH } from "../../bot/match-command";
import { activityFrom } from "../bot/bot-harness";
import { OTHER_TENANT, REF, TENANT } from "../services/app/force-fixture";
import { useSeededHttpBot } from "../reliability/http-bot";
import { recordFigure } from "../reliability/reliability-figures";
import { snapshotStore } from "../reliability/store-snapshot";

const SEED = 20260303;
const STACK = /\n\s+at |\bat [\w.<>]+ \(.*:\d+:\d+\)/;

/** Teams-shaped activities with every field the bot reads fuzzed, and the rest left as Teams sends them. */
function activityArb(serviceUrl: string) {
  const aad = fc.oneof(fc.constantFrom("aad-dc1", "aad-ds1", "aad-di1", "aad-dci", "aad-nobody", ""), fc.string({ maxLength: 80 }));
  const tenant = fc.oneof(fc.constantFrom(TENANT, OTHER_TENANT, ""), fc.string({ maxLength: 80 }));
  const text = fc.oneof(
    fc.constantFrom("status", "my cases", "due", "help", `case ${REF.overdueReview}`, "case ../../etc/passwd", "case ' OR 1=1 --", "case CF/%00/26", "<at>Casewatch</at> status"),
    fc.string({ maxLength: 200 }),
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.string({ minLength: MAX_COMMAND_LENGTH - 5, maxLength: MAX_COMMAND_LENGTH + 50 }),
    fc.constantFrom("status".padEnd(5000, " x"), `case ${"CF/1/26 ".repeat(800)}`),
  );
  const type = fc.oneof(fc.constantFrom("message", "invoke", "conversationUpdate", "installationUpdate", "messageReaction", "event", "typing"), fc.string({ maxLength: 20 }));
  const value = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ action: fc.record({ type: fc.constantFrom("Action.Execute", "Action.Submit"), verb: fc.string({ maxLength: 20 }), data: fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 })) }, { requiredKeys: [] }) }, { requiredKeys: [] }));
  return fc
    .record(
      {
        type,
        text,
        aad,
        tenant,
        value,
        name: fc.oneof(fc.constant("adaptiveCard/action"), fc.string({ maxLength: 30 })),
        conversationType: fc.oneof(fc.constantFrom("personal", "channel", "groupChat"), fc.string({ maxLength: 10 })),
        membersAdded: fc.array(fc.record({ id: fc.string({ maxLength: 20 }), name: fc.string({ maxLength: 20 }) }), { maxLength: 3 }),
        extra: fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
        serviceUrl: fc.constantFrom(serviceUrl, "not a url", "ftp://127.0.0.1/"),
        drop: fc.subarray(["from", "recipient", "conversation", "channelData", "channelId", "id"]),
      },
      { requiredKeys: ["type", "aad", "tenant", "serviceUrl", "drop", "extra"] },
    )
    .map((a) => {
      const base = activityFrom(
        { aad: a.aad, tenant: a.tenant },
        {
          type: a.type, id: "fuzz", ...(a.text !== undefined ? { text: a.text } : {}), ...(a.value !== undefined ? { value: a.value } : {}),
          ...(a.name !== undefined ? { name: a.name } : {}), ...(a.membersAdded ? { membersAdded: a.membersAdded } : {}),
          ...(a.serviceUrl !== undefined ? { serviceUrl: a.serviceUrl } : {}),
        },
      ) as Record<string, unknown>;
      if (a.conversationType !== undefined) base.conversation = { ...(base.conversation as object), conversationType: a.conversationType };
      for (const k of a.drop) delete base[k];
      if (a.serviceUrl === undefined) delete base.serviceUrl;
      // Extra keys cannot overwrite the service URL: replies must only ever go to the fake connector.
      const { serviceUrl: _ignored, ...extra } = a.extra;
      void _ignored;
      return { ...extra, ...base };
    });
}

/** Whatever a client may put in a POST body: any JSON at all, activities with wrong types, and broken JSON. */
function bodyArb(serviceUrl: string) {
  const wrongTypes = fc.record({
    type: fc.jsonValue({ maxDepth: 1 }), text: fc.jsonValue({ maxDepth: 1 }), from: fc.jsonValue({ maxDepth: 2 }), conversation: fc.jsonValue({ maxDepth: 2 }),
    channelData: fc.jsonValue({ maxDepth: 2 }), recipient: fc.jsonValue({ maxDepth: 2 }), channelId: fc.jsonValue({ maxDepth: 1 }), serviceUrl: fc.constant(serviceUrl),
  }, { requiredKeys: ["serviceUrl"] });
  return fc.oneof(
    { weight: 5, arbitrary: activityArb(serviceUrl).map((a) => JSON.stringify(a)) },
    { weight: 2, arbitrary: wrongTypes.map((a) => JSON.stringify(a)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
    { weight: 1, arbitrary: activityArb(serviceUrl).map((a) => JSON.stringify(a).slice(0, -3)) },
  );
}

describe("fuzz: /api/messages bodies (HTTP against the bot in local mode)", function () {
  this.timeout(120_000);
  const world = useSeededHttpBot();
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => { unhandled.push(reason); };
  const consoleError = console.error;
  const consoleWarn = console.warn;

  before(() => {
    process.on("unhandledRejection", onUnhandled);
    // CloudAdapter reports refused requests on the console itself.
    console.error = () => undefined;
    console.warn = () => undefined;
  });
  after(() => {
    console.error = consoleError;
    console.warn = consoleWarn;
    process.off("unhandledRejection", onUnhandled);
  });

  it("never answers 5xx or with a stack trace, and keeps serving", async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(bodyArb(world.bot.connector.url), fc.constantFrom("application/json", "text/plain"), async (body, contentType) => {
        const res = await world.bot.post(body, { "content-type": contentType });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        // 501 is botbuilder's protocol answer to an invoke name the bot does not implement, not a failure.
        const unknownInvoke = res.status === 501 && res.text === "";
        if (!unknownInvoke) assert.ok(res.status < 500, `HTTP ${res.status}: ${res.text.slice(0, 300)}`);
        assert.doesNotMatch(res.text, STACK);
        for (const r of res.replies) assert.doesNotMatch(JSON.stringify(r.body), STACK);
      }),
      { numRuns: 300, seed: SEED, endOnFailure: true },
    );
    assert.equal((await fetch(`${world.bot.base}/healthz`)).status, 200, "still serving");
    assert.deepEqual(unhandled, []);
    recordFigure("fuzz-api-messages", { numRuns: 300, statuses: Object.fromEntries(statuses), unhandledRejections: unhandled.length });
    assert.ok((statuses.get(200) ?? 0) > 20, `a fair share of bodies were real turns: ${JSON.stringify([...statuses])}`);
  });

  it("answers an activity whose type is not a string with 400, not 500", async () => {
    for (const type of [5, null, { a: 1 }, ["message"]]) {
      const res = await world.bot.post({ ...activityFrom({ aad: "aad-ds1" }, { text: "status", serviceUrl: world.bot.connector.url }), type });
      assert.equal(res.status, 400, `type ${JSON.stringify(type)}: HTTP ${res.status} ${res.text.slice(0, 200)}`);
    }
  });

  it("refuses a form-encoded POST (which any web page can send without a CORS preflight) and sends nothing", async () => {
    const before = world.bot.connector.requests.length;
    const form = new URLSearchParams({
      type: "message", text: "status", serviceUrl: world.bot.connector.url, channelId: "msteams", "from[id]": "29:x", "from[aadObjectId]": "aad-ds1",
      "recipient[id]": "28:bot", "conversation[id]": "c", "conversation[tenantId]": TENANT, "channelData[tenant][id]": TENANT,
    });
    const res = await fetch(`${world.bot.base}/api/messages`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form.toString() });
    assert.ok([400, 415].includes(res.status), `HTTP ${res.status}`);
    assert.deepEqual(world.bot.connector.requests.slice(before).map((r) => r.url), [], "no card was sent to the service URL the form named");
  });

  it("answers an activity with no usable service URL at once (4xx), without calling out anywhere", async () => {
    for (const serviceUrl of [undefined, ""]) {
      const activity = activityFrom({ aad: "aad-ds1" }, { type: "message", text: "status", ...(serviceUrl !== undefined ? { serviceUrl } : {}) }) as Record<string, unknown>;
      if (serviceUrl === undefined) delete activity.serviceUrl;
      const started = performance.now();
      const res = await fetch(`${world.bot.base}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity), signal: AbortSignal.timeout(3000) })
        .then((r) => r.status, (err: Error) => `no answer within 3 s (${err.name})`);
      assert.ok(typeof res === "number" && res >= 400 && res < 500, `serviceUrl ${JSON.stringify(serviceUrl)}: ${res} after ${Math.round(performance.now() - started)} ms`);
    }
  });

  it("writes nothing for callers outside the allowed tenant, whatever they send", async () => {
    const before = await snapshotStore(world.containers);
    await fc.assert(
      fc.asyncProperty(activityArb(world.bot.connector.url), async (activity) => {
        // (A missing service URL is a separate, known slow path: see the test above.)
        const outsider = { ...activity, channelData: { tenant: { id: OTHER_TENANT } }, conversation: { id: "c-outsider", conversationType: "personal", tenantId: OTHER_TENANT } };
        const res = await world.bot.post(outsider);
        assert.ok(res.status < 500, `HTTP ${res.status}: ${res.text.slice(0, 200)}`);
        assert.doesNotMatch(res.text, /CF\/\d{5}\/\d{2}/, "no case reference goes to an outsider");
        for (const r of res.replies) assert.doesNotMatch(JSON.stringify(r.body), /CF\/\d{5}\/\d{2}/);
      }),
      { numRuns: 60, seed: SEED + 1 },
    );
    assert.deepEqual(await snapshotStore(world.containers), before);
  });

  it(`refuses a body over ${MAX_BODY_BYTES} bytes (413) and an oversized text field, and writes nothing for them`, async () => {
    const before = await snapshotStore(world.containers);
    const huge = activityFrom({ aad: "aad-ds1" }, { type: "message", text: "status ".repeat(MAX_BODY_BYTES / 6), serviceUrl: world.bot.connector.url });
    assert.equal((await world.bot.post(huge)).status, 413);
    assert.deepEqual(await snapshotStore(world.containers), before);
    const shallow = JSON.stringify(activityFrom({ aad: "aad-ds1" }, { type: "message", text: "status", serviceUrl: world.bot.connector.url }));
    const deep = `${shallow.slice(0, -1)},"value":${"[".repeat(20_000)}${"]".repeat(20_000)}}`;
    assert.ok((await world.bot.post(deep)).status < 500, "deeply nested JSON is not a crash");
    // Under the body limit, a text field far longer than any command is not read as one: the bot answers help.
    const long = await world.bot.post(activityFrom({ aad: "aad-ds1" }, { type: "message", text: `status ${"x".repeat(100_000)}`, serviceUrl: world.bot.connector.url }));
    assert.equal(long.status, 200);
    const reply = JSON.stringify(long.replies.map((r) => r.body));
    assert.doesNotMatch(reply, /Team status/);
    assert.doesNotMatch(reply, /x{100}/, "the oversized text is never echoed");
  });
});

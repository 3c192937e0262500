import assert from "node:assert/strict";
import type { Activity } from "botbuilder";
import { cardVerbs } from "../../cards/card-actions";
import { activityFrom } from "../bot/bot-harness";
import { OTHER_TENANT, REF, TENANT } from "../services/app/force-fixture";
import { cardActionSamples } from "../fuzz/card-action-samples";
import { useSeededHttpBot } from "../reliability/http-bot";
import { snapshotStore } from "../reliability/store-snapshot";

/** Anything that would tell an outsider about the force: crime references, officer names, ids. */
const FORCE_DATA = /CF\/\d{5}\/\d{2}|Aisha Khan|Ben Carter|Sam Okafor|Morgan Price|\bdc1\b|\bds1\b/;

describe("security: only the allowed tenant may use the bot", function () {
  this.timeout(60_000);
  const world = useSeededHttpBot();


  /** Everything a person can do, as a registered officer's Entra id, from a given tenant. */
  const everything = (tenant: string | undefined): Partial<Activity>[] => {
    const who = { aad: "aad-ds1", ...(tenant !== undefined ? { tenant } : {}) };
    const shaped = (a: Partial<Activity>) => {
      const act = activityFrom(who, { ...a, serviceUrl: world.bot.connector.url }) as Record<string, unknown>;
      if (tenant === undefined) {
        delete act.channelData;
        act.conversation = { ...(act.conversation as object), tenantId: undefined };
      }
      return act as Partial<Activity>;
    };
    return [
      ...["help", "status", "my cases", "due", `case ${REF.overdueReview}`, REF.bailSoon, "how is my team doing"].map((text) => shaped({ type: "message", text, id: `m-${text}` })),
      ...cardVerbs.map((verb) => shaped({ type: "invoke", name: "adaptiveCard/action", id: `i-${verb}`, value: { action: { type: "Action.Execute", verb, data: cardActionSamples[verb] } } })),
      shaped({ type: "installationUpdate", action: "add" }),
      shaped({ type: "conversationUpdate", membersAdded: [{ id: "28:casewatch-bot", name: "Casewatch" }] }),
    ];
  };

  for (const [label, tenant] of [["another tenant", OTHER_TENANT], ["an empty tenant id", ""], ["no tenant at all", undefined]] as const) {
    it(`from ${label}: every command, verb and install is refused, tells nothing, and writes nothing`, async () => {
      const before = await snapshotStore(world.containers);
      for (const activity of everything(tenant)) {
        const res = await world.bot.post(activity);
        // What the person is shown: the invoke's card and the attachments of any reply (not the routing envelope).
        const said = res.text + JSON.stringify(res.replies.map((r) => r.body.attachments ?? r.body.text ?? ""));
        const what = `${activity.type} ${activity.text ?? JSON.stringify((activity as { value?: unknown }).value ?? "")}`;
        assert.ok(res.status < 500, `${what}: HTTP ${res.status}`);
        assert.doesNotMatch(said, FORCE_DATA, `${what} leaked force data: ${said.slice(0, 300)}`);
        if (activity.type === "message") assert.match(said, /not available to your organisation/, `${activity.text}: the refusal says so`);
      }
      // No conversation reference stored (so no proactive card can ever go there), no audit, nothing.
      assert.deepEqual(await snapshotStore(world.containers), before);
    });
  }

  it("the same officer from the allowed tenant is served (the refusals above are about the tenant)", async () => {
    const res = await world.bot.post(activityFrom({ aad: "aad-ds1", tenant: TENANT }, { type: "message", text: "status", id: "m-ok", serviceUrl: world.bot.connector.url }));
    assert.match(JSON.stringify(res.replies.map((r) => r.body)), /Team status: DS Aisha Khan/);
  });
});

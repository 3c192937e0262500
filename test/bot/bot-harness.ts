import { TestAdapter, type Activity, type TurnContext } from "botbuilder";
import { CasewatchBot } from "../../bot/casewatch-bot";
import { createAppServices, type AppServices } from "../../services/app/app-services";
import { fixedClock } from "../../services/clock";
import { createLogger } from "../../services/logging/logger";
import { defaultPolicy } from "../../services/policy/policy";
import type { Repositories } from "../../services/store/repositories";
import { NOW, seedForce, TENANT } from "../services/app/force-fixture";
import type { TestStore } from "../support/test-store";

/** A TestAdapter that also records `updateActivity`, which is how a finished card is frozen for everyone. */
export class RecordingAdapter extends TestAdapter {
  readonly updates: Partial<Activity>[] = [];
  override async updateActivity(context: TurnContext, activity: Partial<Activity>) {
    this.updates.push(activity);
    return super.updateActivity(context, activity);
  }
}

export interface Speaker {
  aad?: string;
  tenant?: string;
  conversationType?: "personal" | "channel" | "groupChat";
}

export const BOT = { id: "28:casewatch-bot", name: "Casewatch" };

/** The activity Teams would send for `who`. */
export function activityFrom(who: Speaker, fields: Partial<Activity>): Partial<Activity> {
  const type = who.conversationType ?? "personal";
  const tenant = who.tenant ?? TENANT;
  return {
    channelId: "msteams",
    serviceUrl: "https://smba.example.test/emea/",
    from: { id: `29:${who.aad ?? "anon"}`, name: "Teams user", ...(who.aad ? { aadObjectId: who.aad } : {}) },
    recipient: BOT,
    conversation: { id: `${type}-conv-${who.aad ?? "anon"}`, conversationType: type, tenantId: tenant, isGroup: type !== "personal", name: "" },
    channelData: { tenant: { id: tenant } },
    ...fields,
  };
}

/** Card content of the first attachment. */
export function cardOf(activity: Partial<Activity> | undefined): Record<string, unknown> {
  const content = activity?.attachments?.[0]?.content as Record<string, unknown> | undefined;
  if (!content) throw new Error(`no card in ${JSON.stringify(activity)}`);
  return content;
}

export const textOf = (card: unknown) => JSON.stringify(card);

export { wordsOf } from "../cards/card-words";

export interface Harness {
  repos: Repositories;
  services: AppServices;
  bot: CasewatchBot;
  /** Sends one activity through a fresh adapter; returns the bot's replies and any updates it made. */
  turn(activity: Partial<Activity>): Promise<{ replies: Partial<Activity>[]; updates: Partial<Activity>[] }>;
  say(who: Speaker, text: string, extra?: Partial<Activity>): Promise<Record<string, unknown>>;
  /** Clicks an Action.Execute button; returns the invoke response and any updates. */
  click(who: Speaker, action: unknown, extra?: Partial<Activity>): Promise<{ status: number; body: Record<string, unknown>; card: Record<string, unknown>; updates: Partial<Activity>[] }>;
}

export async function createHarness(store: TestStore): Promise<Harness> {
  const { repos } = await store.fresh();
  await seedForce(repos);
  const services = createAppServices({ repos, clock: fixedClock(NOW), policy: defaultPolicy(), logger: createLogger("silent"), config: { allowedTenants: [TENANT] } });
  const bot = new CasewatchBot({ services });
  const turn = async (activity: Partial<Activity>) => {
    const adapter = new RecordingAdapter();
    await adapter.processActivity(activity, (context) => bot.run(context));
    return { replies: [...adapter.activityBuffer], updates: adapter.updates };
  };
  return {
    repos,
    services,
    bot,
    turn,
    say: async (who, text, extra = {}) => {
      const { replies } = await turn(activityFrom(who, { type: "message", text, ...extra }));
      if (replies.length !== 1) throw new Error(`expected one reply, got ${replies.length}`);
      return cardOf(replies[0]);
    },
    click: async (who, value, extra = {}) => {
      const { replies, updates } = await turn(activityFrom(who, { type: "invoke", name: "adaptiveCard/action", value, replyToId: "card-activity-1", ...extra }));
      const response = replies.find((r) => r.type === "invokeResponse")?.value as { status: number; body: Record<string, unknown> } | undefined;
      if (!response) throw new Error("no invoke response");
      return { status: response.status, body: response.body, card: response.body.value as Record<string, unknown>, updates };
    },
  };
}

/** The `value` Teams sends for an Action.Execute button. */
export function execute(verb: string, data: Record<string, unknown> = {}): unknown {
  return { action: { type: "Action.Execute", verb, data }, trigger: "manual" };
}

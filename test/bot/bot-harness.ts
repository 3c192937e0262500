import { TestAdapter, type Activity, type TurnContext } from "botbuilder";
import { CasewatchBot } from "../../bot/casewatch-bot";
import { createNotifier } from "../../services/app/delivery/notifier";
import { createRateLimitedSender } from "../../services/app/delivery/rate-limited-sender";
import type { CardSender, SendResult } from "../../services/app/delivery/card-sender";
import { CONVERSATION_REF_SCHEMA_VERSION } from "../../services/domain/conversation-ref";
import { createAppServices, type AppServices } from "../../bot/compose/app-services";
import { fixedClock } from "../../services/platform/clock";
import { createLogger } from "../../services/platform/logger";
import { defaultPolicy } from "../../services/domain/policy";
import type { Repositories } from "../../services/store/repositories";
import { NOW, seedForce, TENANT } from "../services/app/force-fixture";
import { startTestStore, type TestStore } from "../support/test-store";

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

/** A proactive card as the fake sender received it. */
export type SentCard = { tenantId: string; aadObjectId: string; card: Record<string, unknown> };

export type Clicked = {
  status: number;
  body: Record<string, unknown>;
  /** The card that replaced the clicked one (for an opening button, the invoke's note text instead). */
  card: Record<string, unknown>;
  updates: Partial<Activity>[];
  replies: Partial<Activity>[];
};

export interface Harness {
  repos: Repositories;
  /** Every proactive card the bot sent to someone's personal chat, in order. */
  sent: SentCard[];
  /** What the fake sender answers next (default: delivered). */
  sendResult: SendResult;
  services: AppServices;
  bot: CasewatchBot;
  /** Sends one activity through a fresh adapter; returns the bot's replies and any updates it made. */
  turn(activity: Partial<Activity>): Promise<{ replies: Partial<Activity>[]; updates: Partial<Activity>[] }>;
  say(who: Speaker, text: string, extra?: Partial<Activity>): Promise<Record<string, unknown>>;
  /** Clicks an Action.Execute button; returns the invoke response and any updates. */
  click(who: Speaker, action: unknown, extra?: Partial<Activity>): Promise<Clicked>;
  /** Clicks a button that opens a card below the clicked one (review, confirm progress, open or start a plan). */
  open(who: Speaker, action: unknown, extra?: Partial<Activity>): Promise<Record<string, unknown>>;
}

export async function createHarness(store: TestStore): Promise<Harness> {
  const { repos } = await store.fresh();
  await seedForce(repos);
  const clock = fixedClock(NOW);
  const services = createAppServices({ repos, clock, policy: defaultPolicy(), logger: createLogger("silent"), config: { allowedTenants: [TENANT] } });
  const connector: CardSender = {
    send: async (to, card) => {
      if (h.sendResult.ok) h.sent.push({ tenantId: to.tenantId, aadObjectId: to.aadObjectId, card });
      return h.sendResult;
    },
  };
  // Everyone has a personal chat here; whether a card arrives is what the fake connector answers (`h.sendResult`).
  const everyoneReachable = {
    personal: async (tenantId: string, aadObjectId: string) => ({
      id: `${tenantId}:${aadObjectId}:personal`, type: "conversation-ref" as const, schemaVersion: CONVERSATION_REF_SCHEMA_VERSION as typeof CONVERSATION_REF_SCHEMA_VERSION,
      tenantId, aadObjectId, scope: "personal" as const, alive: true, updatedAt: NOW, reference: { conversation: { id: `personal-conv-${aadObjectId}` } },
    }),
  };
  const logger = createLogger("silent");
  const sender = createRateLimitedSender({ sender: connector, conversations: repos.conversations, clock, logger, limits: { backoffBaseMs: 1, backoffMaxMs: 5 } });
  const notifier = createNotifier({ sender, repos: { ...repos, conversations: everyoneReachable }, clock, logger });
  const bot = new CasewatchBot({ services, clock, timeZone: defaultPolicy().timeZone, notifier });
  const turn = async (activity: Partial<Activity>) => {
    const adapter = new RecordingAdapter();
    await adapter.processActivity(activity, (context) => bot.run(context));
    return { replies: [...adapter.activityBuffer], updates: adapter.updates };
  };
  const click = async (who: Speaker, value: unknown, extra: Partial<Activity> = {}): Promise<Clicked> => {
    const { replies, updates } = await turn(activityFrom(who, { type: "invoke", name: "adaptiveCard/action", value, replyToId: "card-activity-1", ...extra }));
    const response = replies.find((r) => r.type === "invokeResponse")?.value as { status: number; body: Record<string, unknown> } | undefined;
    if (!response) throw new Error("no invoke response");
    const others = replies.filter((r) => r.type !== "invokeResponse");
    return { status: response.status, body: response.body, card: response.body.value as Record<string, unknown>, updates, replies: others };
  };
  const h: Harness = {
    repos,
    sent: [],
    sendResult: { ok: true },
    services,
    bot,
    turn,
    say: async (who, text, extra = {}) => {
      const { replies } = await turn(activityFrom(who, { type: "message", text, ...extra }));
      if (replies.length !== 1) throw new Error(`expected one reply, got ${replies.length}`);
      return cardOf(replies[0]);
    },
    click,
    open: async (who, value, extra = {}) => {
      const r = await click(who, value, extra);
      if (r.body.type !== "application/vnd.microsoft.activity.message") throw new Error(`the clicked card was replaced: ${JSON.stringify(r.body).slice(0, 300)}`);
      if (r.replies.length !== 1) throw new Error(`expected one new card, got ${r.replies.length}`);
      return cardOf(r.replies[0]);
    },
  };
  return h;
}

/**
 * Registers the suite's hooks: one embedded store for the file and, before each test, a new harness on a fresh seeded
 * database, handed to `prepare` for any extra data the suite needs. The returned harness always speaks for the current
 * test's, so `h.sendResult = …` in a test reaches the sender that test's bot uses.
 */
export function harnessPerTest(prepare: (h: Harness) => Promise<void> = async () => {}): Harness {
  let store: TestStore;
  let current: Harness | undefined;
  before(async () => { store = await startTestStore(); });
  after(() => store.close());
  beforeEach(async () => {
    current = await createHarness(store);
    await prepare(current);
  });
  const forTest = (): Harness => {
    if (!current) throw new Error("the harness is made before each test; use it inside a test or hook");
    return current;
  };
  return new Proxy({} as Harness, {
    get: (_, key) => Reflect.get(forTest(), key),
    set: (_, key, value) => Reflect.set(forTest(), key, value),
  });
}

/** The `value` Teams sends for an Action.Execute button. */
export function execute(verb: string, data: Record<string, unknown> = {}): unknown {
  return { action: { type: "Action.Execute", verb, data }, trigger: "manual" };
}

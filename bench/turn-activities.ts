import { cardVerbs } from "../cards/card-actions";
import { LOCAL_TENANT_ID } from "../services/platform/config/load-config";
import { BOT_ACCOUNT } from "./conversation-reference";

/** What Teams posts to /api/messages, as the bot sees it in local mode: the local tenant, a personal chat, Teams' channel. */
function base(aadObjectId: string, serviceUrl: string, n: number) {
  return {
    id: `bench-${process.pid}-${n}`,
    timestamp: new Date().toISOString(),
    channelId: "msteams",
    serviceUrl,
    from: { id: `29:${aadObjectId}`, aadObjectId, name: "Bench user" },
    recipient: BOT_ACCOUNT,
    conversation: { id: `a:bench-${aadObjectId}`, conversationType: "personal", tenantId: LOCAL_TENANT_ID },
    channelData: { tenant: { id: LOCAL_TENANT_ID } },
    locale: "en-GB",
  };
}

export function messageActivity(aadObjectId: string, text: string, serviceUrl: string, n: number): Record<string, unknown> {
  return { ...base(aadObjectId, serviceUrl, n), type: "message", text, textFormat: "plain" };
}

export function invokeActivity(aadObjectId: string, verb: string, data: Record<string, unknown>, serviceUrl: string, n: number): Record<string, unknown> {
  return { ...base(aadObjectId, serviceUrl, n), type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb, data } } };
}

export interface InvokeScenario {
  verb: string;
  /** Says which verb stands in when the review outcome is not wired into the bot yet. */
  description: string;
  data(ref: string): Record<string, unknown>;
}

/**
 * The review outcome ("submit-review", the form's inputs as Teams posts them) when the bot accepts it; otherwise the
 * nearest wired verb that finds a case in scope and writes an audit entry ("open-case"), and the results say so.
 */
export function reviewInvokeScenario(verbs: readonly string[] = cardVerbs): InvokeScenario {
  if (verbs.includes("submit-review")) {
    return {
      verb: "submit-review",
      description: "review outcome (submit-review)",
      data: (ref) => ({ ref, outcome: "progressing", risk: "medium", note: "Benchmark review" }),
    };
  }
  return {
    verb: "open-case",
    description: "open-case (stand-in: submit-review is not wired into the bot's card actions yet)",
    data: (ref) => ({ ref }),
  };
}

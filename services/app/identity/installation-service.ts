import { CONVERSATION_REF_SCHEMA_VERSION, type ConversationRefDoc } from "../../domain/conversation-ref";
import { conversationRefId, type ConversationRefRepository } from "../../store/conversation-ref-repository";

export type ConversationScope = ConversationRefDoc["scope"];

/** Where a person can be reached: the tenant, their Entra object id, the kind of conversation and its opaque reference. */
export interface Installation {
  tenantId: string;
  aadObjectId: string;
  scope: ConversationScope;
  reference: Record<string, unknown>;
}

/**
 * Keeps the conversation references proactive cards need, one per (tenant, user, scope). Refreshed on install,
 * conversation updates and every message, so a reinstall or a moved conversation heals itself.
 */
export interface InstallationService {
  /** `now` is the turn's instant, recorded as when the reference was last seen. */
  remember(installation: Installation, now: Date): Promise<void>;
  /** Uninstall: the reference is kept but marked dead, so the sweep routes the person's items up the chain. */
  forget(who: Omit<Installation, "reference">, reason: string, now: Date): Promise<void>;
}

export function createInstallationService(deps: { conversations: ConversationRefRepository }): InstallationService {
  return {
    remember: async (i, now) => {
      await deps.conversations.upsert({
        id: conversationRefId(i.tenantId, i.aadObjectId, i.scope),
        type: "conversation-ref",
        schemaVersion: CONVERSATION_REF_SCHEMA_VERSION,
        tenantId: i.tenantId,
        aadObjectId: i.aadObjectId,
        scope: i.scope,
        reference: i.reference,
        alive: true,
        updatedAt: now.toISOString(),
      });
    },
    forget: (w, reason, now) => deps.conversations.markDead(w.tenantId, w.aadObjectId, w.scope, reason, now.toISOString()),
  };
}

import { z } from "zod";
import type { Officer } from "../../domain/officer";
import type { ConversationRefRepository } from "../../store/conversation-ref-repository";
import type { SendTarget } from "./card-sender";

const referenceWithConversation = z.object({ conversation: z.object({ id: z.string().min(1) }) });

/** Where to reach a person in their personal chat with the bot, or undefined (never installed, uninstalled, blocked). */
export async function personalTarget(
  conversations: Pick<ConversationRefRepository, "personal">,
  tenantId: string,
  aadObjectId: string,
): Promise<SendTarget | undefined> {
  const ref = await conversations.personal(tenantId, aadObjectId);
  if (!ref) return undefined;
  const parsed = referenceWithConversation.safeParse(ref.reference);
  if (!parsed.success) return undefined;
  return { tenantId: ref.tenantId, aadObjectId: ref.aadObjectId, conversationId: parsed.data.conversation.id, reference: ref.reference };
}

/**
 * Who can be reached in Teams during one sweep. It starts optimistic (everyone with an Entra id) and looks up the
 * personal-chat reference only for officers who actually receive a digest, so reads grow with recipients, not with
 * the force. Anyone found without a live reference, or whose chat turns out dead mid-sweep, is dropped and the
 * planner re-routes their items up the chain.
 */
export class RecipientReachability {
  readonly reachable: Set<string>;
  private readonly targets = new Map<string, SendTarget | undefined>();

  constructor(
    private readonly conversations: Pick<ConversationRefRepository, "personal">,
    private readonly tenantId: string,
    private readonly officersById: ReadonlyMap<string, Officer>,
  ) {
    this.reachable = new Set([...officersById.values()].filter((o) => o.aadObjectId !== undefined).map((o) => o.id));
  }

  /** Looks up any of `ids` not yet checked; returns those that turned out unreachable. */
  async check(ids: Iterable<string>): Promise<string[]> {
    const unchecked = [...new Set(ids)].filter((id) => !this.targets.has(id));
    const found = await Promise.all(unchecked.map(async (id) => [id, await this.lookup(id)] as const));
    const lost: string[] = [];
    for (const [id, target] of found) {
      this.targets.set(id, target);
      if (!target) {
        this.reachable.delete(id);
        lost.push(id);
      }
    }
    return lost;
  }

  target(id: string): SendTarget | undefined {
    return this.targets.get(id);
  }

  /** The chat answered 403 (uninstalled or blocked); the sender has already marked the reference dead. */
  lose(id: string): void {
    this.targets.set(id, undefined);
    this.reachable.delete(id);
  }

  private async lookup(id: string): Promise<SendTarget | undefined> {
    const aad = this.officersById.get(id)?.aadObjectId;
    return aad === undefined ? undefined : personalTarget(this.conversations, this.tenantId, aad);
  }
}

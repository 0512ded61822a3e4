// Sends outbox messages to Teams through stored conversation references (so it works after restarts) and
// classifies failures: retry (429 with Retry-After, 5xx, network) or give up (bot removed, conversation gone, bad card).
import { type Activity, CardFactory, type CloudAdapter, type ConversationReference, TurnContext as Turn, type TurnContext } from "botbuilder";
import type { ChatSender, DeliveryTarget, SendOutcome } from "../../app/outbox.ports.js";
import type { WorkspaceRecord } from "../../domain/records.js";
import type { View } from "../../views/index.js";
import { renderCard } from "./adaptive-card.js";
import type { TeamsDeps } from "./deps.js";

/** Where a sent Teams message lives, kept by the outbox so it can be updated in place. */
export interface TeamsMessageRef {
  conversationId: string;
  activityId: string;
}

/** The default audience of Bot Connector tokens (public cloud). */
const BOT_CONNECTOR_AUDIENCE = "https://api.botframework.com";

export function toActivity(view: View): Partial<Activity> {
  const { text, card } = renderCard(view);
  // The text is the plain fallback (user text left unescaped, only made inert for mentions): without "plain" Teams
  // renders it as markdown, so a "[click](https://...)" typed into a story became a live link above the card.
  return { type: "message", text, textFormat: "plain", attachments: card ? [CardFactory.adaptiveCard(card)] : [] };
}

/**
 * Proactive turns start from a synthetic activity with an id of its own; botbuilder would send "replies" to it.
 * Without it, a message is a new post in the conversation (a new channel post, not a thread reply).
 */
function forgetTriggerId(context: TurnContext): void {
  context.activity.id = undefined as unknown as string;
}

export class NotDeliverable extends Error {
  override name = "NotDeliverable";
}

export function classifyTeamsError(error: unknown): SendOutcome {
  if (error instanceof NotDeliverable) return { status: "failed", error: error.message };
  const e = error as { statusCode?: number; code?: string; message?: string; response?: { headers?: { get?(name: string): string | undefined } } };
  const status = e.statusCode;
  if (status === 429) {
    const header = e.response?.headers?.get?.("retry-after");
    const seconds = header !== undefined && /^\d+(\.\d+)?$/.test(header.trim()) ? Number(header) : 1;
    return { status: "retry", error: "HTTP 429 (throttled)", retryAfterMs: Math.max(1, seconds) * 1000 };
  }
  // The bot was removed (403) or the conversation is gone (404): nothing will ever reach it there. An invalid card or
  // message (400) is this message's fault only.
  if (status === 403 || status === 404) return { status: "failed", error: `HTTP ${status}: ${(e.message ?? "").slice(0, 200)}`, unreachable: true };
  if (status === 400) return { status: "failed", error: `HTTP ${status}: ${(e.message ?? "").slice(0, 200)}` };
  return { status: "retry", error: status ? `HTTP ${status}` : (e.code ?? e.message ?? String(error)) };
}

export class TeamsSender implements ChatSender {
  constructor(
    private readonly adapter: CloudAdapter,
    /** The bot's Microsoft app id ("" when auth is off). */
    private readonly appId: string,
    private readonly deps: Pick<TeamsDeps, "conversations" | "accounts">,
  ) {}

  async send(workspace: WorkspaceRecord, target: DeliveryTarget, view: View): Promise<SendOutcome> {
    try {
      const activity = toActivity(view);
      switch (target.kind) {
        case "channel": {
          const conversation = await this.deps.conversations.findChannel(workspace.id, target.channel);
          if (!conversation) return { status: "failed", error: `no Teams channel ${target.channel} known: add wowbot to its team`, unreachable: true };
          return { status: "sent", ref: { ...(await this.post(conversation.reference, activity)) } };
        }
        case "dm":
        case "ephemeral":
          return { status: "sent", ref: { ...(await this.sendToPerson(workspace, target.platformUserId, activity)) } };
        case "update": {
          const { conversationId, activityId } = target.ref as unknown as TeamsMessageRef;
          const conversation = await this.deps.conversations.find(workspace.id, conversationId);
          if (!conversation) return { status: "failed", error: `no Teams conversation ${conversationId} known` };
          await this.inConversation(conversation.reference, (context) => context.updateActivity({ ...activity, id: activityId }));
          return { status: "sent", ref: { conversationId, activityId } };
        }
      }
    } catch (error) {
      return classifyTeamsError(error);
    }
  }

  /** A message in the person's 1:1 chat with the bot, opened first when there is none yet. Throws on failure. */
  async sendToPerson(workspace: WorkspaceRecord, platformUserId: string, activity: Partial<Activity>): Promise<TeamsMessageRef> {
    const personal = await this.deps.conversations.findPersonal(workspace.id, platformUserId);
    if (personal) return this.post(personal.reference, activity);
    const accountId = await this.deps.accounts.accountIdOf(workspace.id, platformUserId);
    if (!accountId) throw new NotDeliverable(`no Teams account id for ${platformUserId}: they have not been seen in Teams yet`);
    const any = await this.deps.conversations.anyReference(workspace.id);
    const serviceUrl = any?.serviceUrl as string | undefined;
    if (!serviceUrl) throw new NotDeliverable(`no Teams conversation of tenant ${workspace.externalId} known yet`);
    let sent: TeamsMessageRef | undefined;
    let failure: unknown;
    await this.adapter.createConversationAsync(
      this.appId,
      "msteams",
      serviceUrl,
      BOT_CONNECTOR_AUDIENCE,
      {
        isGroup: false,
        bot: (any?.bot as ConversationReference["bot"]) ?? { id: this.appId, name: "wowbot" },
        members: [{ id: accountId, name: "" }],
        tenantId: workspace.externalId,
        channelData: { tenant: { id: workspace.externalId } },
        activity: undefined as unknown as Activity,
      },
      async (context) => {
        try {
          const reference = Turn.getConversationReference(context.activity);
          forgetTriggerId(context);
          const conversationId = reference.conversation?.id ?? "";
          await this.deps.conversations.upsert({
            workspaceId: workspace.id,
            conversationId,
            kind: "personal",
            platformUserId,
            reference: { ...reference, conversation: { ...reference.conversation, conversationType: "personal" } } as unknown as Record<string, unknown>,
          });
          const r = await context.sendActivity(activity);
          sent = { conversationId, activityId: r?.id ?? "" };
        } catch (error) {
          failure = error;
        }
      },
    );
    if (failure) throw failure;
    if (!sent) throw new Error("Teams created the chat but the message was not sent");
    return sent;
  }

  /** A new message in a stored conversation. Throws on failure. */
  async post(reference: Record<string, unknown>, activity: Partial<Activity>): Promise<TeamsMessageRef> {
    const conversationId = (reference.conversation as { id: string }).id;
    let activityId = "";
    await this.inConversation(reference, async (context) => {
      activityId = (await context.sendActivity(activity))?.id ?? "";
    });
    return { conversationId, activityId };
  }

  /**
   * Runs `fn` in a proactive turn. Errors are carried out of the turn by hand: inside it they would reach the
   * adapter's onTurnError, which answers users, instead of the outbox, which decides on retries.
   */
  /** Runs `fn` in a turn of a stored conversation (a send, an update, a roster read). Throws what `fn` threw. */
  async inConversation(reference: Record<string, unknown>, fn: (context: TurnContext) => Promise<unknown>): Promise<void> {
    let failure: unknown;
    await this.adapter.continueConversationAsync(this.appId, reference as Partial<ConversationReference>, async (context) => {
      try {
        forgetTriggerId(context);
        await fn(context);
      } catch (error) {
        failure = error;
      }
    });
    if (failure) throw failure;
  }
}

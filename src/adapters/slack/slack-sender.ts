// Sends outbox messages to Slack and classifies failures: retry (rate limits with Retry-After, outages) or give up
// (the channel or person is gone, the message itself is invalid).
import type { webApi } from "@slack/bolt";
import type { ChatSender, DeliveryTarget, SendOutcome } from "../../app/outbox.ports.js";
import type { WorkspaceRecord } from "../../domain/records.js";
import type { View } from "../../views/index.js";
import { renderMessage } from "./block-kit.js";

/** Slack error codes that no retry can fix. */
const PERMANENT = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "user_not_found",
  "user_disabled",
  "account_inactive",
  "invalid_blocks",
  "invalid_blocks_format",
  "msg_too_long",
  "msg_blocks_too_long",
  "message_not_found",
  "cant_update_message",
  "edit_window_closed",
  "no_text",
  "restricted_action",
  "invalid_arguments",
]);

/** Of those, the ones that say the bot cannot post in that channel any more (deleted, archived, or it was removed). */
const UNREACHABLE = new Set(["channel_not_found", "not_in_channel", "is_archived"]);

export function classifySlackError(error: unknown): SendOutcome {
  const e = error as { code?: string; retryAfter?: number; statusCode?: number; data?: { error?: string }; message?: string };
  if (e.code === "slack_webapi_rate_limited_error") return { status: "retry", error: "ratelimited", retryAfterMs: (e.retryAfter ?? 1) * 1000 };
  const slackError = e.data?.error;
  if (e.code === "slack_webapi_platform_error" && slackError) {
    if (!PERMANENT.has(slackError)) return { status: "retry", error: slackError };
    return UNREACHABLE.has(slackError) ? { status: "failed", error: slackError, unreachable: true } : { status: "failed", error: slackError };
  }
  return { status: "retry", error: e.statusCode ? `HTTP ${e.statusCode}` : (e.message ?? String(error)) };
}

export class SlackSender implements ChatSender {
  constructor(
    private readonly client: webApi.WebClient,
    private readonly tokenFor: (workspace: WorkspaceRecord) => Promise<string | undefined>,
  ) {}

  async send(workspace: WorkspaceRecord, target: DeliveryTarget, view: View): Promise<SendOutcome> {
    const token = await this.tokenFor(workspace);
    if (!token) return { status: "retry", error: `no Slack token for team ${workspace.externalId}` };
    const message = renderMessage(view);
    try {
      switch (target.kind) {
        case "channel": {
          const r = await this.client.chat.postMessage({ token, channel: target.channel, ...message });
          return { status: "sent", ref: { channel: r.channel, ts: r.ts } };
        }
        case "dm": {
          // Posting to a user id lands in the app's DM with them, without needing im:write.
          const r = await this.client.chat.postMessage({ token, channel: target.platformUserId, ...message });
          return { status: "sent", ref: { channel: r.channel, ts: r.ts } };
        }
        case "ephemeral": {
          await this.client.chat.postEphemeral({ token, channel: target.channel, user: target.platformUserId, ...message });
          return { status: "sent", ref: null };
        }
        case "update": {
          const { channel, ts } = target.ref as { channel: string; ts: string };
          await this.client.chat.update({ token, channel, ts, ...message });
          return { status: "sent", ref: { channel, ts } };
        }
      }
    } catch (error) {
      return classifySlackError(error);
    }
  }
}

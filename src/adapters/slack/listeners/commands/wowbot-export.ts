// `/wowbot export`: the neutral layer checks the request and builds the CSV; this sends it to the admin by DM as a
// file (Slack's external upload flow, through files.uploadV2). Every answer, including a failure to deliver, is private.
import type { webApi } from "@slack/bolt";
import { buildExport, exportNotDelivered } from "../../../../chat/export.js";
import { type ChatRequest, type CommandOutcome, isKnown } from "../../../../chat/request.js";
import type { View } from "../../../../views/index.js";
import type { SlackDeps } from "../../deps.js";

/** Slack's error code from a failed Web API call, or the error's message. */
function slackError(error: unknown): string {
  const e = error as { data?: { error?: string }; message?: string };
  return e?.data?.error ?? e?.message ?? String(error);
}

export async function exportToDm(
  deps: SlackDeps,
  client: webApi.WebClient,
  req: ChatRequest,
  outcome: Extract<CommandOutcome, { kind: "export" }>,
  reply: (view: View) => Promise<void>,
): Promise<void> {
  if (!isKnown(req)) return;
  await reply(outcome.preparing);
  const built = await buildExport(req, outcome.request, deps.exportMaxBytes);
  if ("reply" in built) return reply(built.reply);
  const { file } = built;
  try {
    const dm = await client.conversations.open({ users: req.member.platformUserId });
    const channel = dm.channel?.id;
    if (!channel) throw new Error("conversations.open returned no channel");
    await client.files.uploadV2({ channel_id: channel, file: file.content, filename: file.filename, title: file.filename, initial_comment: file.comment });
  } catch (error) {
    deps.logger.warn({ err: slackError(error), workspace: req.workspace.id, kind: outcome.request.kind }, "export: Slack refused the file");
    return reply(exportNotDelivered(slackError(error), "Slack"));
  }
  return reply(file.sent);
}

// `/wow`: the form; `/wow @someone` the form for them; `/wow @someone story` nominates directly.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { ensureMember } from "../../../../app/ensure-member.js";
import { submitNomination } from "../../../../app/submit-nomination.js";
import { notice } from "../../../../views/notice.js";
import type { SlackDeps, WowContext } from "../../deps.js";
import { renderMessage } from "../../render/index.js";
import { nominationModal } from "../../render/nomination-modal.js";
import { slackDirectory } from "../../slack-directory.js";
import { parseWowText } from "../../slack-text.js";

const privately = (view: Parameters<typeof renderMessage>[0]) => ({ response_type: "ephemeral" as const, ...renderMessage(view) });

export function wowCommand(deps: SlackDeps) {
  return async ({ command, ack, client, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const { workspace, member } = context as WowContext;
    if (!workspace || !member) {
      await ack(privately(notice("error", "I couldn't look you up in this workspace. Try again in a moment.")));
      return;
    }
    const parsed = parseWowText(command.text);
    if (parsed.kind === "usage") {
      await ack(privately(notice("info", parsed.reason)));
      return;
    }
    if (parsed.kind === "modal") {
      await ack();
      await client.views.open({ trigger_id: command.trigger_id, view: nominationModal({ channel: command.channel_id, nominee: parsed.nominee }) });
      return;
    }
    const nominee = await ensureMember(deps.ports, {
      workspaceId: workspace.id,
      platformUserId: parsed.nominee,
      directory: slackDirectory(client, context.botToken ?? ""),
      refresh: true,
    });
    if (!nominee) {
      await ack(privately(notice("error", "I can't find that person in this workspace.")));
      return;
    }
    const result = await submitNomination(deps.ports, {
      workspace,
      nominator: member,
      nominee,
      draft: { story: parsed.story, behaviours: [] },
      sourceChannel: command.channel_id,
      // Slack sends a retried request with the same trigger id.
      requestKey: `slack:trigger:${command.trigger_id}`,
    });
    if (!result.ok) {
      await ack(privately(notice("error", result.error.message)));
      return;
    }
    const { nomination, replayed, postChannel } = result.value;
    await ack(privately({ kind: "nomination.confirmation", nominationId: nomination.id, nominee, postChannel, replayed }));
  };
}

// Every slash command (/wow, /score, /pto, /attendance, /wowbot): acknowledged at once, then run by the neutral
// command layer (src/chat); its outcome becomes a private message through response_url, a modal, or an export by DM.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { type ChatCommand, runCommand } from "../../../../chat/commands.js";
import type { View } from "../../../../views/index.js";
import { renderMessage } from "../../block-kit.js";
import { slackRequest } from "../../chat-request.js";
import type { SlackDeps } from "../../deps.js";
import { renderForm } from "../../modal.js";
import { provision } from "../../provision.js";
import { exportToDm } from "./wowbot-export.js";

export function chatCommand(deps: SlackDeps, name: ChatCommand) {
  return async ({ command, ack, respond, client, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const reply = async (view: View) => void (await respond({ response_type: "ephemeral", ...renderMessage(view) }));
    await deps.afterAck(async () => {
      await provision(deps, context, client);
      // Slack sends a retried request with the same trigger id.
      const req = slackRequest(deps, context, client, { channel: command.channel_id, requestKey: `slack:trigger:${command.trigger_id}` });
      const outcome = await runCommand(req, name, command.text);
      switch (outcome.kind) {
        case "reply":
          return reply(outcome.view);
        case "form":
          await client.views.open({ trigger_id: command.trigger_id, view: renderForm(outcome.form) });
          return;
        case "export":
          return exportToDm(deps, client, req, outcome, reply);
      }
    });
  };
}

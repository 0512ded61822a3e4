// `/wow`: the form; `/wow @someone` the form for them; `/wow @someone story` nominates directly. Slack is
// acknowledged at once; the outcome follows privately through the command's response_url.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { submitNomination } from "../../../../app/submit-nomination.js";
import { notice } from "../../../../views/notice.js";
import type { SlackDeps } from "../../deps.js";
import { memberOf, NOT_PROVISIONED, PERSON_NOT_FOUND, provision } from "../../provision.js";
import { renderMessage } from "../../render/index.js";
import { nominationModal } from "../../render/nomination-modal.js";
import { parseWowText } from "../../slack-text.js";

const privately = (view: Parameters<typeof renderMessage>[0]) => ({ response_type: "ephemeral" as const, ...renderMessage(view) });

export function wowCommand(deps: SlackDeps) {
  return async ({ command, ack, respond, client, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const reply = (view: Parameters<typeof renderMessage>[0]) => respond(privately(view));
    const { workspace, member } = await provision(deps, context, client);
    if (!workspace || !member) return void (await reply(notice("error", NOT_PROVISIONED)));
    const parsed = parseWowText(command.text);
    if (parsed.kind === "usage") return void (await reply(notice("info", parsed.reason)));
    if (parsed.kind === "modal") {
      await client.views.open({ trigger_id: command.trigger_id, view: nominationModal({ channel: command.channel_id, nominee: parsed.nominee }) });
      return;
    }
    const nominee = await memberOf(deps, context, client, workspace.id, parsed.nominee, true);
    if (!nominee) return void (await reply(notice("error", PERSON_NOT_FOUND)));
    const result = await submitNomination(deps.ports, {
      workspace,
      nominator: member,
      nominee,
      draft: { story: parsed.story, behaviours: [] },
      sourceChannel: command.channel_id,
      // Slack sends a retried request with the same trigger id.
      requestKey: `slack:trigger:${command.trigger_id}`,
    });
    if (!result.ok) return void (await reply(notice("error", result.error.message)));
    const { nomination, replayed, postChannel } = result.value;
    await reply({ kind: "nomination.confirmation", nominationId: nomination.id, nominee, postChannel, replayed });
  };
}

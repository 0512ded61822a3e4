// `/score [@agent] [reference]`: opens the Happiness Experience Form for leads; others are told why not.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { mayScore } from "../../../../app/record-quick-score.js";
import { notice } from "../../../../views/notice.js";
import type { SlackDeps } from "../../deps.js";
import { NOT_PROVISIONED, provision } from "../../provision.js";
import { renderMessage } from "../../render/index.js";
import { scoreModal } from "../../render/score.js";
import { parseScoreText } from "../../slack-text.js";

export const scoreCommand =
  (deps: SlackDeps) =>
  async ({ command, ack, respond, client, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const { member } = await provision(deps, context, client);
    const refused = member ? mayScore(member) : { message: NOT_PROVISIONED };
    if (refused) {
      await respond({ response_type: "ephemeral", ...renderMessage(notice("error", refused.message)) });
      return;
    }
    await client.views.open({ trigger_id: command.trigger_id, view: scoreModal(parseScoreText(command.text)) });
  };

// `/pto`: the member's own balance, streak, points and ledger, privately; `/pto @agent` for leads.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { ptoOverview } from "../../../../app/pto-overview.js";
import type { View } from "../../../../views/index.js";
import { notice } from "../../../../views/notice.js";
import type { SlackDeps } from "../../deps.js";
import { memberOf, NOT_PROVISIONED, PERSON_NOT_FOUND, provision } from "../../provision.js";
import { renderMessage } from "../../render/index.js";
import { userIdOfMention } from "../../slack-text.js";

export function ptoCommand(deps: SlackDeps) {
  return async ({ command, ack, respond, client, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const reply = async (view: View) => void (await respond({ response_type: "ephemeral", ...renderMessage(view) }));
    const { workspace, member: viewer } = await provision(deps, context, client);
    if (!workspace || !viewer) return reply(notice("error", NOT_PROVISIONED));
    const text = command.text.trim();
    const target = userIdOfMention(text);
    if (text && !target) return reply(notice("info", "Usage: `/pto` for your own balance (leads: `/pto @agent`)."));
    const member = target && target !== viewer.platformUserId ? await memberOf(deps, context, client, workspace.id, target) : viewer;
    if (!member) return reply(notice("error", PERSON_NOT_FOUND));
    const result = await ptoOverview(deps.ports, { workspace, viewer, member });
    return reply(result.ok ? result.value : notice("error", result.error.message));
  };
}

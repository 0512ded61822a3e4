// The quick-score form's submission: errors next to their inputs; success closes with the score.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from "@slack/bolt";
import { recordQuickScore } from "../../../../app/record-quick-score.js";
import type { SlackDeps, WowContext } from "../../deps.js";
import { memberOf, PERSON_NOT_FOUND } from "../../provision.js";
import { SCORE_FIELDS, scoreSavedModal } from "../../render/score.js";
import { mention } from "../../render/text.js";

type Values = Record<string, Record<string, { selected_user?: string | null; value?: string | null; selected_option?: { value: string } | null }>>;

export function scoreSubmit(deps: SlackDeps) {
  return async ({ ack, view, client, context }: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const { workspace, member } = context as WowContext;
    const values = view.state.values as Values;
    const field = (f: keyof typeof SCORE_FIELDS) => values[SCORE_FIELDS[f]]?.[SCORE_FIELDS[f]];
    const error = (block: string, message: string) => ack({ response_action: "errors", errors: { [block]: message } });
    const agentId = field("agent")?.selected_user;
    if (!workspace || !member || !agentId) return void (await error(SCORE_FIELDS.agent, "Choose the agent whose interaction you scored."));
    const agent = await memberOf(deps, context, client, workspace.id, agentId, true);
    if (!agent) return void (await error(SCORE_FIELDS.agent, PERSON_NOT_FOUND));
    const choice = (f: keyof typeof SCORE_FIELDS) => field(f)?.selected_option?.value ?? "";
    const result = await recordQuickScore(deps.ports, {
      workspace,
      scorer: member,
      agent,
      draft: {
        reference: field("reference")?.value ?? "",
        channel: choice("channel"),
        answers: {
          connection: Number(choice("connection") || Number.NaN),
          rapport: choice("rapport"),
          unstatedNeeds: choice("unstatedNeeds"),
          wow: choice("wow"),
        },
        note: field("note")?.value ?? null,
      },
      requestKey: `slack:view:${view.id}`,
    });
    if (!result.ok) {
      const block = result.error.field && result.error.field in SCORE_FIELDS ? result.error.field : SCORE_FIELDS.agent;
      return void (await error(block, result.error.message));
    }
    const { score, superseded, metGoal } = result.value;
    const replaced = superseded ? ` It replaces the earlier score of ${superseded.score}.` : "";
    await ack({
      response_action: "update",
      view: scoreSavedModal(
        `Saved: ${mention(agent.platformUserId)} scored *${score.score}/100*${metGoal ? ", meeting the goal" : ""}.${replaced} They'll get the details by DM.`,
      ),
    });
  };
}

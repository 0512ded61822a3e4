// The nomination modal's submission: field errors shown next to their inputs, success as the modal's last screen.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from "@slack/bolt";
import { submitNomination } from "../../../../app/submit-nomination.js";
import type { BehaviourId } from "../../../../domain/nomination.js";
import type { SlackDeps, WowContext } from "../../deps.js";
import { memberOf, PERSON_NOT_FOUND } from "../../provision.js";
import { confirmationText } from "../../render/nomination.js";
import { FIELDS, nominationSentModal } from "../../render/nomination-modal.js";

type Values = Record<string, Record<string, { selected_user?: string | null; value?: string | null; selected_options?: Array<{ value: string }> }>>;

function channelFrom(privateMetadata: string): string | null {
  try {
    const channel = (JSON.parse(privateMetadata) as { channel?: unknown }).channel;
    return typeof channel === "string" ? channel : null;
  } catch {
    return null;
  }
}

/** Domain field names to the modal's blocks; problems without a field show on the first input. */
const blockFor = (field?: string) => (field && field in FIELDS ? FIELDS[field as keyof typeof FIELDS].block : FIELDS.nominee.block);

export function nominationSubmit(deps: SlackDeps) {
  return async ({ ack, view, client, context }: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const { workspace, member } = context as WowContext;
    const values = view.state.values as Values;
    const field = (f: keyof typeof FIELDS) => values[FIELDS[f].block]?.[FIELDS[f].action];
    const nomineeId = field("nominee")?.selected_user;
    if (!workspace || !member || !nomineeId) {
      await ack({ response_action: "errors", errors: { [FIELDS.nominee.block]: "Choose who made the wow moment." } });
      return;
    }
    const nominee = await memberOf(deps, context, client, workspace.id, nomineeId, true);
    if (!nominee) {
      await ack({ response_action: "errors", errors: { [FIELDS.nominee.block]: PERSON_NOT_FOUND } });
      return;
    }
    const result = await submitNomination(deps.ports, {
      workspace,
      nominator: member,
      nominee,
      draft: {
        story: field("story")?.value ?? "",
        reference: field("reference")?.value ?? null,
        behaviours: (field("behaviours")?.selected_options ?? []).map((o) => o.value as BehaviourId),
      },
      sourceChannel: channelFrom(view.private_metadata),
      // A view is submitted successfully once; Slack retries and double clicks carry the same view id.
      requestKey: `slack:view:${view.id}`,
    });
    if (!result.ok) {
      await ack({ response_action: "errors", errors: { [blockFor(result.error.field)]: result.error.message } });
      return;
    }
    const { nomination, replayed, postChannel } = result.value;
    await ack({
      response_action: "update",
      view: nominationSentModal(confirmationText({ kind: "nomination.confirmation", nominationId: nomination.id, nominee, postChannel, replayed })),
    });
  };
}

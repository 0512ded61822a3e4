// A modal's submission through the neutral forms (src/chat): Slack's input state read into neutral values, problems
// shown beside their blocks, success as the modal's done screen. A retried or double-clicked submission carries the
// same view id, the request's idempotency key.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from "@slack/bolt";
import { submitForm } from "../../../../chat/submit-form.js";
import type { FormKind, FormValues } from "../../../../views/forms.js";
import { slackRequest } from "../../chat-request.js";
import type { SlackDeps } from "../../deps.js";
import { renderFormDone } from "../../render/form.js";

/** One input's state in view.state.values (which property is set depends on the element). */
export interface SlackInput {
  value?: string | null;
  selected_user?: string | null;
  selected_date?: string | null;
  selected_conversation?: string | null;
  selected_time?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: Array<{ value: string }> | null;
}
/** view.state.values: block id -> action id -> input. */
export type SlackValues = Record<string, Record<string, SlackInput>>;

/** The input of a block whose action id is the block id, as in every wowbot modal but the nomination form. */
export const inputOf = (values: SlackValues, block: string): SlackInput | undefined => values[block]?.[block];

/** The channel a modal was opened from, kept in its private metadata (the nomination form); null otherwise. */
function channelFrom(privateMetadata: string): string | null {
  try {
    const channel = (JSON.parse(privateMetadata) as { channel?: unknown }).channel;
    return typeof channel === "string" ? channel : null;
  } catch {
    return null;
  }
}

export function formSubmit<K extends FormKind>(
  deps: SlackDeps,
  kind: K,
  read: (values: SlackValues) => FormValues[K],
  /** The block that shows a field's problem: the field's own name in every form but settings. */
  blockOf: (field: string) => string = (field) => field,
) {
  return async ({ ack, view, client, context }: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const req = slackRequest(deps, context, client, { channel: channelFrom(view.private_metadata), requestKey: `slack:view:${view.id}` });
    const outcome = await submitForm(req, kind, read(view.state.values as SlackValues));
    if ("errors" in outcome) {
      const errors: Record<string, string> = {};
      for (const [field, message] of Object.entries(outcome.errors)) errors[blockOf(field)] ??= message;
      return void (await ack({ response_action: "errors", errors }));
    }
    // Saved settings simply close; every other form ends on a screen saying what happened.
    await ack(kind === "form.settings" ? { response_action: "clear" } : { response_action: "update", view: renderFormDone(outcome.ok) });
  };
}

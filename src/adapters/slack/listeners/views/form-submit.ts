// A modal's submission through the neutral forms (src/chat): the modal's state read by the form's definition, problems
// shown beside their inputs, success as the modal's done screen. A retried or double-clicked submission carries the
// same view id, the request's idempotency key.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from "@slack/bolt";
import { submitForm } from "../../../../chat/submit-form.js";
import { answersOf } from "../../../../views/form-definitions.js";
import type { FormKind } from "../../../../views/forms.js";
import { slackRequest } from "../../chat-request.js";
import type { SlackDeps } from "../../deps.js";
import { errorsByBlock, readModal, renderFormDone } from "../../modal.js";

/** The channel a modal was opened from, kept in its private metadata (the nomination form); null otherwise. */
function channelFrom(privateMetadata: string): string | null {
  try {
    const channel = (JSON.parse(privateMetadata) as { channel?: unknown }).channel;
    return typeof channel === "string" ? channel : null;
  } catch {
    return null;
  }
}

export function formSubmit(deps: SlackDeps, kind: FormKind) {
  return async ({ ack, view, client, context }: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const req = slackRequest(deps, context, client, { channel: channelFrom(view.private_metadata), requestKey: `slack:view:${view.id}` });
    const outcome = await submitForm(req, kind, answersOf(kind, readModal(kind, view)));
    if ("errors" in outcome) return void (await ack({ response_action: "errors", errors: errorsByBlock(kind, outcome.errors) }));
    // Every form ends on a screen saying what happened.
    await ack({ response_action: "update", view: renderFormDone(outcome.ok) });
  };
}

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

/** What a modal carries in its private metadata (the channel a nomination was started in, a form's subject ids). */
function carriedBy(privateMetadata: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(privateMetadata);
    if (!parsed || typeof parsed !== "object") return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === "string"));
  } catch {
    return {};
  }
}

export function formSubmit(deps: SlackDeps, kind: FormKind) {
  return async ({ ack, view, client, context }: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const carried = carriedBy(view.private_metadata);
    const req = slackRequest(deps, context, client, { channel: carried.channel ?? null, requestKey: `slack:view:${view.id}` });
    // The carried ids come along with the answers, as Teams sends them in the dialog's data; inputs win.
    const outcome = await submitForm(req, kind, answersOf(kind, { ...carried, ...readModal(kind, view) }));
    if ("errors" in outcome) return void (await ack({ response_action: "errors", errors: errorsByBlock(kind, outcome.errors) }));
    // Every form ends on a screen saying what happened.
    await ack({ response_action: "update", view: renderFormDone(outcome.ok) });
  };
}

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

const text = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const optionOf = (v: unknown): { value: string } | undefined => (isRecord(v) && typeof v.value === "string" ? { value: v.value } : undefined);

/** One input with only the properties of the types Slack sends; anything else reads as not chosen. */
function cleanInput(raw: Record<string, unknown>): SlackInput {
  const input: SlackInput = {};
  for (const key of ["value", "selected_user", "selected_date", "selected_conversation", "selected_time"] as const) {
    const value = text(raw[key]);
    if (value !== undefined) input[key] = value;
  }
  const option = optionOf(raw.selected_option);
  if (option) input.selected_option = option;
  if (Array.isArray(raw.selected_options)) input.selected_options = raw.selected_options.map(optionOf).filter((o) => o !== undefined);
  return input;
}

/**
 * view.state.values with only well-formed inputs. A submission whose state is missing or malformed (wrong types,
 * null blocks) made the readers throw, so the modal was never answered and Slack showed the person its generic
 * "We had some trouble connecting" error; read as empty inputs, validation names the missing fields instead.
 */
export function stateValuesOf(view: { state?: unknown }): SlackValues {
  const values = isRecord(view.state) ? view.state.values : undefined;
  if (!isRecord(values)) return {};
  // fromEntries keeps a block or action named "__proto__" an ordinary key.
  return Object.fromEntries(
    Object.entries(values)
      .filter((entry): entry is [string, Record<string, unknown>] => isRecord(entry[1]))
      .map(([block, actions]) => [
        block,
        Object.fromEntries(
          Object.entries(actions)
            .filter((entry): entry is [string, Record<string, unknown>] => isRecord(entry[1]))
            .map(([action, raw]) => [action, cleanInput(raw)]),
        ),
      ]),
  );
}

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
    const outcome = await submitForm(req, kind, read(stateValuesOf(view)));
    if ("errors" in outcome) {
      const errors: Record<string, string> = {};
      for (const [field, message] of Object.entries(outcome.errors)) errors[blockOf(field)] ??= message;
      return void (await ack({ response_action: "errors", errors }));
    }
    // Every form ends on a screen saying what happened.
    await ack({ response_action: "update", view: renderFormDone(outcome.ok) });
  };
}

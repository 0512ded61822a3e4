// The one converter from a neutral form (src/views/form-inputs.ts) to a Slack modal, and its reader: a submitted
// modal's state read back into the form's answers by the same definition. Block and action ids are the inputs' ids.
import type { types } from "@slack/bolt";
import type { FormDone } from "../../chat/form-outcome.js";
import { defaultSettings } from "../../domain/settings.js";
import { formOf } from "../../views/form-definitions.js";
import { FORM_BUTTONS, type Input, inputFor, isInput, type RawAnswers } from "../../views/form-inputs.js";
import type { FormKind, FormView } from "../../views/forms.js";
import { noticeText } from "../../views/notice.js";
import { mrkdwn, renderMessage, type SlackBlock } from "./block-kit.js";
import { LIMITS, truncate } from "./limits.js";

/** Each form's callback id: what a submission is routed by. */
export const CALLBACK_IDS: Record<FormKind, string> = {
  "form.nomination": "nomination.submit",
  "form.score": "score.submit",
  "form.attendance": "attendance.submit",
  "form.paid_day": "pto.request.submit",
  "form.calibration": "calibration.submit",
  "form.review": "review.submit",
  "form.settings": "settings.submit",
};

const plain = (text: string, max: number = LIMITS.sectionText) => ({ type: "plain_text" as const, text: truncate(text, max) });
const options = (choices: Array<{ value: string; label: string }>) => choices.map((c) => ({ value: c.value, text: plain(c.label, 75) }));

function element(input: Input): SlackBlock {
  const id = { action_id: input.id };
  switch (input.kind) {
    case "text":
      return {
        type: "plain_text_input",
        ...id,
        max_length: input.max,
        ...(input.multiline ? { multiline: true } : {}),
        ...(input.value ? { initial_value: input.value.slice(0, Math.min(input.max, LIMITS.plainTextInputInitialValue)) } : {}),
      };
    case "number":
      return {
        type: "number_input",
        ...id,
        is_decimal_allowed: input.decimal,
        min_value: String(input.min),
        max_value: String(input.max),
        ...(input.value === null ? {} : { initial_value: String(input.value) }),
      };
    case "choice": {
      const all = options(input.options);
      const initial = all.find((o) => o.value === input.value);
      return { type: input.look === "radio" ? "radio_buttons" : "static_select", ...id, options: all, ...(initial ? { initial_option: initial } : {}) };
    }
    case "choices": {
      const all = options(input.options);
      const initial = all.filter((o) => input.value?.includes(o.value));
      return { type: "checkboxes", ...id, options: all, ...(initial.length ? { initial_options: initial } : {}) };
    }
    case "person":
      return { type: "users_select", ...id, ...(input.value ? { initial_user: input.value } : {}) };
    case "date":
      return { type: "datepicker", ...id, initial_date: input.value };
    case "time":
      return { type: "timepicker", ...id, initial_time: input.value };
    case "channel":
      return {
        type: "conversations_select",
        ...id,
        filter: { include: ["public", "private"], exclude_bot_users: true },
        ...(input.value ? { initial_conversation: input.value } : {}),
      };
  }
}

/** Any neutral form as the modal that asks for it (plain Block Kit objects: the limits test keeps them valid). */
export function renderForm(view: FormView): types.ModalView {
  const form = formOf(view);
  const metadata = JSON.stringify(form.carry);
  const blocks = form.items.map((item): SlackBlock => {
    if (item.kind === "section") return { type: "header", text: plain(item.title, 150) };
    if (item.kind === "say") return { type: "section", text: { type: "mrkdwn", text: truncate(mrkdwn(item.text), LIMITS.sectionText) } };
    return {
      type: "input",
      block_id: item.id,
      label: plain(item.label, 2000),
      ...(item.optional ? { optional: true } : {}),
      ...(item.hint ? { hint: plain(item.hint, 2000) } : {}),
      element: element(item),
    };
  });
  return {
    type: "modal" as const,
    callback_id: CALLBACK_IDS[view.kind],
    private_metadata: metadata.length <= LIMITS.privateMetadata ? metadata : "{}",
    title: plain(form.title, LIMITS.modalTitle),
    submit: plain(form.submit, LIMITS.modalButton),
    close: plain(FORM_BUTTONS.cancel, LIMITS.modalButton),
    blocks: blocks as unknown as types.ModalView["blocks"],
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const optionValue = (v: unknown): string | undefined => (isRecord(v) ? text(v.value) : undefined);

/** One input's answer from its state; the property Slack sets depends on the element. Malformed reads as empty. */
function answerOf(input: Input, state: Record<string, unknown>): string | string[] {
  switch (input.kind) {
    case "text":
    case "number":
      return text(state.value) ?? "";
    case "choice":
      return optionValue(state.selected_option) ?? "";
    case "choices":
      return Array.isArray(state.selected_options) ? state.selected_options.map(optionValue).filter((v) => v !== undefined) : [];
    case "person":
      return text(state.selected_user) ?? "";
    case "date":
      return text(state.selected_date) ?? "";
    case "time":
      return text(state.selected_time) ?? "";
    case "channel":
      return text(state.selected_conversation) ?? "";
  }
}

/**
 * A submitted modal's answers by input id, read by the form's own definition: only inputs present in the state are
 * answered (the settings form changes only those). A missing or malformed state reads as empty inputs, so
 * validation names the missing fields instead of the listener throwing.
 */
export function readModal(kind: FormKind, view: { state?: unknown }): RawAnswers {
  const values = isRecord(view.state) && isRecord(view.state.values) ? view.state.values : {};
  const answers: RawAnswers = {};
  for (const input of formInputs(kind)) {
    const block = Object.hasOwn(values, input.id) ? values[input.id] : undefined;
    const state = isRecord(block) && Object.hasOwn(block, input.id) ? block[input.id] : undefined;
    if (isRecord(state)) answers[input.id] = answerOf(input, state);
  }
  return answers;
}

/** The inputs of a form of this kind (their ids and kinds do not depend on the form's current values). */
const FORM_SHAPES: Record<FormKind, FormView> = {
  "form.nomination": { kind: "form.nomination", nominee: null, channel: null },
  "form.score": { kind: "form.score", agent: null, reference: null, nominationId: null },
  "form.attendance": { kind: "form.attendance", member: null, today: "2000-01-01" },
  "form.paid_day": { kind: "form.paid_day", today: "2000-01-01", hoursPerPaidDay: 8 },
  "form.calibration": { kind: "form.calibration", calibrationId: "", agent: { platformUserId: "", displayName: "" }, reference: "", answers: null },
  "form.review": { kind: "form.review", scoreId: "", reference: "", score: 0, scorer: "" },
  "form.settings": { kind: "form.settings", settings: defaultSettings, timezone: "UTC", channels: [] },
};
export const formInputs = (kind: FormKind): Input[] => formOf(FORM_SHAPES[kind]).items.filter(isInput);

/** Problems by field as Slack wants them: by block, each on its own input or the first input under it. */
export function errorsByBlock(kind: FormKind, errors: Record<string, string>): Record<string, string> {
  const ids = formInputs(kind).map((i) => i.id);
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) out[inputFor(field, ids) ?? (ids[0] as string)] ??= message;
  return out;
}

/** The modal a successful submission turns into: its title, what happened, and Done. */
export function renderFormDone(done: FormDone) {
  const { view } = done;
  const text = view.kind === "notice" ? mrkdwn(noticeText(view)) : renderMessage(view).text;
  return {
    type: "modal" as const,
    title: plain(done.title, LIMITS.modalTitle),
    close: plain(FORM_BUTTONS.done, LIMITS.modalButton),
    blocks: [{ type: "section", text: { type: "mrkdwn", text: truncate(text, LIMITS.sectionText) } }],
  };
}

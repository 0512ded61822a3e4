// Card buttons and what they send back. Every action's data is { wowbot: <action id>, ...ids }; readCardAction turns
// whatever Teams delivers (message value, task/fetch or task/submit value, adaptiveCard/action invoke) into a typed,
// validated action, or null, so handlers never trust raw card data.
import { z } from "zod";
import { actionIdField, CHAT_ACTION_KINDS, type ChatActionKind } from "../../../views/actions.js";
import { FORM_FIELDS, type FormKind } from "../../../views/forms.js";
import type { Element } from "./elements.js";

/** The two dialog steps; every button's id is its chat action's kind (src/views/actions.ts). */
export const CARD_ACTIONS = { openForm: "form.open", submitForm: "form.submit" } as const;

const FORM_KINDS = Object.keys(FORM_FIELDS) as [FormKind, ...FormKind[]];

/** Ids in card data: uuids, AAD object ids, Teams conversation ids ("19:...@thread.tacv2"); nothing else. */
const id = z.string().regex(/^[\w:;.@=+/-]{1,256}$/);
const reference = z.string().max(500);

/** The buttons that carry an id, each as { wowbot: kind, <its id field>: id }. */
const BUTTON_KINDS = CHAT_ACTION_KINDS.filter((k) => actionIdField(k) !== null);
const ID_FIELDS = [...new Set(BUTTON_KINDS.map((k) => actionIdField(k) as string))];

/** What a dialog opener may prefill: people, a channel, a reference, and the button that opened it (`via`). */
const prefill = {
  agent: id.optional(),
  member: id.optional(),
  nominee: id.optional(),
  channel: id.optional(),
  reference: reference.optional(),
  via: z.enum(CHAT_ACTION_KINDS as [ChatActionKind, ...ChatActionKind[]]).optional(),
  ...Object.fromEntries(ID_FIELDS.map((f) => [f, id.optional()])),
};

type ButtonAction = { wowbot: ChatActionKind } & Record<string, string>;
type FormOpen = { wowbot: "form.open"; form: FormKind; via?: ChatActionKind } & Record<string, string | undefined>;
type FormSubmit = { wowbot: "form.submit"; form: FormKind } & Record<string, unknown>;

const cardActionSchema = z.union([
  ...BUTTON_KINDS.map((k) => z.object({ wowbot: z.literal(k), [actionIdField(k) as string]: id })),
  z.object({ wowbot: z.literal(CARD_ACTIONS.openForm), form: z.enum(FORM_KINDS), ...prefill }),
  // A dialog's submission: its inputs and the form's carried ids come along; readForm reads them for the form's kind.
  z.looseObject({ wowbot: z.literal(CARD_ACTIONS.submitForm), form: z.enum(FORM_KINDS), channel: id.optional(), nominationId: id.optional() }),
]) as unknown as z.ZodType<ButtonAction | FormOpen | FormSubmit>;

export type CardAction = z.infer<typeof cardActionSchema>;
export type CardActionId = CardAction["wowbot"];

function record(value: unknown): Record<string, unknown> | null {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * The action in a card's answer, or null when it is missing, malformed or forged. Accepts the data itself (a message
 * activity's value), a task/fetch or task/submit value ({ data }) and an adaptiveCard/action value ({ action: { verb,
 * data } }, where the verb must be the action id).
 */
export function readCardAction(value: unknown): CardAction | null {
  const outer = record(value);
  if (!outer) return null;
  let data = outer;
  const action = record(outer.action);
  if (action) {
    data = record(action.data) ?? {};
    if (typeof action.verb !== "string" || (data.wowbot !== undefined && data.wowbot !== action.verb)) return null;
    data = { ...data, wowbot: action.verb };
  } else if (outer.wowbot === undefined && record(outer.data)) {
    data = record(outer.data) ?? {};
  }
  const { msteams: _teams, ...rest } = data;
  const parsed = cardActionSchema.safeParse(rest);
  return parsed.success ? parsed.data : null;
}

type ExecuteId = ChatActionKind;

/** A button that answers in place (adaptiveCard/action invoke): the bot may return an updated card. */
export function executeAction(title: string, action: ExecuteId, ids: Record<string, string>, opts: Element = {}): Element {
  return { type: "Action.Execute", title, verb: action, data: { wowbot: action, ...ids }, ...opts };
}

/** A button that opens a form in a dialog (task/fetch). */
export function openFormAction(title: string, form: FormKind, fill: Record<string, string | null | undefined> = {}, opts: Element = {}): Element {
  const given = Object.fromEntries(Object.entries(fill).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  return { type: "Action.Submit", title, data: { msteams: { type: "task/fetch" }, wowbot: CARD_ACTIONS.openForm, form, ...given }, ...opts };
}

/** A button that asks first (Teams has no confirm dialog on buttons): a small card with the real button. */
export function confirmAction(title: string, question: string, confirm: Element, cancelNote: string): Element {
  return {
    type: "Action.ShowCard",
    title,
    card: {
      type: "AdaptiveCard",
      body: [
        { type: "TextBlock", text: question, wrap: true },
        { type: "TextBlock", text: cancelNote, wrap: true, isSubtle: true, size: "Small" },
      ],
      actions: [confirm],
    },
  };
}

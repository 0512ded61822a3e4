// Card buttons and what they send back. Every action's data is { wowbot: <action id>, ...ids }; readCardAction turns
// whatever Teams delivers (message value, task/fetch or task/submit value, adaptiveCard/action invoke) into a typed,
// validated action, or null, so handlers never trust raw card data.
import { z } from "zod";
import type { FormKind } from "../../../views/forms.js";
import type { Element } from "./elements.js";

/** Action ids. "Score this" and "Request a paid day off" are `openForm` with form "form.score" / "form.paid_day". */
export const CARD_ACTIONS = {
  second: "nomination.second",
  retract: "nomination.retract",
  remove: "nomination.remove",
  approve: "pto.approve",
  decline: "pto.decline",
  cancelRequest: "pto.cancel",
  deleteAttendance: "attendance.delete",
  openForm: "form.open",
  submitForm: "form.submit",
} as const;

const FORM_KINDS = ["form.nomination", "form.score", "form.attendance", "form.paid_day", "form.settings"] as const satisfies readonly FormKind[];

/** Ids in card data: uuids, AAD object ids, Teams conversation ids ("19:...@thread.tacv2"); nothing else. */
const id = z.string().regex(/^[\w:;.@=+/-]{1,256}$/);
const reference = z.string().max(500);

const nominationAction = (action: (typeof CARD_ACTIONS)["second" | "retract" | "remove"]) => z.object({ wowbot: z.literal(action), nominationId: id });
const requestAction = (action: (typeof CARD_ACTIONS)["approve" | "decline" | "cancelRequest"]) => z.object({ wowbot: z.literal(action), requestId: id });

/** What a dialog opener may prefill. */
const prefill = {
  nominationId: id.optional(),
  agent: id.optional(),
  member: id.optional(),
  nominee: id.optional(),
  channel: id.optional(),
  reference: reference.optional(),
};

const cardActionSchema = z.discriminatedUnion("wowbot", [
  nominationAction(CARD_ACTIONS.second),
  nominationAction(CARD_ACTIONS.retract),
  nominationAction(CARD_ACTIONS.remove),
  requestAction(CARD_ACTIONS.approve),
  requestAction(CARD_ACTIONS.decline),
  requestAction(CARD_ACTIONS.cancelRequest),
  z.object({ wowbot: z.literal(CARD_ACTIONS.deleteAttendance), occurrenceId: id }),
  z.object({ wowbot: z.literal(CARD_ACTIONS.openForm), form: z.enum(FORM_KINDS), ...prefill }),
  // A dialog's submission: its inputs come along; readForm reads them for the form's kind.
  z.looseObject({ wowbot: z.literal(CARD_ACTIONS.submitForm), form: z.enum(FORM_KINDS), channel: id.optional(), nominationId: id.optional() }),
]);

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

type ExecuteId = Exclude<CardActionId, "form.open" | "form.submit">;

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

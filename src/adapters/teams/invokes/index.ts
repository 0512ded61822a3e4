// Card buttons and dialogs, by the `wowbot` id in their data (cards/actions.ts): ACTIONS for buttons
// (Action.Execute -> adaptiveCard/action, Action.Submit -> a message with a value), FORMS for dialogs
// (task/fetch opens, task/submit saves) by FormView kind. To add one, add a line here; anything not listed
// answers 200 with "not available yet" instead of failing.
import { notice } from "../../../views/notice.js";
import { replyPrivately, type TeamsTurn } from "../turn.js";

/** The data of a card action or dialog submit: `{ wowbot: "<action id>", ...ids and form fields }`. */
export type ActionData = { wowbot?: string; form?: string } & Record<string, unknown>;

/**
 * A button. Returns a card body to update the clicked card in place (adaptiveCard/action), or undefined when it
 * answered some other way (a private message).
 */
export type TeamsAction = (turn: TeamsTurn, data: ActionData) => Promise<Record<string, unknown> | undefined>;

/** A dialog: `fetch` returns the task module response body ({ task: { type: "continue", value: {...} } }). */
export interface TeamsForm {
  fetch(turn: TeamsTurn, data: ActionData): Promise<Record<string, unknown>>;
  /** Returns the task module response body; `{ task: { type: "continue", ... } }` keeps the dialog open with errors. */
  submit(turn: TeamsTurn, data: ActionData): Promise<Record<string, unknown> | undefined>;
}

export const ACTIONS: Record<string, TeamsAction> = {};

export const FORMS: Record<string, TeamsForm> = {};

export const NOT_AVAILABLE = "This isn't available in Teams yet.";

const lookUp = <T>(table: Record<string, T>, key: string | undefined): T | undefined => (key && Object.hasOwn(table, key) ? table[key] : undefined);

/** The invoke response body for a dialog open (task/fetch). */
export async function fetchTask(turn: TeamsTurn, data: ActionData): Promise<Record<string, unknown>> {
  const form = lookUp(FORMS, data.form);
  if (form) return form.fetch(turn, data);
  return { task: { type: "message", value: NOT_AVAILABLE } };
}

/** The invoke response body for a dialog submit (task/submit). */
export async function submitTask(turn: TeamsTurn, data: ActionData): Promise<Record<string, unknown> | undefined> {
  const form = lookUp(FORMS, data.form);
  if (form) return form.submit(turn, data);
  return { task: { type: "message", value: NOT_AVAILABLE } };
}

/** A button: its handler's card (updating the clicked card), or a private "not available yet". */
export async function runAction(turn: TeamsTurn, data: ActionData): Promise<Record<string, unknown> | undefined> {
  const action = lookUp(ACTIONS, data.wowbot);
  if (action) return action(turn, data);
  await replyPrivately(turn, notice("info", NOT_AVAILABLE));
  return undefined;
}

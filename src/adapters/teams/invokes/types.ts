// What card buttons and dialogs are to the Teams adapter: their data, a button's answer and a dialog's two steps.
import type { View } from "../../../views/index.js";
import type { TeamsTurn } from "../turn.js";

/** The data of a card action or dialog submit: `{ wowbot: "<action id>", ...ids and form fields }`. */
export type ActionData = { wowbot?: string; form?: string } & Record<string, unknown>;

/** A button's answer: a private message to the clicker, and/or a card replacing the clicked one (Action.Execute). */
export interface ActionAnswer {
  view?: View;
  card?: Record<string, unknown>;
}

export type TeamsAction = (turn: TeamsTurn, data: ActionData) => Promise<ActionAnswer>;

/** A dialog: `fetch` returns the task module response body ({ task: { type: "continue", value: {...} } }). */
export interface TeamsForm {
  fetch(turn: TeamsTurn, data: ActionData): Promise<Record<string, unknown>>;
  /** Returns the task module response body; `{ task: { type: "continue", ... } }` keeps the dialog open with errors. */
  submit(turn: TeamsTurn, data: ActionData): Promise<Record<string, unknown> | undefined>;
}

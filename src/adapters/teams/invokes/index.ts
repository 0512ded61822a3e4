import { NOT_AVAILABLE, notice } from "../../../views/notice.js";
import { cardActionMessage, cardActionUpdate } from "../cards/dialogs.js";
import { replyPrivately, type TeamsTurn } from "../turn.js";
import { CARD_BUTTONS } from "./actions.js";
import { FORM_DIALOGS } from "./forms.js";
import { plainAnswer } from "./plain-text.js";
import type { ActionAnswer, ActionData, TeamsAction, TeamsForm } from "./types.js";

export const ACTIONS: Record<string, TeamsAction> = { ...CARD_BUTTONS };

export const FORMS: Record<string, TeamsForm> = { ...FORM_DIALOGS };

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

/**
 * A button. From an adaptiveCard/action invoke: the invoke answer (the replacing card, or the private message shown
 * to the clicker). From an Action.Submit message: the answer goes to the clicker privately, nothing is returned.
 */
export async function runAction(turn: TeamsTurn, data: ActionData, via: "invoke" | "message"): Promise<Record<string, unknown> | undefined> {
  const action = lookUp(ACTIONS, data.wowbot);
  const answer: ActionAnswer = action ? await action(turn, data) : { view: notice("info", NOT_AVAILABLE) };
  if (via === "message") {
    if (answer.view) await replyPrivately(turn, answer.view);
    return undefined;
  }
  if (answer.card) return cardActionUpdate(answer.card);
  return cardActionMessage(answer.view ? plainAnswer(answer.view) : "OK");
}

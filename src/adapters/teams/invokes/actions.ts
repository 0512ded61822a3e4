// Every card button, generically: the card data is read and validated (readCardAction), then handled by the neutral
// handleAction with the same rules and messages as Slack. The clicker gets the answer privately; a post that
// changes for everyone (a second's count, an approved request) is updated by the outbox.
import { handleAction } from "../../../chat/actions.js";
import { actionIdField, actionOpens, CHAT_ACTION_KINDS, type ChatAction, chatActionOf } from "../../../views/actions.js";
import { BUTTON_NOT_VALID } from "../../../views/notice.js";
import { type CardAction, readCardAction } from "../cards/actions.js";
import { teamsRequest } from "../chat-request.js";
import type { TeamsTurn } from "../turn.js";
import type { ActionAnswer, ActionData, TeamsAction } from "./types.js";

/** A button's card data as its chat action; the dialog steps are not buttons. */
function chatActionFrom(action: CardAction): ChatAction | null {
  if (action.wowbot === "form.open" || action.wowbot === "form.submit") return null;
  const field = actionIdField(action.wowbot);
  return chatActionOf(action.wowbot, field ? String(action[field] ?? "") : "");
}

const button: TeamsAction = async (turn: TeamsTurn, data: ActionData): Promise<ActionAnswer> => {
  const action = readCardAction(data);
  const chatAction = action && chatActionFrom(action);
  if (!chatAction) return { view: { kind: "notice", tone: "error", text: BUTTON_NOT_VALID } };
  const outcome = await handleAction(teamsRequest(turn), chatAction);
  if (outcome.kind === "reply") return { view: outcome.view };
  return {};
};

/** Every button that answers in place: the actions with an id that open no form. */
const BUTTONS = CHAT_ACTION_KINDS.filter((k) => actionIdField(k) !== null && !actionOpens(k));

export const CARD_BUTTONS: Record<string, TeamsAction> = Object.fromEntries(BUTTONS.map((id) => [id, button]));

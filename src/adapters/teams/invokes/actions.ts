// Every card button, generically: the card data is read and validated (readCardAction), then handled by the neutral
// handleAction with the same rules and messages as Slack. The clicker gets the answer privately; a post that
// changes for everyone (a second's count, an approved request) is updated by the outbox.
import { handleAction } from "../../../chat/actions.js";
import type { ChatAction } from "../../../views/actions.js";
import { BUTTON_NOT_VALID } from "../../../views/notice.js";
import { type CardAction, readCardAction } from "../cards/actions.js";
import { teamsRequest } from "../chat-request.js";
import type { TeamsTurn } from "../turn.js";
import type { ActionAnswer, ActionData, TeamsAction } from "./types.js";

type ButtonId = Exclude<CardAction["wowbot"], "form.open" | "form.submit">;

function chatActionOf(action: CardAction): ChatAction | null {
  switch (action.wowbot) {
    case "nomination.second":
    case "nomination.retract":
    case "nomination.remove":
      return { kind: action.wowbot, nominationId: action.nominationId };
    case "pto.approve":
    case "pto.decline":
    case "pto.cancel":
      return { kind: action.wowbot, requestId: action.requestId };
    case "attendance.delete":
      return { kind: action.wowbot, occurrenceId: action.occurrenceId };
    default:
      return null;
  }
}

const button: TeamsAction = async (turn: TeamsTurn, data: ActionData): Promise<ActionAnswer> => {
  const action = readCardAction(data);
  const chatAction = action && chatActionOf(action);
  if (!chatAction) return { view: { kind: "notice", tone: "error", text: BUTTON_NOT_VALID } };
  const outcome = await handleAction(teamsRequest(turn), chatAction);
  if (outcome.kind === "reply") return { view: outcome.view };
  return {};
};

const BUTTONS: ButtonId[] = ["nomination.second", "nomination.retract", "nomination.remove", "pto.approve", "pto.decline", "pto.cancel", "attendance.delete"];

export const CARD_BUTTONS: Record<string, TeamsAction> = Object.fromEntries(BUTTONS.map((id) => [id, button]));

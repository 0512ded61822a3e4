// Maps Slack ids (commands, actions, views, events) to their listeners.
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../deps.js";
import { ATTENDANCE_ACTIONS, ATTENDANCE_MODAL } from "../render/attendance.js";
import { ACTIONS } from "../render/nomination.js";
import { NOMINATION_MODAL } from "../render/nomination-modal.js";
import { PTO_ACTIONS, PTO_REQUEST_MODAL } from "../render/pto.js";
import { SCORE_MODAL } from "../render/score.js";
import { SETTINGS_MODAL } from "../render/settings-modal.js";
import { buttonValue, chatAction, manageNomination } from "./actions/chat-action.js";
import { chatCommand } from "./commands/chat-command.js";
import { appHomeOpened } from "./events/app-home-opened.js";
import { userChange } from "./events/user-change.js";
import { NOMINATE_MESSAGE_SHORTCUT, nominateMessageShortcut } from "./shortcuts/nominate-message.js";
import { attendanceSubmit } from "./views/attendance-submit.js";
import { nominationSubmit } from "./views/nomination-submit.js";
import { paidDaySubmit } from "./views/paid-day-submit.js";
import { scoreSubmit } from "./views/score-submit.js";
import { settingsSubmit } from "./views/settings-submit.js";

export function registerListeners(app: App, deps: SlackDeps): void {
  app.command("/wowbot", chatCommand(deps, "wowbot"));
  app.command("/wow", chatCommand(deps, "wow"));
  app.view(NOMINATION_MODAL, nominationSubmit(deps));
  app.shortcut(NOMINATE_MESSAGE_SHORTCUT, nominateMessageShortcut);
  app.action(
    ACTIONS.second,
    chatAction(deps, (a) => ({ kind: "nomination.second", nominationId: buttonValue(a) })),
  );
  app.command("/score", chatCommand(deps, "score"));
  app.view(SCORE_MODAL, scoreSubmit(deps));
  app.action(
    ACTIONS.score,
    chatAction(deps, (a) => ({ kind: "nomination.score", nominationId: buttonValue(a) })),
  );
  app.action(ACTIONS.manage, chatAction(deps, manageNomination));
  app.event("app_home_opened", appHomeOpened(deps));
  app.event("user_change", userChange(deps));
  app.view(SETTINGS_MODAL, settingsSubmit(deps));
  app.command("/attendance", chatCommand(deps, "attendance"));
  app.view(ATTENDANCE_MODAL, attendanceSubmit(deps));
  app.action(
    ATTENDANCE_ACTIONS.delete,
    chatAction(deps, (a) => ({ kind: "attendance.delete", occurrenceId: buttonValue(a) })),
  );
  app.command("/pto", chatCommand(deps, "pto"));
  app.action(
    PTO_ACTIONS.request,
    chatAction(deps, () => ({ kind: "pto.request" })),
  );
  app.view(PTO_REQUEST_MODAL, paidDaySubmit(deps));
  app.action(
    PTO_ACTIONS.cancel,
    chatAction(deps, (a) => ({ kind: "pto.cancel", requestId: buttonValue(a) })),
  );
  app.action(
    PTO_ACTIONS.approve,
    chatAction(deps, (a) => ({ kind: "pto.approve", requestId: buttonValue(a) })),
  );
  app.action(
    PTO_ACTIONS.decline,
    chatAction(deps, (a) => ({ kind: "pto.decline", requestId: buttonValue(a) })),
  );
}

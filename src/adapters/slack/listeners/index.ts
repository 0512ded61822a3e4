// Maps Slack ids (commands, actions, views, events) to their listeners.
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../deps.js";
import { ACTIONS } from "../render/nomination.js";
import { NOMINATION_MODAL } from "../render/nomination-modal.js";
import { SCORE_MODAL } from "../render/score.js";
import { SETTINGS_MODAL } from "../render/settings-modal.js";
import { manageNominationAction } from "./actions/manage-nomination.js";
import { scoreNominationAction } from "./actions/score-nomination.js";
import { secondAction } from "./actions/second.js";
import { scoreCommand } from "./commands/score.js";
import { wowCommand } from "./commands/wow.js";
import { wowbotCommand } from "./commands/wowbot.js";
import { appHomeOpened } from "./events/app-home-opened.js";
import { NOMINATE_MESSAGE_SHORTCUT, nominateMessageShortcut } from "./shortcuts/nominate-message.js";
import { nominationSubmit } from "./views/nomination-submit.js";
import { scoreSubmit } from "./views/score-submit.js";
import { settingsSubmit } from "./views/settings-submit.js";

export function registerListeners(app: App, deps: SlackDeps): void {
  app.command("/wowbot", wowbotCommand(deps));
  app.command("/wow", wowCommand(deps));
  app.view(NOMINATION_MODAL, nominationSubmit(deps));
  app.shortcut(NOMINATE_MESSAGE_SHORTCUT, nominateMessageShortcut);
  app.action(ACTIONS.second, secondAction(deps));
  app.command("/score", scoreCommand(deps));
  app.view(SCORE_MODAL, scoreSubmit(deps));
  app.action(ACTIONS.score, scoreNominationAction(deps));
  app.action(ACTIONS.manage, manageNominationAction(deps));
  app.event("app_home_opened", appHomeOpened(deps));
  app.view(SETTINGS_MODAL, settingsSubmit(deps));
}

// Maps Slack ids (commands, actions, views, events) to their listeners.
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../deps.js";
import { ACTIONS } from "../render/nomination.js";
import { NOMINATION_MODAL } from "../render/nomination-modal.js";
import { secondAction } from "./actions/second.js";
import { wowCommand } from "./commands/wow.js";
import { wowbotCommand } from "./commands/wowbot.js";
import { nominationSubmit } from "./views/nomination-submit.js";

export function registerListeners(app: App, deps: SlackDeps): void {
  app.command("/wowbot", wowbotCommand(deps));
  app.command("/wow", wowCommand(deps));
  app.view(NOMINATION_MODAL, nominationSubmit(deps));
  app.action(ACTIONS.second, secondAction(deps));
}

// Maps Slack ids (commands, actions, views, events) to their listeners.
import type { App } from "@slack/bolt";
import { wowbotCommand } from "./commands/wowbot.js";

export function registerListeners(app: App): void {
  app.command("/wowbot", wowbotCommand);
}

// `/wowbot <subcommand>`: help now; settings, roles, digest, stats and exports join as their features land.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { helpView } from "../../../../views/help.js";
import { renderHelp } from "../../render/help.js";

export async function wowbotCommand({ command, ack }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
  const [sub = "help"] = command.text.trim().split(/\s+/).filter(Boolean);
  const view = sub.toLowerCase() === "help" ? helpView() : helpView(command.text);
  await ack({ response_type: "ephemeral", ...renderHelp(view) });
}

// Maps Slack ids (commands, actions, views, events) to their listeners: one Bolt listener per kind of request, which
// finds the handler by id. Bolt runs every registered listener's matching chain for every request and holds them all
// until the request's work is done; with two dozen listeners that was half the garbage that outlived a young
// collection under load (bench/README.md, "Load").
import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs, SlackCommandMiddlewareArgs, SlackViewMiddlewareArgs } from "@slack/bolt";
import type { FormKind } from "../../../views/forms.js";
import { ACTION_IDS } from "../block-kit.js";
import type { SlackDeps } from "../deps.js";
import { CALLBACK_IDS } from "../modal.js";
import { chatAction } from "./actions/chat-action.js";
import { chatCommand } from "./commands/chat-command.js";
import { appHomeOpened } from "./events/app-home-opened.js";
import { teamSourceEvents } from "./events/team-sources.js";
import { userChange } from "./events/user-change.js";
import { NOMINATE_MESSAGE_SHORTCUT, nominateMessageShortcut } from "./shortcuts/nominate-message.js";
import { formSubmit } from "./views/form-submit.js";

type Handler<A> = (args: A) => Promise<void>;
type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
type ViewArgs = SlackViewMiddlewareArgs & AllMiddlewareArgs;

/** Exactly the ids of the table: any other id stays unmatched, as it was with a listener per id. */
const idsOf = (table: Map<string, unknown>) => new RegExp(`^(?:${[...table.keys()].map((id) => id.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|")})$`);

/** The slash commands wowbot answers (manifests/slack/manifest.yml declares the same), each a neutral command. */
export const SLASH_COMMANDS = ["wowbot", "wow", "score", "attendance", "pto"] as const;

export function registerListeners(app: App, deps: SlackDeps): void {
  const commands = new Map<string, Handler<CommandArgs>>(SLASH_COMMANDS.map((name) => [`/${name}`, chatCommand(deps, name)]));
  const actions = new Map<string, Handler<ActionArgs>>(ACTION_IDS.map((id) => [id, chatAction(deps)]));
  const views = new Map<string, Handler<ViewArgs>>(
    (Object.entries(CALLBACK_IDS) as Array<[FormKind, string]>).map(([kind, id]) => [id, formSubmit(deps, kind)]),
  );

  app.command(idsOf(commands), (args) => (commands.get(args.command.command) as Handler<CommandArgs>)(args));
  app.action<BlockAction>(idsOf(actions), (args) => (actions.get(args.action.action_id) as Handler<ActionArgs>)(args));
  app.view(idsOf(views), (args) => (views.get(args.view.callback_id) as Handler<ViewArgs>)(args));
  app.shortcut(NOMINATE_MESSAGE_SHORTCUT, nominateMessageShortcut);
  app.event("app_home_opened", appHomeOpened(deps));
  app.event("user_change", userChange(deps));
  app.event("team_join", userChange(deps));
  const sources = teamSourceEvents(deps);
  app.event("subteam_members_changed", sources);
  app.event("member_joined_channel", sources);
  app.event("member_left_channel", sources);
}

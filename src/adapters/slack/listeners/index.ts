// Maps Slack ids (commands, actions, views, events) to their listeners: one Bolt listener per kind of request, which
// finds the handler by id. Bolt runs every registered listener's matching chain for every request and holds them all
// until the request's work is done; with two dozen listeners that was half the garbage that outlived a young
// collection under load (bench/README.md, "Load").
import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs, SlackCommandMiddlewareArgs, SlackViewMiddlewareArgs } from "@slack/bolt";
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
  const actions = new Map<string, Handler<ActionArgs>>([
    [ACTIONS.second, chatAction(deps, (a) => ({ kind: "nomination.second", nominationId: buttonValue(a) }))],
    [ACTIONS.score, chatAction(deps, (a) => ({ kind: "nomination.score", nominationId: buttonValue(a) }))],
    [ACTIONS.manage, chatAction(deps, manageNomination)],
    [ATTENDANCE_ACTIONS.delete, chatAction(deps, (a) => ({ kind: "attendance.delete", occurrenceId: buttonValue(a) }))],
    [PTO_ACTIONS.request, chatAction(deps, () => ({ kind: "pto.request" }))],
    [PTO_ACTIONS.cancel, chatAction(deps, (a) => ({ kind: "pto.cancel", requestId: buttonValue(a) }))],
    [PTO_ACTIONS.approve, chatAction(deps, (a) => ({ kind: "pto.approve", requestId: buttonValue(a) }))],
    [PTO_ACTIONS.decline, chatAction(deps, (a) => ({ kind: "pto.decline", requestId: buttonValue(a) }))],
  ]);
  const views = new Map<string, Handler<ViewArgs>>([
    [NOMINATION_MODAL, nominationSubmit(deps)],
    [SCORE_MODAL, scoreSubmit(deps)],
    [SETTINGS_MODAL, settingsSubmit(deps)],
    [ATTENDANCE_MODAL, attendanceSubmit(deps)],
    [PTO_REQUEST_MODAL, paidDaySubmit(deps)],
  ]);

  app.command(idsOf(commands), (args) => (commands.get(args.command.command) as Handler<CommandArgs>)(args));
  app.action<BlockAction>(idsOf(actions), (args) => (actions.get(args.action.action_id) as Handler<ActionArgs>)(args));
  app.view(idsOf(views), (args) => (views.get(args.view.callback_id) as Handler<ViewArgs>)(args));
  app.shortcut(NOMINATE_MESSAGE_SHORTCUT, nominateMessageShortcut);
  app.event("app_home_opened", appHomeOpened(deps));
  app.event("user_change", userChange(deps));
}

// The Teams activity handler: provisions workspace, sender and conversation reference for every activity, then
// routes messages to commands (commands/index.ts), card buttons and dialogs to invokes/index.ts.
import { type FileConsentCardResponse, type InvokeResponse, TeamsActivityHandler, type TurnContext } from "botbuilder";
import { NOT_PROVISIONED } from "../../chat/request.js";
import { channelName } from "../../db/teams-conversation.repository.js";
import type { WorkspaceRecord } from "../../domain/records.js";
import { notice } from "../../views/notice.js";
import { dispatchCommand } from "./commands/index.js";
import { channelDataOf, saveConversation, saveTeamChannels } from "./conversations.js";
import type { TeamsDeps } from "./deps.js";
import { acceptExport, declineExport } from "./export.js";
import { fetchTask, runAction, submitTask } from "./invokes/index.js";
import type { ActionData } from "./invokes/types.js";
import { normaliseText } from "./mentions.js";
import { provision } from "./provision.js";
import type { TeamsSender } from "./teams-sender.js";
import { toActivity } from "./teams-sender.js";
import type { TeamsTurn } from "./turn.js";

const CHANNEL_EVENTS = new Set(["channelCreated", "channelRenamed", "channelRestored"]);

export class WowbotTeamsBot extends TeamsActivityHandler {
  constructor(
    private readonly deps: TeamsDeps,
    private readonly sender: TeamsSender,
  ) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      const provisioned = await provision(this.deps, context, true);
      if (provisioned) await this.recordTeam(context, provisioned.workspace.id);
      await next();
    });
    this.onConversationUpdate(async (context, next) => {
      await this.handleConversationUpdate(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      const provisioned = await provision(this.deps, context);
      if (provisioned) await this.forgetTeam(context, provisioned.workspace);
      await next();
    });
  }

  /**
   * The bot was removed from a team (uninstalled, or the bot member removed): its channels are forgotten, so settings
   * no longer offer or use them, and the admins are told where the messages that went there go now.
   */
  private async forgetTeam(context: TurnContext, workspace: WorkspaceRecord): Promise<void> {
    const teamId = channelDataOf(context.activity).team?.id;
    if (!teamId) return;
    const forgotten = await this.deps.conversations.forgetTeam(workspace.id, teamId);
    this.deps.logger.info({ teamId, channels: forgotten.length }, "Teams: wowbot was removed from a team; its channels are forgotten");
    const lost = forgotten.map((c) => ({ id: c.conversationId, name: channelName(c) }));
    if (lost.length) await this.deps.channelsLost(workspace, lost, { removed: true });
  }

  /** The turn of an activity with a person behind it; answers them and returns null when they can't be looked up. */
  private async turnOf(context: TurnContext): Promise<TeamsTurn | null> {
    const provisioned = await provision(this.deps, context);
    if (!provisioned) return null;
    if (!provisioned.member) {
      await context.sendActivity(toActivity(notice("error", NOT_PROVISIONED)));
      return null;
    }
    return { deps: this.deps, context, sender: this.sender, workspace: provisioned.workspace, member: provisioned.member };
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const turn = await this.turnOf(context);
    if (!turn) return;
    const value = context.activity.value as ActionData | undefined;
    // Action.Submit buttons arrive as messages carrying the button's data.
    if (value && typeof value === "object" && typeof value.wowbot === "string") {
      await runAction(turn, value, "message");
      return;
    }
    await dispatchCommand(turn, await normaliseText(this.deps, context, turn.workspace.id));
  }

  private async handleConversationUpdate(context: TurnContext): Promise<void> {
    const provisioned = await provision(this.deps, context);
    if (!provisioned) return;
    const activity = context.activity;
    const botAdded = (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);
    if (botAdded) await this.recordTeam(context, provisioned.workspace.id);
    // People added to a team: the directory job reads the tenant's team rosters at its next tick.
    const peopleAdded = (activity.membersAdded ?? []).some((m) => m.id !== activity.recipient?.id);
    if (peopleAdded && channelDataOf(activity).team?.id) await this.requestRosterRead(provisioned.workspace.id);
    const botRemoved = (activity.membersRemoved ?? []).some((m) => m.id === activity.recipient?.id);
    if (botRemoved) await this.forgetTeam(context, provisioned.workspace);
    const eventType = channelDataOf(activity).eventType ?? "";
    if (CHANNEL_EVENTS.has(eventType)) await saveConversation(this.deps, context, provisioned.workspace.id, null);
  }

  /** On install in a team: every channel of it, and its roster read next; a failure must not fail the install. */
  private async recordTeam(context: TurnContext, workspaceId: string): Promise<void> {
    if (!channelDataOf(context.activity).team?.id) return;
    try {
      const count = await saveTeamChannels(this.deps, context, workspaceId);
      this.deps.logger.info({ teamId: channelDataOf(context.activity).team?.id, channels: count }, "Teams team channels recorded");
    } catch (error) {
      this.deps.logger.warn({ err: error }, "Teams: could not list the team's channels");
    }
    await this.requestRosterRead(workspaceId);
  }

  private requestRosterRead(workspaceId: string): Promise<void> {
    return this.deps.ports.directorySyncs.request(workspaceId, this.deps.ports.clock.now());
  }

  /** Dialogs (task/fetch, task/submit) and Action.Execute buttons (adaptiveCard/action); others as botbuilder does. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const name = context.activity.name ?? "";
    if (!["task/fetch", "task/submit", "adaptiveCard/action"].includes(name)) {
      const response = await super.onInvokeActivity(context);
      if (response.status !== 501) return response;
      // botbuilder answers an invoke nobody handles with 501, a server fault; it is the caller's (or a newer
      // client's) request wowbot does not offer: a 400 that says so, logged.
      this.deps.logger.info({ name, activityType: context.activity.type }, "Teams invoke refused: wowbot does not handle it");
      return { status: 400, body: { error: "unknown_invoke", message: `wowbot does not handle "${name.slice(0, 100)}" invokes.` } };
    }
    const turn = await this.turnOf(context);
    if (!turn) return { status: 200, body: { task: { type: "message", value: NOT_PROVISIONED } } };
    const value = (context.activity.value ?? {}) as { data?: ActionData; action?: { data?: ActionData; verb?: string } };
    if (name === "task/fetch") return { status: 200, body: await fetchTask(turn, value.data ?? {}) };
    if (name === "task/submit") return { status: 200, body: (await submitTask(turn, value.data ?? {})) ?? {} };
    // The verb names the action; data that claims another action is not wowbot's own card (its ids are dropped).
    const given = value.action?.data ?? {};
    const verb = value.action?.verb;
    const data: ActionData = given.wowbot === undefined || given.wowbot === verb ? { ...given, wowbot: verb } : { wowbot: verb };
    return { status: 200, body: await runAction(turn, data, "invoke") };
  }

  /** The answer to an export's file-consent card (fileConsent/invoke; botbuilder answers the invoke with 200). */
  protected override async handleTeamsFileConsentAccept(context: TurnContext, response: FileConsentCardResponse): Promise<void> {
    const turn = await this.turnOf(context);
    if (turn) await acceptExport(turn, response);
  }

  protected override async handleTeamsFileConsentDecline(context: TurnContext): Promise<void> {
    const turn = await this.turnOf(context);
    if (turn) await declineExport(turn);
  }
}

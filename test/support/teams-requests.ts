// Builds the Activities Teams POSTs to /api/messages (messages in 1:1 chats and channels, with mention entities;
// conversation and installation updates; dialog and card-action invokes), with serviceUrl = the fake Bot
// Connector, and posts them.
import { renderCard } from "../../src/adapters/teams/adaptive-card.js";
import type { View } from "../../src/views/index.js";
import type { FakeBotConnector, FakeTeamsUser } from "./fake-bot-connector.js";

export const TEAMS_TENANT = "0c0a0b0d-1111-4222-8333-444455556666";
/** The bot as Teams addresses it: "28:" + its app id. */
export const TEAMS_BOT = { id: "28:wowbot-bot", name: "wowbot" };
export const TEAMS_TEAM = { id: "19:team-general@thread.tacv2", name: "Contact Centre", aadGroupId: "aad-group-1" };
export const TEAMS_CHANNEL = { id: "19:team-general@thread.tacv2", name: "General" };

export type Activity = Record<string, unknown>;

export interface ChannelPlace {
  channel?: { id: string; name?: string };
  team?: { id: string; name?: string };
}

/** Where an activity comes from: a person's 1:1 chat with the bot, a channel (optionally a thread), a group chat. */
export type Place = { kind: "personal" } | ({ kind: "channel" } & ChannelPlace) | { kind: "groupChat"; id?: string };

let seq = 0;

export const personalConversationId = (user: FakeTeamsUser) => `a:personal-${user.aadObjectId}`;

export class TeamsRequests {
  constructor(
    /** The service's base URL. */
    readonly url: string,
    readonly connector: FakeBotConnector,
    readonly tenantId = TEAMS_TENANT,
  ) {}

  private base(from: FakeTeamsUser | null, place: Place): Activity {
    const tenant = { id: this.tenantId };
    let conversation: Record<string, unknown>;
    let channelData: Record<string, unknown> = { tenant };
    if (place.kind === "personal") {
      conversation = { id: from ? personalConversationId(from) : "a:personal-nobody", conversationType: "personal", tenantId: this.tenantId };
    } else if (place.kind === "channel") {
      const channel = place.channel ?? TEAMS_CHANNEL;
      const team = place.team ?? TEAMS_TEAM;
      conversation = { id: `${channel.id};messageid=${Date.now()}${++seq}`, conversationType: "channel", isGroup: true, tenantId: this.tenantId };
      channelData = { tenant, team, channel };
    } else {
      conversation = { id: place.id ?? "19:group-chat@thread.v2", conversationType: "groupChat", isGroup: true, tenantId: this.tenantId };
    }
    return {
      channelId: "msteams",
      serviceUrl: this.connector.url,
      id: `incoming-${++seq}`,
      timestamp: new Date().toISOString(),
      from: from ? { id: from.id, name: from.name, aadObjectId: from.aadObjectId } : { id: "teams", name: "Teams" },
      recipient: TEAMS_BOT,
      conversation,
      channelData,
      locale: "en-US",
    };
  }

  /**
   * A message typed to the bot. In text, "@Name" of a user in `mentions` becomes "<at>Name</at>" with a mention
   * entity; channel messages start with the bot's own mention, as Teams requires to reach a bot there.
   */
  message(from: FakeTeamsUser, text: string, options: { place?: Place; mentions?: FakeTeamsUser[]; value?: unknown } = {}): Activity {
    const place = options.place ?? { kind: "personal" };
    const entities: Activity[] = [];
    let body = text;
    for (const user of options.mentions ?? []) {
      body = body.replace(`@${user.name}`, `<at>${user.name}</at>`);
      entities.push({ type: "mention", text: `<at>${user.name}</at>`, mentioned: { id: user.id, name: user.name } });
    }
    if (place.kind !== "personal") {
      body = `<at>${TEAMS_BOT.name}</at> ${body}`;
      entities.push({ type: "mention", text: `<at>${TEAMS_BOT.name}</at>`, mentioned: TEAMS_BOT });
    }
    return { ...this.base(from, place), type: "message", text: body, textFormat: "plain", entities, ...(options.value ? { value: options.value } : {}) };
  }

  /** A channel message from `from` in the default team's General channel (or `place`). */
  channelMessage(from: FakeTeamsUser, text: string, options: { place?: ChannelPlace; mentions?: FakeTeamsUser[] } = {}): Activity {
    return this.message(from, text, { place: { kind: "channel", ...options.place }, mentions: options.mentions });
  }

  /**
   * conversationUpdate: members added (the bot, when `botAdded`) or removed (the bot, when `botRemoved`), or a channel
   * event (channelCreated/Renamed).
   */
  conversationUpdate(
    options: {
      from?: FakeTeamsUser;
      place?: Place;
      membersAdded?: Array<{ id: string; aadObjectId?: string }>;
      botAdded?: boolean;
      botRemoved?: boolean;
      eventType?: string;
    } = {},
  ): Activity {
    const place = options.place ?? { kind: "channel" };
    const activity = this.base(options.from ?? null, place);
    const membersAdded = [...(options.membersAdded ?? []), ...(options.botAdded ? [{ id: TEAMS_BOT.id }] : [])];
    const membersRemoved = options.botRemoved ? [{ id: TEAMS_BOT.id }] : [];
    const channelData = { ...(activity.channelData as Activity), ...(options.eventType ? { eventType: options.eventType } : {}) };
    return { ...activity, type: "conversationUpdate", membersAdded, membersRemoved, channelData };
  }

  /** installationUpdate "add" (the app installed by `from`) in a personal scope or a team. */
  installationUpdate(from: FakeTeamsUser, options: { place?: Place; action?: "add" | "remove" } = {}): Activity {
    return { ...this.base(from, options.place ?? { kind: "personal" }), type: "installationUpdate", action: options.action ?? "add" };
  }

  /** An invoke: task/fetch and task/submit carry `{ data }`, adaptiveCard/action `{ action: { type, verb, data } }`. */
  invoke(from: FakeTeamsUser, name: string, value: unknown, options: { place?: Place } = {}): Activity {
    return { ...this.base(from, options.place ?? { kind: "personal" }), type: "invoke", name, value };
  }

  taskFetch(from: FakeTeamsUser, data: Record<string, unknown>, options: { place?: Place } = {}): Activity {
    return this.invoke(from, "task/fetch", { data: { msteams: { type: "task/fetch" }, ...data }, context: { theme: "default" } }, options);
  }

  taskSubmit(from: FakeTeamsUser, data: Record<string, unknown>, options: { place?: Place } = {}): Activity {
    return this.invoke(from, "task/submit", { data, context: { theme: "default" } }, options);
  }

  cardAction(from: FakeTeamsUser, verb: string, data: Record<string, unknown>, options: { place?: Place } = {}): Activity {
    return this.invoke(from, "adaptiveCard/action", { action: { type: "Action.Execute", verb, data: { wowbot: verb, ...data } }, trigger: "manual" }, options);
  }

  /** POSTs an activity to /api/messages; `token` is sent as a Bearer token. */
  async post(activity: Activity, options: { token?: string } = {}): Promise<{ status: number; body: unknown }> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const res = await fetch(`${this.url}/api/messages`, { method: "POST", headers, body: JSON.stringify(activity) });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {}
    return { status: res.status, body };
  }
}

/** What a view looks like once the Teams adapter rendered it: compare captured activities with this. */
export function rendered(view: View): { text: string; card: Record<string, unknown> | null } {
  return renderCard(view);
}

/** The text and Adaptive Card (or null) of a captured activity, in the shape `rendered` returns. */
export function shownIn(activity: { text?: unknown; attachments?: Array<{ contentType: string; content: unknown }> }): {
  text: string;
  card: Record<string, unknown> | null;
} {
  const card = activity.attachments?.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive");
  return { text: String(activity.text ?? ""), card: (card?.content as Record<string, unknown> | undefined) ?? null };
}

// Teams conversation references (channels, 1:1 chats, group chats), kept so proactive posts work after restarts.
import type { PrismaClient } from "./prisma.js";

export type TeamsConversationKind = "personal" | "channel" | "groupChat";

export interface TeamsConversationRecord {
  workspaceId: string;
  conversationId: string;
  kind: TeamsConversationKind;
  teamId: string | null;
  name: string | null;
  teamName: string | null;
  platformUserId: string | null;
  /** A botbuilder ConversationReference, as JSON. */
  reference: Record<string, unknown>;
  updatedAt: Date;
}

export interface TeamsConversationInput {
  workspaceId: string;
  conversationId: string;
  kind: TeamsConversationKind;
  teamId?: string | null;
  name?: string | null;
  teamName?: string | null;
  platformUserId?: string | null;
  reference: Record<string, unknown>;
}

type Row = Omit<TeamsConversationRecord, "reference"> & { reference: unknown };

function toRecord(r: Row): TeamsConversationRecord {
  return {
    workspaceId: r.workspaceId,
    conversationId: r.conversationId,
    kind: r.kind,
    teamId: r.teamId,
    name: r.name,
    teamName: r.teamName,
    platformUserId: r.platformUserId,
    reference: r.reference as Record<string, unknown>,
    updatedAt: r.updatedAt,
  };
}

/** A channel as people know it: with its team, since every team has a "General". */
export const channelName = (c: Pick<TeamsConversationRecord, "conversationId" | "name" | "teamName">) =>
  `${c.name ?? c.conversationId}${c.teamName ? ` (${c.teamName})` : ""}`;

/** How many conversations this process remembers having stored as they are (about 200 bytes each). */
const SAVED_MAX = 20_000;

export class TeamsConversationRepository {
  /**
   * What this process last stored for each conversation: an activity whose conversation is stored as it is writes
   * nothing. Every activity wrote its reference again, the largest share of a Teams request's work (bench/README.md).
   */
  private readonly saved = new Map<string, string>();

  constructor(private readonly prisma: PrismaClient) {}

  /** Stores a reference unless this process stored the same one already. */
  async save(input: TeamsConversationInput): Promise<void> {
    const key = `${input.workspaceId}\n${input.conversationId}`;
    const signature = JSON.stringify(input);
    if (this.saved.get(key) === signature) return;
    await this.upsert(input);
    if (this.saved.size >= SAVED_MAX) this.saved.clear();
    this.saved.set(key, signature);
  }

  /** Stores or refreshes a reference; a name or team id left undefined keeps the stored one. */
  async upsert(input: TeamsConversationInput): Promise<TeamsConversationRecord> {
    const { workspaceId, conversationId, reference, ...rest } = input;
    const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    const json = reference as object;
    const r = await this.prisma.teamsConversation.upsert({
      where: { workspaceId_conversationId: { workspaceId, conversationId } },
      create: { workspaceId, conversationId, reference: json, ...defined, kind: input.kind },
      update: { reference: json, ...defined },
    });
    return toRecord(r);
  }

  async find(workspaceId: string, conversationId: string): Promise<TeamsConversationRecord | null> {
    const r = await this.prisma.teamsConversation.findUnique({ where: { workspaceId_conversationId: { workspaceId, conversationId } } });
    return r && toRecord(r);
  }

  async findChannel(workspaceId: string, conversationId: string): Promise<TeamsConversationRecord | null> {
    const r = await this.find(workspaceId, conversationId);
    return r && r.kind !== "personal" ? r : null;
  }

  /** The person's 1:1 chat with the bot, by AAD object id. */
  async findPersonal(workspaceId: string, platformUserId: string): Promise<TeamsConversationRecord | null> {
    const r = await this.prisma.teamsConversation.findFirst({ where: { workspaceId, kind: "personal", platformUserId }, orderBy: { updatedAt: "desc" } });
    return r && toRecord(r);
  }

  /** The most recently refreshed reference of the workspace: its service URL and bot, to open new chats. */
  async anyReference(workspaceId: string): Promise<Record<string, unknown> | null> {
    const r = await this.prisma.teamsConversation.findFirst({ where: { workspaceId }, orderBy: { updatedAt: "desc" } });
    return r ? (r.reference as Record<string, unknown>) : null;
  }

  /** Forgets the channels of a team the bot was removed from; returns them. */
  async forgetTeam(workspaceId: string, teamId: string): Promise<TeamsConversationRecord[]> {
    const rows = await this.prisma.teamsConversation.findMany({ where: { workspaceId, teamId, kind: "channel" } });
    await this.prisma.teamsConversation.deleteMany({ where: { workspaceId, teamId, kind: "channel" } });
    for (const row of rows) this.saved.delete(`${workspaceId}\n${row.conversationId}`);
    return rows.map(toRecord);
  }

  /** Forgets one conversation the bot can no longer reach; returns it, or null when it was not known. */
  async forget(workspaceId: string, conversationId: string): Promise<TeamsConversationRecord | null> {
    const row = await this.find(workspaceId, conversationId);
    if (row) await this.prisma.teamsConversation.deleteMany({ where: { workspaceId, conversationId } });
    this.saved.delete(`${workspaceId}\n${conversationId}`);
    return row;
  }

  /** The workspace's channels the bot knows, by name (for settings forms). */
  async listChannels(workspaceId: string): Promise<TeamsConversationRecord[]> {
    const rows = await this.prisma.teamsConversation.findMany({
      where: { workspaceId, kind: "channel" },
      orderBy: [{ name: "asc" }, { conversationId: "asc" }],
    });
    return rows.map(toRecord);
  }
}

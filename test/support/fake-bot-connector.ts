// A local stand-in for the Bot Connector service (the activity's serviceUrl): captures every activity the bot
// sends, replies to, creates or updates, answers roster and channel-list reads from a scripted roster, and fails
// on request (HTTP 500s, 429 with Retry-After, 403/404), and stands in for OneDrive's upload URL of the file-consent
// flow (PUT /upload/{name} keeps the bytes). Loopback only.
import { createServer, type IncomingMessage, type Server } from "node:http";
import { closeServer, listenOnLoopback } from "./loopback.js";
import { TEAMS_TENANT } from "./teams-requests.js";

export interface FakeTeamsUser {
  /** The per-bot account id ("29:..."). */
  id: string;
  aadObjectId: string;
  name: string;
  email?: string;
  /** "guest" for a guest account (Teams' userRole); "user" when unset. */
  userRole?: "user" | "guest";
  /** Someone of another organisation: a tenant other than the workspace's. */
  tenantId?: string;
}

export interface CapturedActivity {
  method: "POST" | "PUT";
  /** Decoded conversation id the activity went to. */
  conversationId: string;
  /** The activity replied to (POST .../activities/{replyToId}) or updated (PUT). */
  replyToId?: string;
  /** The id the fake answered with (or the updated activity's id). */
  activityId: string;
  activity: Record<string, unknown> & { type?: string; text?: string; attachments?: Array<{ contentType: string; content: unknown }> };
  authorization?: string;
}

export interface CreatedConversation {
  id: string;
  parameters: Record<string, unknown>;
  authorization?: string;
}

export type ConnectorRoute = "send" | "update" | "create" | "member" | "channels" | "upload" | "roster";

/** A file PUT to an upload URL (uploadUrl of a file-consent accept). */
export interface UploadedFile {
  name: string;
  bytes: Buffer;
  contentRange?: string;
}

export interface ConnectorFailure {
  status: number;
  /** Seconds, sent as Retry-After (429). */
  retryAfter?: number;
  /** How many calls fail before the route recovers (default 1). */
  times?: number;
  /** How many calls are answered normally before the failures begin (a failure on page 2). */
  after?: number;
}

export class FakeBotConnector {
  readonly activities: CapturedActivity[] = [];
  readonly created: CreatedConversation[] = [];
  readonly uploads: UploadedFile[] = [];
  /** Every request, for checks on what was called (method and path). */
  readonly requests: Array<{ method: string; path: string; authorization?: string }> = [];
  private readonly roster = new Map<string, FakeTeamsUser>();
  /** The most members one roster page holds, whatever page size was asked. */
  rosterPageSize = 500;
  /** Roster pages read (GET .../pagedmembers), with the continuation token each asked for. */
  readonly rosterReads: Array<{ teamId: string; continuationToken?: string }> = [];
  /** The workspace's tenant: roster members carry it unless they are of another organisation. */
  tenantId = TEAMS_TENANT;
  private readonly channels = new Map<string, Array<{ id: string; name?: string }>>();
  private readonly failures = new Map<ConnectorRoute, Required<ConnectorFailure>>();
  private server?: Server;
  private seq = 0;
  private readonly hangs = new Map<ConnectorRoute, number>();
  private readonly held: Array<() => void> = [];
  url = "";

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body, headers }) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(body ?? {}));
      });
    });
    this.url = `${await listenOnLoopback(this.server)}/`;
    return this;
  }

  async stop(): Promise<void> {
    this.releaseHeld();
    await closeServer(this.server);
  }

  /** People TeamsInfo.getMember finds, by "29:" id or AAD object id. */
  addMember(user: FakeTeamsUser): this {
    this.roster.set(user.id, user);
    this.roster.set(user.aadObjectId, user);
    return this;
  }

  /** Someone removed from the team or the tenant: member lookups answer 404 MemberNotFoundInConversation. */
  removeMember(user: FakeTeamsUser): this {
    this.roster.delete(user.id);
    this.roster.delete(user.aadObjectId);
    return this;
  }

  /** The channels GET /v3/teams/{teamId}/conversations lists (the General channel's id is the team id). */
  setChannels(teamId: string, channels: Array<{ id: string; name?: string }>): this {
    this.channels.set(teamId, channels);
    return this;
  }

  /** The next calls of a route fail with this status. */
  fail(route: ConnectorRoute, failure: ConnectorFailure): this {
    this.failures.set(route, { retryAfter: 0, times: 1, after: 0, ...failure });
    return this;
  }

  /** The next `times` calls of a route get no answer at all (a hung connector) until releaseHeld(). */
  hang(route: ConnectorRoute, times = 1): this {
    this.hangs.set(route, times);
    return this;
  }

  /** How many calls are being held unanswered. */
  get heldCount(): number {
    return this.held.length;
  }

  /** Answers every held call with a 500 (they were never processed). */
  releaseHeld(): void {
    for (const release of this.held.splice(0)) release();
  }

  /** An upload URL as Teams hands one out on a file-consent accept; what is PUT there lands in `uploads`. */
  uploadUrl(name: string): string {
    return `${this.url}upload/${encodeURIComponent(name)}`;
  }

  /** Activities sent to a conversation (thread suffixes ignored), in order. */
  to(conversationId: string): CapturedActivity[] {
    return this.activities.filter((a) => a.conversationId.split(";messageid=")[0] === conversationId);
  }

  /** The texts of the activities sent to a conversation. */
  textsTo(conversationId: string): string[] {
    return this.to(conversationId).map((a) => String(a.activity.text ?? ""));
  }

  /** Waits until `predicate` holds for the captured activities (proactive sends happen after the HTTP answer). */
  async waitFor(predicate: (activities: CapturedActivity[]) => boolean, timeoutMs = 5_000): Promise<CapturedActivity[]> {
    const until = Date.now() + timeoutMs;
    while (!predicate(this.activities)) {
      if (Date.now() > until)
        throw new Error(
          `fake Bot Connector: condition not met in ${timeoutMs} ms; captured ${JSON.stringify(this.activities.map((a) => [a.conversationId, a.activity.text]))}`,
        );
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.activities;
  }

  clear(): void {
    this.activities.length = 0;
    this.created.length = 0;
    this.requests.length = 0;
    this.uploads.length = 0;
  }

  private failure(
    route: ConnectorRoute,
  ): { status: number; body: unknown; headers?: Record<string, string> } | Promise<{ status: number; body: unknown }> | null {
    const hangs = this.hangs.get(route) ?? 0;
    if (hangs > 0) {
      this.hangs.set(route, hangs - 1);
      // Resolved through the held list: the request gets no answer before releaseHeld().
      return new Promise((resolve) => this.held.push(() => resolve({ status: 500, body: { error: { code: "Held", message: "held, never processed" } } })));
    }
    const f = this.failures.get(route);
    if (!f || f.times <= 0) return null;
    if (f.after > 0) {
      f.after--;
      return null;
    }
    f.times--;
    const headers: Record<string, string> = f.status === 429 ? { "retry-after": String(f.retryAfter) } : {};
    return { status: f.status, body: { error: { code: `Scripted${f.status}`, message: `scripted failure ${f.status}` } }, headers };
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const chunks: Buffer[] = [];
    const bytes = await new Promise<Buffer>((resolve) => {
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => resolve(Buffer.concat(chunks)));
    });
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const authorization = req.headers.authorization;
    this.requests.push({ method: req.method ?? "", path, authorization });
    const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
    const query = new URL(req.url ?? "/", "http://x").searchParams;
    // /upload/{name}: raw bytes, not JSON.
    if (req.method === "PUT" && parts[0] === "upload" && parts[1]) {
      const failed = this.failure("upload");
      if (failed) return failed;
      this.uploads.push({ name: parts[1], bytes, contentRange: req.headers["content-range"] });
      return { status: 201, body: { name: parts[1], size: bytes.length } };
    }
    const raw = bytes.toString("utf8");
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    // /v3/conversations
    if (req.method === "POST" && parts.length === 2 && parts[1] === "conversations") {
      const failed = this.failure("create");
      if (failed) return failed;
      const id = `a:created-${++this.seq}`;
      this.created.push({ id, parameters: body, authorization });
      return { status: 200, body: { id, activityId: `created-activity-${this.seq}` } };
    }
    // /v3/conversations/{id}/activities[/{activityId}]
    if (parts[1] === "conversations" && parts[3] === "activities" && (req.method === "POST" || req.method === "PUT")) {
      const failed = this.failure(req.method === "PUT" ? "update" : "send");
      if (failed) return failed;
      const conversationId = parts[2] ?? "";
      const activityId = req.method === "PUT" ? (parts[4] ?? "") : `activity-${++this.seq}`;
      this.activities.push({ method: req.method, conversationId, replyToId: parts[4], activityId, activity: body, authorization });
      return { status: 200, body: { id: activityId } };
    }
    // /v3/conversations/{teamId}/pagedmembers?pageSize=&continuationToken=: the whole roster, page by page.
    if (req.method === "GET" && parts[1] === "conversations" && parts[3] === "pagedmembers") {
      const failed = this.failure("roster");
      if (failed) return failed;
      this.rosterReads.push({ teamId: parts[2] ?? "", continuationToken: query.get("continuationToken") ?? undefined });
      const everyone = [...new Set(this.roster.values())];
      const size = Math.min(Number(query.get("pageSize") ?? 500) || 500, this.rosterPageSize);
      const from = Number(query.get("continuationToken") ?? 0) || 0;
      const members = everyone.slice(from, from + size).map((u) => ({
        id: u.id,
        name: u.name,
        aadObjectId: u.aadObjectId,
        email: u.email,
        userPrincipalName: u.email,
        userRole: u.userRole ?? "user",
        tenantId: u.tenantId ?? this.tenantId,
      }));
      return { status: 200, body: { members, ...(from + size < everyone.length ? { continuationToken: String(from + size) } : {}) } };
    }
    // /v3/conversations/{id}/members/{userId}
    if (req.method === "GET" && parts[1] === "conversations" && parts[3] === "members" && parts[4]) {
      const failed = this.failure("member");
      if (failed) return failed;
      const user = this.roster.get(parts[4]);
      if (!user) return { status: 404, body: { error: { code: "MemberNotFoundInConversation", message: "The member could not be found." } } };
      return { status: 200, body: { id: user.id, name: user.name, aadObjectId: user.aadObjectId, email: user.email, userPrincipalName: user.email } };
    }
    // /v3/teams/{teamId}/conversations
    if (req.method === "GET" && parts[1] === "teams" && parts[3] === "conversations") {
      const failed = this.failure("channels");
      if (failed) return failed;
      return { status: 200, body: { conversations: this.channels.get(parts[2] ?? "") ?? [] } };
    }
    return { status: 404, body: { error: { code: "NotFound", message: `fake Bot Connector: no route ${req.method} ${path}` } } };
  }
}

// A local stand-in for the Slack Web API: records every call the bot makes and answers as Slack does, including
// scripted failures (HTTP 500s, `ratelimited` with Retry-After, any Slack error code).
import { createServer, type IncomingMessage, type Server } from "node:http";
import { closeServer, listenOnLoopback } from "./loopback.js";

export interface SlackCall {
  method: string;
  /** Form or JSON body, with JSON-string fields (blocks, view) decoded. */
  args: Record<string, unknown>;
  token?: string;
  /** Set when a scripted failure answered this call (or it was held and never answered). */
  failed?: boolean;
  /** The test clock's time when the call arrived (when `stampWith` is set). */
  at?: Date;
  /** The HTTP status answered (200 unless scripted). */
  status?: number;
}

export interface FakeUser {
  id: string;
  name?: string;
  realName?: string;
  tz?: string;
  isBot?: boolean;
  deleted?: boolean;
  email?: string;
  /** Slack workspace admin or owner. */
  isAdmin?: boolean;
  /** A guest: multi-channel (is_restricted) or single-channel (is_ultra_restricted). */
  guest?: "multi" | "single";
  /** Slack Connect: the person's own workspace (another team_id than the fake's). */
  teamId?: string;
}

export interface ScriptedFailure {
  /** HTTP status: 500 for a Slack outage, 429 for rate limiting (then `retryAfter` seconds). */
  status?: number;
  /** Slack error code in an `ok: false` body, e.g. "channel_not_found". */
  error?: string;
  retryAfter?: number;
  /** How many calls fail before the method recovers. */
  times?: number;
  /** How many calls are answered normally before the failures begin (a failure on page 2). */
  after?: number;
}

const JSON_FIELDS = ["blocks", "attachments", "view", "metadata", "files"];

/** A file uploaded through Slack's external upload flow (files.getUploadURLExternal, POST, completeUploadExternal). */
export interface FakeUpload {
  fileId: string;
  filename: string;
  /** The length announced to files.getUploadURLExternal. */
  length: number;
  /** The bytes POSTed to the upload URL (undefined until then). */
  bytes?: Buffer;
  /** Set by files.completeUploadExternal: where the file was shared, its title and message. */
  completed?: { channel?: string; title?: string; initialComment?: string };
}

export class FakeSlack {
  readonly calls: SlackCall[] = [];
  readonly teamId = "T0TEST";
  readonly botUserId = "U0BOT";
  /** Who installs the app, and what oauth.v2.access answers, in OAuth tests. */
  installer = { userId: "U0INSTALLER", teamId: "T0NEW", teamName: "New Team", botToken: "xoxb-new-team-installed-token" };
  private readonly users = new Map<string, FakeUser>();
  private readonly failures = new Map<string, Required<Pick<ScriptedFailure, "times" | "after">> & ScriptedFailure>();
  /** Methods whose answers wait for a release (a slow Slack). */
  private readonly holds = new Map<string, Promise<void>>();
  /** Files uploaded, by file id, in the order their upload URLs were requested. */
  readonly uploads = new Map<string, FakeUpload>();
  /** Runs before each Web API call is answered (a test's fault at that moment: a database cut, a pause). */
  beforeAnswer?: (call: SlackCall) => Promise<void> | void;
  private server?: Server;
  private seq = 0;
  private readonly hangs = new Map<string, number>();
  private readonly held: Array<() => void> = [];
  /** User groups' members (usergroups.users.list), by user group id (S...). */
  readonly usergroups = new Map<string, string[]>();
  /** Channels' members (conversations.members, paged), by channel id. */
  readonly channelMembers = new Map<string, string[]>();
  /** The most people one users.list page holds, whatever the limit asked (Slack may answer with fewer). */
  usersListPageSize = 1000;
  /** Stamps each call with this clock's time (a test's ManualClock), to check when retries came. */
  stampWith?: () => Date;
  url = "";

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body, headers }) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(body));
      });
    });
    this.url = `${await listenOnLoopback(this.server)}/api/`;
    return this;
  }

  async stop(): Promise<void> {
    this.releaseHeld();
    await closeServer(this.server);
  }

  addUser(user: FakeUser): void {
    this.users.set(user.id, user);
  }

  /** Changes a person as an admin would in Slack, and returns the user object Slack's user_change event carries. */
  changeUser(user: FakeUser): Record<string, unknown> {
    this.addUser(user);
    return slackUser(user, this.teamId);
  }

  /** Several people by id and name, with what they share (a time zone, say). */
  addUsers(names: Record<string, string>, shared: Omit<FakeUser, "id" | "name"> = {}): void {
    for (const [id, name] of Object.entries(names)) this.addUser({ ...shared, id, name });
  }

  fail(method: string, failure: ScriptedFailure): void {
    this.failures.set(method, { times: 1, after: 0, ...failure });
  }

  /** The next `times` calls of `method` get no answer at all (a hung platform) until releaseHeld(). */
  hang(method: string, times = 1): void {
    this.hangs.set(method, times);
  }

  /** How many calls are being held unanswered. */
  get heldCount(): number {
    return this.held.length;
  }

  /** Answers every held call with a 500 (they were never processed). */
  releaseHeld(): void {
    for (const release of this.held.splice(0)) release();
  }

  /** Ends scripted failures of `method` (of every method when none is given): the platform is back. */
  recover(method?: string): void {
    if (method) this.failures.delete(method);
    else this.failures.clear();
  }

  /** Holds every answer to `method` (recorded as called) until the returned function releases them: a slow Slack. */
  hold(method: string): () => void {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = () => {
        if (this.holds.get(method) === held) this.holds.delete(method);
        resolve();
      };
    });
    this.holds.set(method, held);
    return release;
  }

  callsOf(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Calls Slack accepted (no scripted failure). */
  acceptedCallsOf(method: string): SlackCall[] {
    return this.callsOf(method).filter((c) => !c.failed);
  }

  reset(): void {
    this.calls.length = 0;
    this.failures.clear();
    this.uploads.clear();
  }

  /** Files whose upload completed into a channel (a DM channel id for files sent to a person). */
  filesSharedIn(channel: string): FakeUpload[] {
    return [...this.uploads.values()].filter((u) => u.completed?.channel === channel);
  }

  /** The upload URL step: Slack takes the bytes as the raw body or as a multipart form's one file. */
  private async receiveUpload(fileId: string, body: Buffer, contentType: string): Promise<{ status: number; body: unknown }> {
    const upload = this.uploads.get(fileId);
    if (!upload) return { status: 404, body: { ok: false, error: "file_not_found" } };
    if (contentType.includes("multipart/form-data")) {
      const form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
      const file = [...form.values()].find((v) => typeof v !== "string");
      upload.bytes = file && typeof file !== "string" ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
    } else {
      upload.bytes = body;
    }
    return { status: 200, body: `OK - ${upload.bytes.length}` };
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const bytes = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => resolve(Buffer.concat(chunks)));
    });
    const upload = /^\/upload\/([A-Z0-9]+)$/.exec(req.url ?? "");
    if (upload?.[1]) {
      this.calls.push({ method: "upload", args: { fileId: upload[1] } });
      return this.receiveUpload(upload[1], bytes, req.headers["content-type"] ?? "");
    }
    const raw = bytes.toString("utf8");
    const method = (req.url ?? "").replace(/^\/api\//, "").split("?")[0] ?? "";
    const args = parseBody(raw, req.headers["content-type"] ?? "");
    const auth = req.headers.authorization;
    const token = auth?.startsWith("Bearer ") ? auth.slice(7) : (args.token as string | undefined);
    const call: SlackCall = { method, args, token, at: this.stampWith?.(), status: 200 };
    this.calls.push(call);
    await this.holds.get(method);
    await this.beforeAnswer?.(call);

    const hangs = this.hangs.get(method) ?? 0;
    if (hangs > 0) {
      this.hangs.set(method, hangs - 1);
      call.failed = true;
      call.status = 500;
      return new Promise((resolve) => this.held.push(() => resolve({ status: 500, body: { ok: false, error: "internal_error" } })));
    }
    const failure = this.failures.get(method);
    if (failure && failure.after > 0) failure.after -= 1;
    else if (failure && failure.times > 0) {
      failure.times -= 1;
      call.failed = true;
      call.status = failure.status ?? 200;
      if (failure.status === 429)
        return { status: 429, body: { ok: false, error: "ratelimited" }, headers: { "retry-after": String(failure.retryAfter ?? 1) } };
      if (failure.status) return { status: failure.status, body: { ok: false, error: "internal_error" } };
      return { status: 200, body: { ok: false, error: failure.error ?? "unknown_error" } };
    }
    return { status: 200, body: this.answer(method, args) };
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const ts = `${Math.floor(Date.now() / 1000)}.${String(++this.seq).padStart(6, "0")}`;
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://wowbot-test.slack.com/",
          team: "Test Team",
          user: "wowbot",
          team_id: this.teamId,
          user_id: this.botUserId,
          bot_id: "B0BOT",
        };
      case "oauth.v2.access":
        return {
          ok: true,
          app_id: "A0WOWBOT",
          authed_user: { id: this.installer.userId },
          scope: "commands,chat:write,chat:write.public,users:read,users:read.email,im:write,files:write,usergroups:read,channels:read,groups:read",
          token_type: "bot",
          access_token: this.installer.botToken,
          bot_user_id: this.botUserId,
          team: { id: this.installer.teamId, name: this.installer.teamName },
          enterprise: null,
          is_enterprise_install: false,
        };
      case "chat.postMessage":
        return { ok: true, channel: args.channel, ts, message: { type: "message", text: args.text, ts, bot_id: "B0BOT" } };
      case "chat.update":
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case "chat.postEphemeral":
        return { ok: true, message_ts: ts };
      case "chat.getPermalink":
        return {
          ok: true,
          channel: args.channel,
          permalink: `https://wowbot-test.slack.com/archives/${args.channel}/p${String(args.message_ts).replace(".", "")}`,
        };
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(args.users).replace(/^U/, "")}` } };
      case "views.open":
      case "views.push":
      case "views.update":
      case "views.publish":
        return { ok: true, view: { id: `V${++this.seq}`, ...(args.view as object) } };
      case "files.getUploadURLExternal": {
        const fileId = `F${String(++this.seq).padStart(8, "0")}`;
        this.uploads.set(fileId, { fileId, filename: String(args.filename), length: Number(args.length) });
        // The upload URL points back at this fake, so the bytes stay on loopback.
        return { ok: true, upload_url: `${this.url.replace(/api\/$/, "")}upload/${fileId}`, file_id: fileId };
      }
      case "files.completeUploadExternal": {
        const files = (args.files ?? []) as Array<{ id: string; title?: string }>;
        for (const f of files) {
          const upload = this.uploads.get(f.id);
          if (!upload?.bytes) return { ok: false, error: "file_not_found" };
          upload.completed = {
            channel: args.channel_id as string | undefined,
            title: f.title,
            initialComment: args.initial_comment as string | undefined,
          };
        }
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
      }
      case "usergroups.users.list": {
        const users = this.usergroups.get(String(args.usergroup));
        return users ? { ok: true, users } : { ok: false, error: "no_such_subteam" };
      }
      case "conversations.members": {
        const members = this.channelMembers.get(String(args.channel));
        if (!members) return { ok: false, error: "channel_not_found" };
        const limit = Math.min(Number(args.limit ?? 100) || 100, this.usersListPageSize);
        const from = Number(args.cursor ?? 0) || 0;
        const next = from + limit < members.length ? String(from + limit) : "";
        return { ok: true, members: members.slice(from, from + limit), response_metadata: { next_cursor: next } };
      }
      case "users.list": {
        // Everyone added, in the order added; the cursor is the offset of the next page, as opaque as Slack's.
        const everyone = [...this.users.values()];
        const limit = Math.min(Number(args.limit ?? 100) || 100, this.usersListPageSize);
        const from = args.cursor
          ? Number(
              Buffer.from(String(args.cursor), "base64url")
                .toString()
                .replace(/^offset:/, ""),
            )
          : 0;
        if (!Number.isInteger(from) || from < 0) return { ok: false, error: "invalid_cursor" };
        const page = everyone.slice(from, from + limit);
        const next = from + limit < everyone.length ? Buffer.from(`offset:${from + limit}`).toString("base64url") : "";
        return { ok: true, members: page.map((u) => slackUser(u, this.teamId)), response_metadata: { next_cursor: next } };
      }
      case "users.info": {
        const user = this.users.get(String(args.user));
        if (!user) return { ok: false, error: "user_not_found" };
        return { ok: true, user: slackUser(user, this.teamId) };
      }
      default:
        return { ok: true };
    }
  }
}

function slackUser(u: FakeUser, teamId: string) {
  const realName = u.realName ?? u.name ?? u.id;
  return {
    id: u.id,
    team_id: u.teamId ?? teamId,
    name: u.name ?? u.id.toLowerCase(),
    real_name: realName,
    deleted: Boolean(u.deleted),
    is_bot: Boolean(u.isBot),
    is_admin: Boolean(u.isAdmin),
    is_restricted: u.guest !== undefined,
    is_ultra_restricted: u.guest === "single",
    tz: u.tz ?? "America/New_York",
    profile: { real_name: realName, display_name: u.name ?? "", email: u.email },
  };
}

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (!raw) return {};
  const parsed: Record<string, unknown> = contentType.includes("application/json") ? JSON.parse(raw) : Object.fromEntries(new URLSearchParams(raw));
  for (const field of JSON_FIELDS) {
    if (typeof parsed[field] === "string") {
      try {
        parsed[field] = JSON.parse(parsed[field] as string);
      } catch {
        // keep the raw string: some callers send plain text
      }
    }
  }
  return parsed;
}

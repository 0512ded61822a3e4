// Signed requests into the real Bolt receiver, built as Slack builds them (form-encoded commands and
// interactivity, JSON events), with fixture builders that take overrides.
import { createHmac } from "node:crypto";

export const TEST_SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

/** Slack's v0 signature headers for a raw body, at `timestamp` (seconds; defaults to now). */
export function signSlackRequest(body: string, secret = TEST_SIGNING_SECRET, timestamp = Math.floor(Date.now() / 1000)) {
  const signature = `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return { "x-slack-signature": signature, "x-slack-request-timestamp": String(timestamp) };
}

export interface SlashCommandFixture {
  command: string;
  text?: string;
  user_id?: string;
  user_name?: string;
  team_id?: string;
  team_domain?: string;
  channel_id?: string;
  channel_name?: string;
  trigger_id?: string;
  response_url?: string;
}

/** What wowbot answered a command with, privately: the HTTP body or, after acknowledging, its response_url post. */
export interface CommandReply {
  response_type?: string;
  text: string;
  blocks?: Array<{ type: string }>;
}

/** Where response_url posts land: the fake Slack records them as calls of method `response/<id>`. */
export interface ResponseUrls {
  url: string;
  callsOf(method: string): Array<{ args: Record<string, unknown> }>;
}

export class SlackRequests {
  private commands = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly responses?: ResponseUrls,
    private readonly secret = TEST_SIGNING_SECRET,
  ) {}

  /**
   * Runs a slash command and returns its private reply. wowbot acknowledges at once and answers through the
   * response_url, so the reply is read from the fake Slack. With processBeforeResponse (the test default) it is there
   * when the HTTP response is; in acknowledge-first mode pass `waitMs` to poll for it.
   */
  async command(fixture: SlashCommandFixture, headers?: Record<string, string>, { waitMs = 0 } = {}): Promise<CommandReply & { status: number }> {
    if (!this.responses) throw new Error("command() needs the fake Slack for response_url replies");
    const id = `cmd.${++this.commands}`;
    const res = await this.slashCommand({ response_url: `${this.responses.url}response/${id}`, ...fixture }, headers);
    const body = await res.text();
    if (body) return { status: res.status, ...(JSON.parse(body) as CommandReply) };
    for (let waited = 0; ; waited += 20) {
      const reply = this.responses.callsOf(`response/${id}`).at(-1);
      if (reply) return { status: res.status, ...(reply.args as unknown as CommandReply) };
      if (waited >= waitMs) return { status: res.status, text: "" };
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Posts a raw body with signature headers (override them to test forgeries). */
  async post(body: string, contentType: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.baseUrl}/slack/events`, {
      method: "POST",
      headers: { "content-type": contentType, ...signSlackRequest(body, this.secret), ...headers },
      body,
    });
  }

  slashCommand(fixture: SlashCommandFixture, headers?: Record<string, string>): Promise<Response> {
    const body = new URLSearchParams({
      token: "deprecated-verification-token",
      team_id: "T0TEST",
      team_domain: "wowbot-test",
      channel_id: "C0GENERAL",
      channel_name: "general",
      user_id: "U0AGENT",
      user_name: "agent",
      text: "",
      api_app_id: "A0WOWBOT",
      trigger_id: `trigger.${Date.now()}`,
      response_url: `${this.baseUrl}/response-url-unused`,
      ...fixture,
    }).toString();
    return this.post(body, "application/x-www-form-urlencoded", headers);
  }

  /** A modal submission by `user` of team T0TEST (override `team` for another). */
  viewSubmission(user: string, view: Record<string, unknown>, team = "T0TEST"): Promise<Response> {
    return this.interaction({
      type: "view_submission",
      team: { id: team, domain: "wowbot-test" },
      user: { id: user, team_id: team },
      api_app_id: "A0WOWBOT",
      view: { team_id: team, type: "modal", private_metadata: "", ...view },
    });
  }

  /** A click on a message's button or menu, with a response_url for the private reply. */
  blockAction(user: string, action: Record<string, unknown>, responseUrl: string, team = "T0TEST"): Promise<Response> {
    return this.interaction({
      type: "block_actions",
      team: { id: team, domain: "wowbot-test" },
      user: { id: user, team_id: team },
      api_app_id: "A0WOWBOT",
      trigger_id: `trigger.${Date.now()}.${Math.random()}`,
      response_url: responseUrl,
      container: { type: "message", channel_id: "C0TEAM", message_ts: "1.1" },
      actions: [{ block_id: "b", action_ts: "1.2", ...action }],
    });
  }

  interaction(payload: Record<string, unknown>, headers?: Record<string, string>): Promise<Response> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return this.post(body, "application/x-www-form-urlencoded", headers);
  }

  event(event: Record<string, unknown>, headers?: Record<string, string>): Promise<Response> {
    const body = JSON.stringify({
      token: "deprecated-verification-token",
      team_id: "T0TEST",
      api_app_id: "A0WOWBOT",
      type: "event_callback",
      event_id: `Ev${Date.now()}${Math.floor(Math.random() * 1e6)}`,
      event_time: Math.floor(Date.now() / 1000),
      event,
    });
    return this.post(body, "application/json", headers);
  }
}

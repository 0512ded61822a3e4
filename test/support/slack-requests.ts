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

export class SlackRequests {
  constructor(
    private readonly baseUrl: string,
    private readonly secret = TEST_SIGNING_SECRET,
  ) {}

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

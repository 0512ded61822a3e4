// The Slack side of the load benchmarks: signed slash commands, button clicks and modal submissions in a realistic mix
// (nominations, seconds, /pto, scores), each unique, for a team of agents and leads, and the team's seeding.

import type pg from "pg";
import { signSlackRequest } from "../test/support/slack-requests.js";
import type { HttpRequest } from "./open-loop.js";

/** The request kinds and, per 20 requests, how many of each: interleaved so every second carries the whole mix. */
export type SlackKind = "wow" | "second" | "pto" | "score" | "wow-form";
export const SLACK_KINDS: SlackKind[] = ["wow", "second", "pto", "score", "wow-form"];
export const SLACK_MIX: SlackKind[] = [
  ..."wow second wow pto score wow second wow pto score wow second wow-form wow second pto wow score second wow".split(" "),
] as SlackKind[];

export const agentId = (i: number) => `U0A${String(i).padStart(5, "0")}`;
export const leadId = (i: number) => `U0L${String(i).padStart(3, "0")}`;

export interface SlackTeam {
  agents: number;
  leads: number;
  team: string;
  recognitionChannel: string;
}

/** A request builder for the team: `requestFor(kind, n, ...)` is request n of that kind, signed. */
export function slackRequests({ agents, leads, team: TEAM, recognitionChannel: RECOGNITION_CHANNEL }: SlackTeam) {
  /** A request of `kind`, number `n`: its body and content type, signed when sent. Every one is unique (story, trigger, view id). */
  function bodyFor(kind: SlackKind, n: number, responseBase: string, nominations: string[], run: string): string {
    const agent = agentId(n % agents);
    const responseUrl = `${responseBase}/response/${kind}/${n}`;
    const command = (user: string, name: string, text: string) =>
      new URLSearchParams({
        token: "deprecated-verification-token",
        team_id: TEAM,
        team_domain: "wowbot-load",
        channel_id: "C0FLOOR",
        channel_name: "floor",
        user_id: user,
        user_name: user.toLowerCase(),
        command: name,
        text,
        api_app_id: "A0WOWBOT",
        trigger_id: `load.${run}.${kind}.${n}`,
        response_url: responseUrl,
      }).toString();
    const interaction = (payload: Record<string, unknown>) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    switch (kind) {
      case "wow": {
        // The nominee is 1 to agents - 1 places after the nominator, so nobody nominates themselves.
        const nominee = agentId((n + 1 + ((n * 7) % (agents - 1))) % agents);
        return command(agent, "/wow", `<@${nominee}> Request ${run}.${n}: stayed on with the customer until the replacement order was confirmed.`);
      }
      case "wow-form":
        return command(agent, "/wow", "");
      case "pto":
        return command(agent, "/pto", "");
      case "second": {
        // Most clicks count; a few hit the nominee or nominator, or a second click, and get a polite refusal, as in real use.
        // Each nomination's clickers step through the team (i + j * (N + 1)), so a pair repeats only after N * agents clicks.
        const nominationId = nominations[n % nominations.length] ?? "none";
        const clicker = agentId((n + Math.floor(n / Math.max(1, nominations.length))) % agents);
        return interaction({
          type: "block_actions",
          team: { id: TEAM, domain: "wowbot-load" },
          user: { id: clicker, team_id: TEAM },
          api_app_id: "A0WOWBOT",
          trigger_id: `load.${run}.${kind}.${n}`,
          response_url: responseUrl,
          channel: { id: RECOGNITION_CHANNEL },
          container: { type: "message", channel_id: RECOGNITION_CHANNEL, message_ts: "1.1" },
          actions: [{ type: "button", block_id: "b", action_id: "nomination.second", value: nominationId, action_ts: "1.2" }],
        });
      }
      case "score": {
        const radio = (value: string) => ({ type: "radio_buttons", selected_option: { value } });
        const block = (id: string, input: Record<string, unknown>) => ({ [id]: { [id]: input } });
        return interaction({
          type: "view_submission",
          team: { id: TEAM, domain: "wowbot-load" },
          user: { id: leadId(n % leads), team_id: TEAM },
          api_app_id: "A0WOWBOT",
          trigger_id: `load.${run}.${kind}.${n}`,
          view: {
            id: `V${run}${kind}${n}`,
            team_id: TEAM,
            type: "modal",
            callback_id: "score.submit",
            private_metadata: "",
            hash: `h${n}`,
            state: {
              values: {
                ...block("agent", { type: "users_select", selected_user: agent }),
                ...block("reference", { type: "plain_text_input", value: `CHAT-${run}-${n}` }),
                ...block("channel", { type: "static_select", selected_option: { value: "chat" } }),
                ...block("connection", radio(String(n % 3))),
                ...block("rapport", radio("yes")),
                ...block("unstatedNeeds", radio(n % 2 ? "partly" : "yes")),
                ...block("wow", radio(n % 5 ? "no" : "yes")),
                ...block("note", { type: "plain_text_input", value: n % 4 ? null : "Lovely empathy; confirm the address before closing." }),
              },
            },
          },
        });
      }
    }
  }
  /** Request n of `kind`, signed when built; a score must come back as the modal's done screen, not its errors. */
  return function requestFor(kind: SlackKind, n: number, responseBase: string, nominations: string[], run: string): HttpRequest {
    const body = bodyFor(kind, n, responseBase, nominations, run);
    return {
      body,
      headers: { "content-type": "application/x-www-form-urlencoded", ...signSlackRequest(body) },
      check: kind === "score" ? (text) => (text.includes('"errors"') ? `score: refused: ${text.slice(0, 200)}` : undefined) : undefined,
    };
  };
}

/**
 * Seeds the Slack team as it is after a while: the workspace with `settings`, and every agent and lead known for 90
 * days. The directory job may have provisioned the bot token's workspace (and people) at start-up already, so both
 * statements take what is there. Returns the workspace id.
 */
export async function seedSlackTeam(db: pg.Client, { agents, leads, team }: Pick<SlackTeam, "agents" | "leads" | "team">, settings: object): Promise<string> {
  const ws = await db.query<{ id: string }>(
    `INSERT INTO "Workspace" (id, platform, "externalId", name, timezone, settings, "updatedAt")
     VALUES (gen_random_uuid(), 'slack', $1, 'Load Team', 'America/New_York', $2, now())
     -- The directory job may have provisioned the bot token's workspace at start-up already.
     ON CONFLICT (platform, "externalId") DO UPDATE SET name = EXCLUDED.name, timezone = EXCLUDED.timezone, settings = EXCLUDED.settings
     RETURNING id`,
    [team, JSON.stringify(settings)],
  );
  const workspaceId = ws.rows[0]?.id as string;
  const people = [
    ...Array.from({ length: agents }, (_, i) => [agentId(i), `agent${i}`, `agent${i}@example.com`, "agent"]),
    ...Array.from({ length: leads }, (_, i) => [leadId(i), `lead${i}`, `lead${i}@example.com`, "lead"]),
  ];
  await db.query(
    `INSERT INTO "Member" (id, "workspaceId", "platformUserId", "displayName", email, role, "joinedAt", "updatedAt")
     SELECT gen_random_uuid(), $1, u, n, e, r::"Role", now() - interval '90 days', now()
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS t(u, n, e, r)
     ON CONFLICT ("workspaceId", "platformUserId") DO UPDATE SET role = EXCLUDED.role, "joinedAt" = EXCLUDED."joinedAt"`,
    [workspaceId, people.map((p) => p[0]), people.map((p) => p[1]), people.map((p) => p[2]), people.map((p) => p[3])],
  );
  return workspaceId;
}

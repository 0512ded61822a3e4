// Teams authentication and enablement: with an app id every request needs a Bot Connector token (checked offline
// against a loopback OpenID/JWKS server), and the bot's own calls never leave loopback; without an app id Teams runs
// unauthenticated outside production only, and is off in production.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEAMS_DISABLED } from "../../src/config/env.js";
import { startTestService, type TestService } from "../support/service.js";
import { fixedTokenCredentials, LocalOpenId, OUTBOUND_TOKEN } from "../support/teams-auth.js";
import { personalConversationId } from "../support/teams-requests.js";

const APP_ID = "5f2c1a9e-0000-4000-8000-00000000b07a";
const ann = { id: "29:ann", aadObjectId: "aaaaaaaa-0000-4000-8000-0000000000a1", name: "Ann", email: "ann@example.com" };

describe("Teams with an app id: requests are authenticated", () => {
  let openId: LocalOpenId;
  let t: TestService;
  const connections: string[] = [];
  const originalConnect = net.Socket.prototype.connect;

  beforeAll(async () => {
    // Every outgoing TCP connection of this process, to prove nothing leaves loopback (no AAD token requests).
    net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
      // net.connect passes its normalised [options, callback] array as the first argument.
      const first = Array.isArray(args[0]) ? args[0][0] : args[0];
      const options = (typeof first === "object" && first ? first : { port: first }) as { host?: string; path?: string };
      if (!options.path) connections.push(String(options.host ?? "localhost"));
      return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
    } as typeof net.Socket.prototype.connect;
    openId = await new LocalOpenId().start();
    t = await startTestService({
      slack: false,
      teams: true,
      env: { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: "not-a-real-secret" },
      teamsAuth: { openIdMetadataUrl: openId.metadataUrl, credentialsFactory: fixedTokenCredentials(APP_ID) },
    });
    t.fakeTeams.addMember(ann);
  });
  afterAll(async () => {
    net.Socket.prototype.connect = originalConnect;
    await t?.stop();
    await openId?.stop();
  });

  const help = () => t.teams.message(ann, "help");
  const token = (options: { audience?: string; expiresInSeconds?: number; forged?: boolean } = {}) =>
    openId.token({ audience: APP_ID, serviceUrl: t.fakeTeams.url, ...options });

  it("logs that Teams is enabled with authentication", () => {
    expect(t.logs.map((l) => l.msg)).toContain("Teams enabled at POST /api/messages (requests authenticated with MICROSOFT_APP_ID)");
  });

  it("refuses a request without a token, with a forged signature, expired, or for another bot, and does nothing", async () => {
    expect((await t.teams.post(help())).status).toBe(401);
    expect((await t.teams.post(help(), { token: "not.a.jwt" })).status).toBe(401);
    expect((await t.teams.post(help(), { token: await token({ forged: true }) })).status).toBe(401);
    expect((await t.teams.post(help(), { token: await token({ expiresInSeconds: -3600 }) })).status).toBe(401);
    expect((await t.teams.post(help(), { token: await token({ audience: "00000000-0000-4000-8000-000000000000" }) })).status).toBe(401);
    expect(t.fakeTeams.activities).toHaveLength(0);
    expect(await t.prisma.member.count()).toBe(0);
  });

  it("accepts a good token, answers through the connector with its own (fixed) token, and stays on loopback", async () => {
    const res = await t.teams.post(help(), { token: await token() });
    expect(res.status).toBe(200);
    const replies = t.fakeTeams.to(personalConversationId(ann));
    expect(replies).toHaveLength(1);
    expect(replies[0]?.authorization).toBe(`Bearer ${OUTBOUND_TOKEN}`);
    expect(t.fakeTeams.requests.every((r) => r.authorization === `Bearer ${OUTBOUND_TOKEN}`)).toBe(true);
    expect(openId.fetches).toBeGreaterThan(0);
    // A conversation update (the bot added to a team) reads the channel list: also loopback, also our token.
    await t.teams.post(t.teams.conversationUpdate({ botAdded: true }), { token: await token() });
    expect(connections).toContain("127.0.0.1");
    expect(connections.filter((host) => !["127.0.0.1", "localhost", "::1"].includes(host))).toEqual([]);
  });
});

describe("Teams without an app id", () => {
  it("is not served by default: POST /api/messages answers 404 teams_disabled and no workspace is created", async () => {
    const t = await startTestService({ teams: true, env: { TEAMS_ALLOW_UNAUTHENTICATED: "false" } });
    try {
      const res = await t.teams.post(t.teams.message(ann, "help"));
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ error: "teams_disabled" });
      expect(t.logs.map((l) => l.msg)).toContain(TEAMS_DISABLED);
      expect(await t.prisma.workspace.count({ where: { platform: "teams" } })).toBe(0);
      expect(t.fakeTeams.activities).toHaveLength(0);
    } finally {
      await t.stop();
    }
  });

  it("runs unauthenticated with TEAMS_ALLOW_UNAUTHENTICATED=true outside production, with a warning", async () => {
    const t = await startTestService({ slack: false, teams: true });
    try {
      const warning = t.logs.find((l) => String(l.msg).startsWith("Teams enabled WITHOUT authentication"));
      expect(warning?.level).toBe("warn");
      const ann2 = { ...ann };
      t.fakeTeams.addMember(ann2);
      expect((await t.teams.post(t.teams.message(ann2, "help"))).status).toBe(200);
    } finally {
      await t.stop();
    }
  });

  it("is disabled in production: POST /api/messages answers 404 teams_disabled and the log says what to set", async () => {
    const t = await startTestService({ slack: false, teams: true, env: { NODE_ENV: "production", TEAMS_ALLOW_UNAUTHENTICATED: "" } });
    try {
      const res = await t.teams.post(t.teams.message(ann, "help"));
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ error: "teams_disabled" });
      expect(t.logs.map((l) => l.msg)).toContain(TEAMS_DISABLED);
      expect(t.fakeTeams.activities).toHaveLength(0);
    } finally {
      await t.stop();
    }
  });
});

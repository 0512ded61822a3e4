import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { outboxMessage } from "../../src/app/outbox-messages.js";
import { enqueueOutbox } from "../../src/db/outbox.repository.js";
import { type FreshDatabase, restartableDatabase } from "../support/databases.js";
import type { FakeTeamsUser } from "../support/fake-bot-connector.js";
import { FakeBotConnector } from "../support/fake-bot-connector.js";
import { startTestService, type TestService } from "../support/service.js";
import { personalConversationId, TEAMS_TEAM, TEAMS_TENANT, TeamsRequests } from "../support/teams-requests.js";

const ann: FakeTeamsUser = { id: "29:ann", aadObjectId: "aaaaaaaa-0000-4000-8000-0000000000a1", name: "Ann Installer", email: "ann@contoso.example" };
const bob: FakeTeamsUser = { id: "29:bob", aadObjectId: "aaaaaaaa-0000-4000-8000-0000000000b2", name: "Bob Agent", email: "bob@contoso.example" };
const cy: FakeTeamsUser = { id: "29:cy", aadObjectId: "aaaaaaaa-0000-4000-8000-0000000000c3", name: "Cy Colleague", email: "cy@contoso.example" };
const OTHER_TENANT = "0c0a0b0d-9999-4222-8333-444455556666";
const SHIFTS = { id: "19:shifts@thread.tacv2", name: "Shifts" };

describe("Teams provisioning and proactive delivery across a restart", () => {
  let connector: FakeBotConnector;
  let database: FreshDatabase;
  let t: TestService;

  beforeAll(async () => {
    connector = await new FakeBotConnector().start();
    connector.addMember(ann).addMember(bob).addMember(cy);
    connector.setChannels(TEAMS_TEAM.id, [{ id: TEAMS_TEAM.id }, SHIFTS]);
    database = await restartableDatabase();
    t = await startTestService({ slack: false, teams: true, fakeTeams: connector, database });
  });
  afterAll(async () => {
    await t?.stop();
    await connector?.stop();
    await database?.drop();
  });

  it("installing in a team provisions the tenant's workspace, the installer as its first admin and the team's channels", async () => {
    const res = await t.teams.post(t.teams.installationUpdate(ann, { place: { kind: "channel" } }));
    expect(res.status).toBe(200);
    const workspaces = await t.prisma.workspace.findMany({ where: { platform: "teams" } });
    // Named after the tenant: a team names its channels, not the workspace (issue 18.7).
    expect(workspaces).toMatchObject([{ externalId: TEAMS_TENANT, name: `Teams tenant ${TEAMS_TENANT.slice(0, 8)}`, timezone: "UTC" }]);
    const members = await t.prisma.member.findMany({ where: { workspaceId: workspaces[0]?.id } });
    expect(members).toMatchObject([{ platformUserId: ann.aadObjectId, platformAccountId: ann.id, displayName: ann.name, email: ann.email, role: "admin" }]);
    const channels = await t.prisma.teamsConversation.findMany({ where: { kind: "channel" }, orderBy: { name: "asc" } });
    expect(channels.map((c) => [c.conversationId, c.name, c.teamId, c.teamName])).toEqual([
      [TEAMS_TEAM.id, "General", TEAMS_TEAM.id, TEAMS_TEAM.name],
      [SHIFTS.id, SHIFTS.name, TEAMS_TEAM.id, TEAMS_TEAM.name],
    ]);
  });

  it("a second installer does not become admin; a message provisions its sender with email and account id", async () => {
    await t.teams.post(t.teams.installationUpdate(bob, { place: { kind: "personal" } }));
    await t.teams.post(t.teams.message(cy, "help", { place: { kind: "channel", channel: SHIFTS } }));
    const members = await t.prisma.member.findMany({ orderBy: { displayName: "asc" } });
    expect(members.map((m) => [m.displayName, m.platformUserId, m.platformAccountId, m.email, m.role])).toEqual([
      [ann.name, ann.aadObjectId, ann.id, ann.email, "admin"],
      [bob.name, bob.aadObjectId, bob.id, bob.email, "agent"],
      [cy.name, cy.aadObjectId, cy.id, cy.email, "agent"],
    ]);
    // Bob's 1:1 chat is known from his install; Cy's help went to a 1:1 chat opened for him; no second channel row.
    const personal = await t.prisma.teamsConversation.findMany({ where: { kind: "personal" }, orderBy: { createdAt: "asc" } });
    expect(personal.map((p) => [p.platformUserId, p.conversationId])).toEqual([
      [bob.aadObjectId, personalConversationId(bob)],
      [cy.aadObjectId, connector.created[0]?.id],
    ]);
    expect(await t.prisma.teamsConversation.count({ where: { kind: "channel" } })).toBe(2);
  });

  it("another tenant is another workspace; a channel created later is recorded with its name", async () => {
    const otherTenant = new TeamsRequests(t.url, connector, OTHER_TENANT);
    await otherTenant.post(otherTenant.message({ ...ann, aadObjectId: "bbbbbbbb-0000-4000-8000-0000000000a1" }, "help"));
    expect(await t.prisma.workspace.count({ where: { platform: "teams" } })).toBe(2);

    const created = { id: "19:escalations@thread.tacv2", name: "Escalations" };
    await t.teams.post(t.teams.conversationUpdate({ place: { kind: "channel", channel: created }, eventType: "channelCreated" }));
    const row = await t.prisma.teamsConversation.findFirst({ where: { conversationId: created.id } });
    expect(row).toMatchObject({ kind: "channel", name: "Escalations", teamId: TEAMS_TEAM.id });
  });

  it("after a restart, a new service delivers a channel post, a DM that opens a 1:1 chat, and an update in place", async () => {
    await t.stop();
    connector.clear();
    t = await startTestService({ slack: false, teams: true, fakeTeams: connector, database });
    const workspace = await t.prisma.workspace.findFirstOrThrow({ where: { externalId: TEAMS_TENANT } });
    const post = outboxMessage.attendancePost(workspace.id, "2026-11-20", null);
    await enqueueOutbox(
      t.prisma,
      [
        { workspaceId: workspace.id, target: { kind: "channel", channel: SHIFTS.id }, payload: post, dedupeKey: "teams-post-1" },
        { workspaceId: workspace.id, target: { kind: "dm", platformUserId: ann.aadObjectId }, payload: post, dedupeKey: "teams-dm-1" },
        { workspaceId: workspace.id, target: { kind: "dm", platformUserId: bob.aadObjectId }, payload: post, dedupeKey: "teams-dm-2" },
      ],
      t.clock.now(),
    );
    await t.deliver();
    expect(await t.prisma.outbox.count({ where: { status: "sent" } })).toBe(3);
    expect(connector.to(SHIFTS.id)).toHaveLength(1);
    expect(connector.to(SHIFTS.id)[0]?.replyToId).toBeUndefined(); // a new post, not a reply
    // Ann never chatted with the bot privately: a 1:1 chat is created with her account id; Bob's stored one is used.
    expect(connector.created).toHaveLength(1);
    expect(connector.created[0]?.parameters).toMatchObject({ members: [{ id: ann.id }], tenantId: TEAMS_TENANT, isGroup: false });
    expect(connector.to(connector.created[0]?.id ?? "")).toHaveLength(1);
    expect(connector.to(personalConversationId(bob))).toHaveLength(1);

    const sent = connector.to(SHIFTS.id)[0];
    await enqueueOutbox(
      t.prisma,
      [{ workspaceId: workspace.id, target: { kind: "update", of: "teams-post-1" }, payload: post, dedupeKey: "teams-post-1-update" }],
      t.clock.now(),
    );
    await t.deliver();
    const updates = connector.activities.filter((a) => a.method === "PUT");
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ conversationId: SHIFTS.id, activityId: sent?.activityId });
    expect(await t.prisma.outbox.count({ where: { status: "sent" } })).toBe(4);
  });

  describe("failures", () => {
    let workspaceId: string;
    const post = () => outboxMessage.attendancePost(workspaceId, "2026-11-20", null);
    let n = 0;
    beforeEach(async () => {
      workspaceId = (await t.prisma.workspace.findFirstOrThrow({ where: { externalId: TEAMS_TENANT } })).id;
      await t.prisma.outbox.deleteMany();
      connector.clear();
    });

    it("a 429 waits for Retry-After and the message is then delivered once; a 500 is retried", async () => {
      connector.fail("send", { status: 429, retryAfter: 30 });
      await enqueueOutbox(t.prisma, [{ workspaceId, target: { kind: "channel", channel: SHIFTS.id }, payload: post(), dedupeKey: `f-${++n}` }], t.clock.now());
      await t.deliver();
      const limited = await t.prisma.outbox.findFirstOrThrow();
      expect(limited).toMatchObject({ status: "pending", attempts: 1 });
      expect(limited.lastError).toContain("429");
      expect(limited.nextAttemptAt.getTime()).toBe(t.clock.now().getTime() + 30_000);
      t.clock.advance(10_000);
      await t.deliver();
      expect(connector.to(SHIFTS.id)).toHaveLength(0); // still waiting its 30 s
      connector.fail("send", { status: 500 });
      t.clock.advance(20_000);
      await t.deliver();
      expect(await t.prisma.outbox.findFirstOrThrow()).toMatchObject({ status: "pending", lastError: "HTTP 500" });
      t.clock.advance(60_000);
      await t.deliver();
      expect(await t.prisma.outbox.findFirstOrThrow()).toMatchObject({ status: "sent" });
      expect(connector.to(SHIFTS.id)).toHaveLength(1);
    });

    it("a 404 (conversation gone) and a 403 (bot removed) give up at once instead of retrying forever", async () => {
      connector.fail("send", { status: 404 });
      await enqueueOutbox(t.prisma, [{ workspaceId, target: { kind: "channel", channel: SHIFTS.id }, payload: post(), dedupeKey: `f-${++n}` }], t.clock.now());
      await t.deliver();
      connector.fail("create", { status: 403 });
      await t.prisma.teamsConversation.deleteMany({ where: { platformUserId: cy.aadObjectId } });
      await enqueueOutbox(
        t.prisma,
        [{ workspaceId, target: { kind: "dm", platformUserId: cy.aadObjectId }, payload: post(), dedupeKey: `f-${++n}` }],
        t.clock.now(),
      );
      await t.deliver();
      const rows = await t.prisma.outbox.findMany({ orderBy: { createdAt: "asc" } });
      expect(rows.map((r) => [r.status, r.attempts])).toEqual([
        ["dead", 1],
        ["dead", 1],
      ]);
      expect(rows[0]?.lastError).toContain("404");
      expect(rows[1]?.lastError).toContain("403");
      t.clock.advance(3_600_000);
      await t.deliver();
      expect(connector.activities).toHaveLength(0);
    });

    it("a channel the bot never saw fails with a clear error", async () => {
      await enqueueOutbox(
        t.prisma,
        [{ workspaceId, target: { kind: "channel", channel: "19:unknown@thread.tacv2" }, payload: post(), dedupeKey: `f-${++n}` }],
        t.clock.now(),
      );
      await t.deliver();
      expect(await t.prisma.outbox.findFirstOrThrow()).toMatchObject({ status: "dead", lastError: expect.stringContaining("19:unknown@thread.tacv2") });
    });
  });
});

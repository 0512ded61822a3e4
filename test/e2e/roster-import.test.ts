// The roster from an HR system (issue 20.2, 20.3, 20.5): POST /api/v1/roster and `wowbot import roster FILE.csv`, all or
// nothing, creating teams, joining and moving agents, leads, `since` backdating enrolment, opening balances once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../../src/app/api-tokens.js";
import { ApiTokenRepository } from "../../src/db/api-token.repository.js";
import type { MemberProfile } from "../../src/db/member.repository.js";
import { MemberRepository } from "../../src/db/member.repository.js";
import { WorkspaceRepository } from "../../src/db/workspace.repository.js";
import { type CliDatabase, cliDatabase } from "../support/cli-database.js";
import { ManualClock } from "../support/clock.js";
import { startTestService, type TestService } from "../support/service.js";

describe("POST /api/v1/roster", () => {
  let t: TestService;
  let secret = "";
  const clock = new ManualClock("2026-03-11T12:00:00Z"); // Wednesday
  const post = (rows: unknown[]) =>
    fetch(`${t.url}/api/v1/roster`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
      body: JSON.stringify({ rows }),
    });
  const memberships = async () =>
    (await t.prisma.teamMembership.findMany({ include: { team: true, member: true }, orderBy: [{ from: "asc" }, { role: "asc" }] })).map((m) => [
      m.member.platformUserId,
      m.team.name,
      m.role,
      m.from.toISOString().slice(0, 10),
      m.to?.toISOString().slice(0, 10) ?? null,
    ]);

  beforeAll(async () => {
    t = await startTestService({ slack: false, clock });
    const ws = await new WorkspaceRepository(t.service.db).ensure({
      platform: "slack",
      externalId: "T_ROSTER",
      name: "Roster",
      timezone: "UTC",
      createdAt: new Date("2026-01-01T00:00:00Z"),
    });
    const members = new MemberRepository(t.service.db);
    const add = (p: Omit<MemberProfile, "workspaceId">) => members.upsert({ workspaceId: ws.id, ...p }, "agent", new Date("2026-01-01T00:00:00Z"));
    await add({ platformUserId: "U_ADA", displayName: "Ada", email: "ada@example.com" });
    await add({ platformUserId: "U_BEN", displayName: "Ben" });
    await add({ platformUserId: "U_LENA", displayName: "Lena" });
    await add({ platformUserId: "U_GUS", displayName: "Gus", isGuest: true });
    const created = await createApiToken({ tokens: new ApiTokenRepository(t.prisma), clock }, { workspace: ws, actor: "cli", name: "HR" });
    if (!created.ok) throw new Error(created.error.message);
    secret = created.value.secret;
  });
  afterAll(() => t.stop());

  it("refuses a roster with any problem, listing every one by index, and saves nothing", async () => {
    const res = await post([
      { member: "ada@example.com", team: "Billing", since: "2026-03-02" },
      { member: "U_ADA", team: "Support" }, // an agent in two teams
      { member: "U_GUS", team: "Billing" },
      { member: "U_BEN", team: "Billing", role: "boss", since: "2026-03-12", openingBalance: -1 },
      { member: "U_BEN", team: "", openingBalance: 1000.001 },
    ]);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { problems: unknown[] }).problems).toEqual([
      { index: 1, field: "team", reason: "conflicts with row 0, which puts Ada in Billing: an agent is in one team at a time." },
      { index: 2, field: "member", reason: "Gus (U_GUS) is a guest, so there's no team to be in." },
      { index: 3, field: "role", reason: '"boss" is not a role: use agent or lead.' },
      { index: 3, field: "since", reason: "2026-03-12 is in the future (today is 2026-03-11 in UTC): import a membership once it has begun." },
      { index: 3, field: "openingBalance", reason: '"-1" is not an opening balance: give hours from 0 to 1000, with up to two decimals.' },
      { index: 4, field: "team", reason: "the team is missing: give the team's name." },
    ]);
    expect(await t.prisma.team.count()).toBe(0);
    expect(await t.prisma.ptoLedgerEntry.count()).toBe(0);
  });

  it("creates the teams, backdates enrolment with since, credits each opening balance once, and changes nothing the second time", async () => {
    const rows = [
      { member: "ada@example.com", team: "Billing", since: "2026-03-02", openingBalance: 16 },
      { member: "U_BEN", team: "billing", role: "agent", since: "2026-03-09" },
      { member: "U_LENA", team: "Billing", role: "lead", since: "2026-03-02" },
    ];
    const res = await post(rows);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: 3, created: 3, updated: 0, unchanged: 0, teamsCreated: 1, openingBalances: 1 });
    expect(await memberships()).toEqual([
      ["U_ADA", "Billing", "member", "2026-03-02", null],
      ["U_LENA", "Billing", "lead", "2026-03-02", null],
      ["U_BEN", "Billing", "member", "2026-03-09", null],
    ]);
    expect((await t.prisma.team.findFirstOrThrow()).createdAt.toISOString()).toBe("2026-03-02T00:00:00.000Z");
    expect((await t.prisma.member.findFirstOrThrow({ where: { platformUserId: "U_LENA" } })).role).toBe("lead");
    expect((await t.prisma.ptoLedgerEntry.findMany()).map((e) => [e.kind, Number(e.hours), e.reason, e.actor])).toEqual([
      ["adjustment", 16, "opening balance (roster import)", "api:HR"],
    ]);
    expect(await (await post(rows)).json()).toEqual({ received: 3, created: 0, updated: 0, unchanged: 3, teamsCreated: 0, openingBalances: 0 });

    // The week of 9 March closes with both agents enrolled throughout (since 2 and 9 March) and credited; Lena leads.
    clock.set("2026-03-16T09:00:00Z");
    await t.service.scheduler.runNow(t.service.jobs.daily);
    const credited = await t.prisma.periodResult.findMany({ where: { periodStart: new Date("2026-03-09T00:00:00Z") }, include: { member: true } });
    expect(credited.map((r) => r.member.platformUserId).sort()).toEqual(["U_ADA", "U_BEN"]);
  });

  it("moves an agent to another team from the date given, keeping the old membership", async () => {
    const res = await post([{ member: "U_BEN", team: "Support", since: "2026-03-16" }]);
    expect(await res.json()).toEqual({ received: 1, created: 0, updated: 1, unchanged: 0, teamsCreated: 1, openingBalances: 0 });
    expect((await memberships()).filter((m) => m[0] === "U_BEN")).toEqual([
      ["U_BEN", "Billing", "member", "2026-03-09", "2026-03-16"],
      ["U_BEN", "Support", "member", "2026-03-16", null],
    ]);
  });
});

describe("wowbot import roster", () => {
  let c: CliDatabase;
  beforeAll(async () => {
    c = await cliDatabase("roster");
    await c.withDb(async (db) => {
      await new MemberRepository(db).upsert({ workspaceId: c.workspace.id, platformUserId: "U_ADA", displayName: "Ada", email: "ada@example.com" });
    });
  });
  afterAll(() => c.close());

  it("lists every bad line and imports nothing, then imports a good file", async () => {
    const bad = await c.cli("import", "roster", c.file("bad.csv", "member,team,openingBalance\nU_NOBODY,Billing,\nada@example.com,,1.234\n"));
    expect(bad.code).toBe(1);
    expect(bad.err).toEqual([
      'line 2, member: "U_NOBODY" is not in the workspace\'s directory: use their user id or the email the workspace knows them by.',
      "line 3, team: the team is missing: give the team's name.",
      'line 3, openingBalance: "1.234" is not an opening balance: give hours from 0 to 1000, with up to two decimals.',
      "Nothing was imported.",
    ]);
    const good = await c.cli("import", "roster", c.file("good.csv", "Member,Team,Role\nada@example.com,Billing,agent\n"));
    expect(good.err).toEqual([]);
    expect(good.out).toEqual(["Imported 1 roster row: 1 new, 0 moved or backdated, 0 unchanged; 1 team created, 0 opening balances credited."]);
    expect(good.code).toBe(0);
  });
});

describe("wowbot import feedback", () => {
  let c: CliDatabase;
  beforeAll(async () => {
    c = await cliDatabase("feedback");
    await c.withDb(async (db) => {
      await new MemberRepository(db).upsert(
        { workspaceId: c.workspace.id, platformUserId: "U_ADA", displayName: "Ada", email: "ada@example.com" },
        "agent",
        new Date(),
      );
    });
  });
  afterAll(() => c.close());

  it("lists every bad line and imports nothing, then imports a good file and says how many became wow candidates", async () => {
    const bad = await c.cli(
      "import",
      "feedback",
      c.file("bad.csv", "member,feedbackId,receivedAt,csat,comment\nU_NOBODY,f-1,2026-03-02T10:00:00Z,5,\nada@example.com,f-2,2026-03-02,9,\n"),
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toEqual([
      'line 2, member: "U_NOBODY" is not in the workspace\'s directory: use their user id or the email the workspace knows them by.',
      'line 3, receivedAt: "2026-03-02" is not a timestamp with an offset: use ISO 8601 with a time zone offset, such as 2026-03-02T09:15:00Z or 2026-03-02T10:15:00+01:00.',
      "line 3, csat: csat must be a whole number from 1 to 5.",
      "Nothing was imported.",
    ]);
    const received = new Date(Date.now() - 3_600_000).toISOString();
    const later = new Date(Date.now() - 1_800_000).toISOString(); // the export lists by when it was received
    const good = await c.cli(
      "import",
      "feedback",
      c.file(
        "good.csv",
        `Member,FeedbackId,ReceivedAt,CSAT,NPS,Comment\nada@example.com,f-1,${received},5,,"She fixed it in minutes, and kindly too."\nU_ADA,f-2,${later},,3,\n`,
      ),
    );
    expect(good.err).toEqual([]);
    expect(good.out).toEqual(["Imported 2 feedback rows: 2 new, 0 updated, 0 unchanged; 1 wow candidate sent to the agents' leads."]);
    expect(good.code).toBe(0);

    // The operator's export has every row, the comment protected and quoted, and no customer.
    const { written, code } = await c.stream("export", "feedback");
    expect(code).toBe(0);
    const lines = written
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe("feedback_id,received_at,member_user_id,member_name,member_email,csat,nps,comment,interaction_ref,channel,wow_candidate");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(',ada@example.com,5,,"She fixed it in minutes, and kindly too.",,,pending');
  });
});

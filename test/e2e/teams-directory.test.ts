// The Teams directory end to end (issue 20.1, PRODUCT.md §8): installing the app in a team asks for its roster, which
// the directory job reads page by page (GET .../pagedmembers) in a turn on the team's stored channel; a guest and
// someone of another tenant are kept out of the programme; people added to the team are read at the next tick; a
// roster read that fails half-way resumes from Teams' continuation token; a quiet member is credited by the close.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIRECTORY_RETRY_MS } from "../../src/app/sync-directory.js";
import { ManualClock } from "../support/clock.js";
import { startTestService, type TestService } from "../support/service.js";
import { TEAMS_TEAM } from "../support/teams-requests.js";
import { teamsUser } from "../support/teams-twins.js";

const BOSS = teamsUser(1, "Bo Boss");
const AGENTS = Array.from({ length: 55 }, (_, i) => teamsUser(100 + i, `Agent ${i + 1}`));
const GUEST = { ...teamsUser(200, "Gus Guest"), userRole: "guest" as const };
const STRANGER = { ...teamsUser(201, "Pat Partner"), tenantId: "99999999-9999-4999-8999-999999999999" };

describe("the Teams directory", () => {
  let t: TestService;
  const clock = new ManualClock("2026-03-02T09:00:00Z"); // Monday
  const sync = () => t.service.scheduler.runNow(t.service.jobs.directory);
  const member = (id: string) => t.prisma.member.findFirst({ where: { platformUserId: id } });

  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true, clock, env: { WOWBOT_ADMINS: BOSS.aadObjectId } });
    t.fakeTeams.rosterPageSize = 30;
    for (const person of [BOSS, ...AGENTS, GUEST, STRANGER]) t.fakeTeams.addMember(person);
  });
  afterAll(() => t.stop());

  it("reads nobody before the app is in a team, then the team's whole roster once it is installed there", async () => {
    await sync();
    expect(t.fakeTeams.rosterReads).toEqual([]);

    t.fakeTeams.setChannels(TEAMS_TEAM.id, [{ id: TEAMS_TEAM.id }]);
    expect((await t.teams.post(t.teams.installationUpdate(BOSS, { place: { kind: "channel" } }))).status).toBe(200);
    await sync();
    expect(t.fakeTeams.rosterReads).toEqual([
      { teamId: TEAMS_TEAM.id, continuationToken: undefined },
      { teamId: TEAMS_TEAM.id, continuationToken: "30" },
    ]);
    expect(await t.prisma.member.count()).toBe(58);
    expect(await member(AGENTS[7]?.aadObjectId ?? "")).toMatchObject({ displayName: "Agent 8", platformAccountId: AGENTS[7]?.id, role: "agent" });
    expect(await member(BOSS.aadObjectId)).toMatchObject({ role: "admin" });
    expect(await member(GUEST.aadObjectId)).toMatchObject({ isGuest: true, isExternal: false });
    expect(await member(STRANGER.aadObjectId)).toMatchObject({ isGuest: false, isExternal: true });

    // Read; not again until asked or the night comes.
    await sync();
    expect(t.fakeTeams.rosterReads).toHaveLength(2);
  });

  it("reads the rosters again when people are added to a team, and resumes a read that failed on page 2", async () => {
    const newcomer = teamsUser(300, "Nia Newcomer");
    t.fakeTeams.addMember(newcomer);
    await t.teams.post(t.teams.conversationUpdate({ from: BOSS, membersAdded: [{ id: newcomer.id, aadObjectId: newcomer.aadObjectId }] }));
    t.fakeTeams.rosterReads.length = 0;
    t.fakeTeams.fail("roster", { status: 500, after: 1 });
    await sync();
    expect(t.fakeTeams.rosterReads).toHaveLength(1);
    expect(await member(newcomer.aadObjectId)).toBeNull(); // on page 2
    expect(await t.prisma.member.count({ where: { active: false } })).toBe(0);

    clock.advance(DIRECTORY_RETRY_MS);
    await sync();
    expect(t.fakeTeams.rosterReads.map((r) => r.continuationToken)).toEqual([undefined, "30"]);
    expect(await member(newcomer.aadObjectId)).toMatchObject({ displayName: "Nia Newcomer", joinedAt: clock.now() });
  });

  it("credits a clean week to a member who never wrote to wowbot, and not to the guest or the stranger", async () => {
    clock.set("2026-03-16T09:00:00Z");
    await t.service.scheduler.runNow(t.service.jobs.daily);
    const credited = (await t.prisma.ptoLedgerEntry.findMany({ where: { kind: "credit" }, include: { member: true } })).map((e) => e.member.platformUserId);
    expect(credited).toContain(AGENTS[40]?.aadObjectId);
    expect(credited).not.toContain(GUEST.aadObjectId);
    expect(credited).not.toContain(STRANGER.aadObjectId);
    expect(credited).toHaveLength(57); // the boss, the 55 agents and the newcomer, all enrolled since 2 March
  });
});

// One person, one member (issue 18.3): someone first seen without an AAD object id (an activity without it, and a
// roster that could not say) is stored under their "29:" account id; once their AAD id is known the same row is
// re-keyed, history kept, so WOWBOT_ADMINS by AAD id matches and nobody becomes two members. Rows left split by
// earlier versions are merged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeTeamsUser } from "../support/fake-bot-connector.js";
import { startTestService, type TestService } from "../support/service.js";

const ann: FakeTeamsUser = { id: "29:ann-account", aadObjectId: "abababab-0000-4000-8000-000000000001", name: "Ann Agent" };
const ben: FakeTeamsUser = { id: "29:ben-account", aadObjectId: "abababab-0000-4000-8000-000000000002", name: "Ben Agent" };
const cy: FakeTeamsUser = { id: "29:cy-account", aadObjectId: "abababab-0000-4000-8000-000000000003", name: "Cy Agent" };
const STORY = "Stayed on the line to rebook the whole family's flights after the storm, and remembered the kid's birthday.";

describe("one person, one member on Teams", () => {
  let t: TestService;
  const members = () =>
    t.prisma.member.findMany({ orderBy: { displayName: "asc" }, select: { platformUserId: true, platformAccountId: true, displayName: true, role: true } });

  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true, env: { WOWBOT_ADMINS: ann.aadObjectId } });
    t.fakeTeams.addMember(ben);
    await t.teams.post(t.teams.message(ben, "help"));
  });
  afterAll(() => t?.stop());

  it("re-keys the member first stored by account id once the AAD id is known, keeping their nominations", async () => {
    // Ann's activity carries no AAD object id and the roster does not know her yet.
    const anonymous = t.teams.message(ann, `wow @${ben.name} ${STORY}`, { mentions: [ben] }) as { from: Record<string, unknown> };
    delete anonymous.from.aadObjectId;
    await t.teams.post(anonymous);
    expect((await members()).map((m) => m.platformUserId)).toEqual([ann.id, ben.aadObjectId]);
    // Later she is in the roster and her activities carry the AAD id: still one Ann, her nomination hers, and admin
    // through WOWBOT_ADMINS.
    t.fakeTeams.addMember(ann);
    await t.teams.post(t.teams.message(ann, "help"));
    expect(await members()).toEqual([
      { platformUserId: ann.aadObjectId, platformAccountId: ann.id, displayName: ann.name, role: "admin" },
      { platformUserId: ben.aadObjectId, platformAccountId: ben.id, displayName: ben.name, role: "agent" },
    ]);
    const nomination = await t.prisma.nomination.findFirstOrThrow({ include: { nominator: true } });
    expect(nomination.nominator.platformUserId).toBe(ann.aadObjectId);
  });

  it("merges two rows an earlier version left for one person, moving the history to one member", async () => {
    const ws = await t.prisma.workspace.findFirstOrThrow();
    const split = await t.prisma.member.create({ data: { workspaceId: ws.id, platformUserId: cy.id, platformAccountId: cy.id, displayName: cy.name } });
    const whole = await t.prisma.member.create({ data: { workspaceId: ws.id, platformUserId: cy.aadObjectId, displayName: cy.name } });
    await t.prisma.attendanceOccurrence.create({
      data: { workspaceId: ws.id, memberId: split.id, date: new Date("2026-03-02T00:00:00Z"), type: "late", points: 1, recordedBy: "test" },
    });
    await t.prisma.ptoLedgerEntry.create({
      data: { workspaceId: ws.id, memberId: split.id, hours: 2, kind: "adjustment", reason: "opening", actor: "test", dedupeKey: "cy-1" },
    });
    t.fakeTeams.addMember(cy);
    await t.teams.post(t.teams.message(cy, "pto"));
    const rows = await t.prisma.member.findMany({ where: { displayName: cy.name } });
    expect(rows.map((r) => [r.id, r.platformUserId, r.platformAccountId])).toEqual([[whole.id, cy.aadObjectId, cy.id]]);
    expect(await t.prisma.attendanceOccurrence.count({ where: { memberId: whole.id } })).toBe(1);
    expect(await t.prisma.ptoLedgerEntry.count({ where: { memberId: whole.id } })).toBe(1);
  });
});

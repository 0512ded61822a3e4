// Refreshing a known member from the platform on a real database: written only when the platform says something new.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureMember } from "../../src/app/ensure-member.js";
import type { Ports } from "../../src/app/ports.js";
import { MemberRepository } from "../../src/db/member.repository.js";
import { WorkspaceRepository } from "../../src/db/workspace.repository.js";
import type { PlatformUser, WorkspaceRecord } from "../../src/domain/records.js";
import { ManualClock } from "../support/clock.js";
import { openTestDatabase, type TestDatabase } from "../support/db-fixture.js";

let t: TestDatabase;
let ports: Pick<Ports, "members" | "admins" | "clock">;
let workspace: WorkspaceRecord;

const LONG_AGO = new Date("2020-01-01T00:00:00Z");

const slackUser = (id: string, changes: Partial<PlatformUser> = {}): PlatformUser => ({
  platformUserId: id,
  displayName: "Nina Nominee",
  email: "nina@example.com",
  timezone: "Europe/Berlin",
  isBot: false,
  deleted: false,
  isGuest: false,
  isExternal: false,
  isPlatformAdmin: false,
  ...changes,
});

/** Stores the member as the platform describes them, then backdates the row so any later write shows. */
async function known(user: PlatformUser): Promise<void> {
  await ensureMember(ports, { workspaceId: workspace.id, platformUserId: user.platformUserId, directory: { lookUp: async () => user } });
  await t.db.prisma.member.updateMany({ where: { workspaceId: workspace.id, platformUserId: user.platformUserId }, data: { updatedAt: LONG_AGO } });
}

const row = (platformUserId: string) =>
  t.db.prisma.member.findUniqueOrThrow({ where: { workspaceId_platformUserId: { workspaceId: workspace.id, platformUserId } } });

beforeAll(async () => {
  t = await openTestDatabase();
  const workspaces = new WorkspaceRepository(t.db);
  ports = { clock: new ManualClock("2026-03-02T09:00:00Z"), members: new MemberRepository(t.db), admins: [] };
  workspace = await workspaces.ensure({ platform: "slack", externalId: "T_ENSURE_MEMBER", name: "Acme", timezone: "Europe/Berlin" });
});
afterAll(() => t.close());

describe("refreshing a known member", () => {
  it("does not write the member again when the platform reports the same profile", async () => {
    await known(slackUser("U_SAME"));
    const refreshed = await ensureMember(ports, {
      workspaceId: workspace.id,
      platformUserId: "U_SAME",
      directory: { lookUp: async () => slackUser("U_SAME") },
      refresh: true,
    });
    expect(refreshed).toMatchObject({ platformUserId: "U_SAME", displayName: "Nina Nominee", active: true, role: "agent" });
    expect((await row("U_SAME")).updatedAt).toEqual(LONG_AGO);
  });

  it("stores a deactivation, a new name or a new time zone reported by the platform", async () => {
    await known(slackUser("U_GONE"));
    await known(slackUser("U_RENAMED"));
    await known(slackUser("U_MOVED"));
    const refresh = (id: string, changes: Partial<PlatformUser>) =>
      ensureMember(ports, { workspaceId: workspace.id, platformUserId: id, directory: { lookUp: async () => slackUser(id, changes) }, refresh: true });

    expect(await refresh("U_GONE", { deleted: true })).toMatchObject({ active: false });
    expect(await refresh("U_RENAMED", { displayName: "Nina N." })).toMatchObject({ displayName: "Nina N." });
    expect(await refresh("U_MOVED", { timezone: "America/New_York" })).toMatchObject({ timezone: "America/New_York" });
    expect(await row("U_GONE")).toMatchObject({ active: false });
    expect(await row("U_RENAMED")).toMatchObject({ displayName: "Nina N." });
    expect(await row("U_MOVED")).toMatchObject({ timezone: "America/New_York" });
  });
});

// Blind calibrations revealed once on a real database, whatever races them: two replicas running the deadline job at
// the same moment, or the last two leads scoring at the same moment (on PostgreSQL these run on separate connections).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revealDueCalibrations } from "../../src/app/reveal-calibrations.js";
import { scoreCalibration } from "../../src/app/score-calibration.js";
import { startCalibration } from "../../src/app/start-calibration.js";
import { CalibrationRepository } from "../../src/db/calibration.repository.js";
import { MemberRepository } from "../../src/db/member.repository.js";
import { WorkspaceRepository } from "../../src/db/workspace.repository.js";
import type { MemberRecord, WorkspaceRecord } from "../../src/domain/records.js";
import { ManualClock } from "../support/clock.js";
import { openTestDatabase, type TestDatabase } from "../support/db-fixture.js";

describe("calibration reveals under races", () => {
  let t: TestDatabase;
  let ws: WorkspaceRecord;
  let agent: MemberRecord;
  let leads: MemberRecord[];
  const clock = new ManualClock("2026-03-02T09:00:00Z");
  const ports = () => {
    const members = new MemberRepository(t.db);
    return { calibrations: new CalibrationRepository(t.db), members, clock };
  };
  const start = async (others: MemberRecord[], ref: string) => {
    const [starter, ...rest] = others as [MemberRecord, ...MemberRecord[]];
    const result = await startCalibration(ports(), { workspace: ws, starter, agent, leads: rest, reference: ref, requestKey: null });
    if (!result.ok) throw new Error(result.error.message);
    return result.value.calibration.id;
  };
  const reveals = (id: string) => t.db.prisma.outbox.count({ where: { dedupeKey: { startsWith: `calibration:${id}:reveal:` } } });
  const answers = { connection: 2, rapport: "yes", unstatedNeeds: "yes", wow: "yes", note: null };

  beforeAll(async () => {
    t = await openTestDatabase();
    ws = await new WorkspaceRepository(t.db).ensure({ platform: "slack", externalId: "T_RACE", name: "Race", timezone: "UTC" });
    const members = new MemberRepository(t.db);
    const add = (id: string, role: "agent" | "lead") => members.upsert({ workspaceId: ws.id, platformUserId: id, displayName: id, email: null }, role);
    agent = await add("U_AGENT", "agent");
    leads = [await add("U_L1", "lead"), await add("U_L2", "lead"), await add("U_L3", "lead")];
  });
  afterAll(() => t.close());

  it("reveals a calibration once when two replicas run the deadline job at the same moment", async () => {
    const id = await start(leads, "RACE-1");
    clock.set("2026-03-05T09:00:00Z");
    const [a, b] = await Promise.all([revealDueCalibrations(ports()), revealDueCalibrations(ports())]);
    expect(a + b).toBe(1);
    expect(await reveals(id)).toBe(3);
    expect(await t.db.prisma.auditLog.count({ where: { action: "calibration.revealed", subject: `calibration:${id}` } })).toBe(1);
    expect(await revealDueCalibrations(ports())).toBe(0);
  });

  it("stores both of two last scores arriving at once and reveals exactly once", async () => {
    clock.set("2026-03-09T09:00:00Z");
    const id = await start([leads[0] as MemberRecord, leads[1] as MemberRecord], "RACE-2");
    const score = (member: MemberRecord) => scoreCalibration(ports(), { workspace: ws, member, calibrationId: id, draft: answers });
    const [one, two] = await Promise.all([score(leads[0] as MemberRecord), score(leads[1] as MemberRecord)]);
    expect(one.ok && two.ok).toBe(true);
    const revealedBy = [one, two].filter((r) => r.ok && r.value.revealed);
    expect(revealedBy).toHaveLength(1);
    expect(await t.db.prisma.calibrationParticipant.count({ where: { calibrationId: id, scoredAt: { not: null } } })).toBe(2);
    expect(await reveals(id)).toBe(2);
    expect(await t.db.prisma.auditLog.count({ where: { action: "calibration.revealed", subject: `calibration:${id}` } })).toBe(1);
  });
});

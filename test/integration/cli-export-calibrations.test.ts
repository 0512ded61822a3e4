// `wowbot export calibrations` on a seeded database: one row per lead taking part, the spread of a revealed calibration,
// answers kept blank until the reveal, a lead who never scored, formula protection, and batches that neither skip nor
// repeat the rows of one calibration.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportCsv, exportRequest } from "../../src/app/exports.js";
import { ExportRepository } from "../../src/db/export.repository.js";
import { MemberRepository } from "../../src/db/member.repository.js";
import { type CliDatabase, cliDatabase } from "../support/cli-database.js";

const at = (iso: string) => new Date(iso);
const WEIGHTS = { connection: 25, rapport: 25, unstatedNeeds: 25, wow: 25 };
const HEADER =
  "calibration_id,reference,agent_user_id,agent_name,agent_email,started_by_user_id,started_by_name,started_by_email,created_at,deadline,revealed_at," +
  "lead_user_id,lead_name,lead_email,scored_at,connection_attempts,rapport,unstated_needs,wow,note,score,spread";

describe("wowbot export calibrations (the command on a seeded database)", () => {
  let c: CliDatabase;
  const ids: Record<string, string> = {};
  const lines = (csv: string) => csv.split("\r\n").slice(0, -1);

  beforeAll(async () => {
    c = await cliDatabase("export-calibrations", "Europe/Berlin");
    await c.withDb(async (db) => {
      const ws = c.workspace;
      const members = new MemberRepository(db);
      const add = (id: string, name: string, role: "agent" | "lead" | "admin") =>
        members.upsert(
          { workspaceId: ws.id, platformUserId: id, displayName: name, email: `${id.toLowerCase()}@example.com` },
          role,
          at("2026-01-01T00:00:00Z"),
        );
      const ada = await add("U_ADA", "Ada", "agent");
      const lena = await add("U_LENA", "Lena", "lead");
      const max = await add("U_MAX", "Max", "lead");
      const boss = await add("U_BOSS", "Boss", "admin");
      const seat = (
        memberId: string,
        score: number | null,
        answers: [number, "yes" | "partly" | "no" | "na", "yes" | "partly" | "no" | "na", "yes" | "partly" | "no" | "na"] | null,
        note: string | null = null,
      ) => ({
        memberId,
        ...(answers && score !== null
          ? {
              connectionAttempts: answers[0],
              rapport: answers[1],
              unstatedNeeds: answers[2],
              wow: answers[3],
              weights: WEIGHTS,
              score,
              note,
              scoredAt: at("2026-03-03T10:00:00Z"),
            }
          : {}),
      });
      const revealed = await db.prisma.calibration.create({
        data: {
          workspaceId: ws.id,
          agentId: ada.id,
          startedById: boss.id,
          reference: '=HYPERLINK("http://evil.example")',
          createdAt: at("2026-03-02T09:00:00Z"),
          deadline: at("2026-03-05T09:00:00Z"),
          revealedAt: at("2026-03-05T09:00:00Z"),
          participants: {
            create: [
              seat(boss.id, 88, [2, "yes", "partly", "yes"], "Warm, asked twice"),
              seat(lena.id, 50, [2, "partly", "no", "na"]),
              seat(max.id, null, null),
            ],
          },
        },
      });
      const open = await db.prisma.calibration.create({
        data: {
          workspaceId: ws.id,
          agentId: ada.id,
          startedById: lena.id,
          reference: "CALL-2",
          createdAt: at("2026-03-04T09:00:00Z"),
          deadline: at("2026-03-09T09:00:00Z"),
          participants: { create: [seat(lena.id, 100, [2, "yes", "yes", "yes"], "secret until the reveal"), seat(max.id, null, null)] },
        },
      });
      ids.revealed = revealed.id;
      ids.open = open.id;
    });
  });
  afterAll(() => c?.close());

  it("writes one row per lead taking part, with answers, score and spread once revealed, blank before", async () => {
    const { code, written, err } = await c.stream("export", "calibrations");
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const [header, ...rows] = lines(written);
    expect(header).toBe(HEADER);
    const r = ids.revealed;
    const common = `${r},"'=HYPERLINK(""http://evil.example"")",U_ADA,Ada,u_ada@example.com,U_BOSS,Boss,u_boss@example.com,2026-03-02T10:00:00+01:00,2026-03-05T10:00:00+01:00,2026-03-05T10:00:00+01:00`;
    const revealedRows = rows.filter((row) => row.startsWith(r as string)).sort();
    expect(revealedRows).toEqual(
      [
        `${common},U_BOSS,Boss,u_boss@example.com,2026-03-03T11:00:00+01:00,2,yes,partly,yes,"Warm, asked twice",88,38`,
        `${common},U_LENA,Lena,u_lena@example.com,2026-03-03T11:00:00+01:00,2,partly,no,na,,50,38`,
        // Max never scored: no scored_at, no answers; the calibration's spread still shows.
        `${common},U_MAX,Max,u_max@example.com,,,,,,,,38`,
      ].sort(),
    );
    const openRows = rows.filter((row) => row.startsWith(ids.open as string));
    expect(openRows).toHaveLength(2);
    // Not revealed yet: when Lena scored shows, what she answered does not.
    const lena = openRows.find((row) => row.includes("u_lena@example.com,2026-03-03T11:00:00+01:00")) as string;
    expect(lena).toMatch(/,2026-03-03T11:00:00\+01:00,,,,,,,$/);
    expect(written).not.toContain("secret until the reveal");
    expect(rows).toHaveLength(5);
  });

  it("reads in batches that neither skip nor repeat the rows of one calibration", async () => {
    const { small, large } = await c.withDb(async (db) => {
      const request = exportRequest("calibrations", undefined, undefined);
      if (!request.ok) throw new Error("bad request");
      const exporter = async (batchSize: number) => {
        const chunks: string[] = [];
        const result = await exportCsv(
          { exports: new ExportRepository(db.prisma) },
          { workspace: c.workspace, actor: "cli", request: request.value, batchSize },
          (chunk) => {
            chunks.push(chunk);
          },
        );
        return { result, chunks };
      };
      return { small: await exporter(2), large: await exporter(1000) };
    });
    expect(small.result).toEqual({ ok: true, value: { rows: 5 } });
    expect(large.result).toEqual({ ok: true, value: { rows: 5 } });
    expect(small.chunks.join("")).toBe(large.chunks.join(""));
  });

  it("keeps to the range of local days the calibrations started on, and is audit-logged", async () => {
    const { written } = await c.stream("export", "calibrations", "--from", "2026-03-03");
    expect(
      lines(written)
        .slice(1)
        .every((row) => row.startsWith(ids.open as string)),
    ).toBe(true);
    expect(lines(written)).toHaveLength(3);
    const audits = await c.withDb((db) => db.prisma.auditLog.findMany({ where: { action: "export", subject: "export:calibrations" } }));
    expect(audits.length).toBeGreaterThanOrEqual(1);
    expect(audits.every((a) => a.actor === "cli")).toBe(true);
  });
});

// `wowbot export` on a seeded database (a DATA_DIR PGlite, or a fresh PostgreSQL database): RFC 4180 quoting, formula
// protection, local-date ranges in the workspace's time zone, status columns, usage errors; and the batches of the
// use case, which must neither skip nor repeat rows that share a timestamp.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportCsv, exportRequest } from "../../src/app/exports.js";
import type { Database } from "../../src/db/database.js";
import { ExportRepository } from "../../src/db/export.repository.js";
import { MemberRepository } from "../../src/db/member.repository.js";
import type { WorkspaceRecord } from "../../src/domain/records.js";
import { type CliDatabase, cliDatabase } from "../support/cli-database.js";
import { wowbot } from "../support/process.js";

const at = (iso: string) => new Date(iso);
const WEIGHTS = { connection: 40, rapport: 20, unstatedNeeds: 20, wow: 20 };

describe("wowbot export (the command on a seeded database)", () => {
  let c: CliDatabase;
  let ws: WorkspaceRecord;
  const ids: Record<string, string> = {};
  const withDb = <T>(fn: (db: Database) => Promise<T>) => c.withDb(fn);

  /** Runs the command; `csv` is what it wrote to stdout, byte for byte. */
  async function cli(...argv: string[]) {
    const { written, ...r } = await c.stream(...argv);
    return { ...r, csv: written };
  }
  const lines = (csv: string) => csv.split("\r\n").slice(0, -1);

  beforeAll(async () => {
    c = await cliDatabase("export", "Europe/Berlin");
    await withDb(async (db) => {
      const p = db.prisma;
      ws = c.workspace;
      const members = new MemberRepository(db);
      const add = (platformUserId: string, displayName: string, email: string | null) =>
        members.upsert({ workspaceId: ws.id, platformUserId, displayName, email }, "agent", at("2026-01-01T00:00:00Z"));
      const ada = await add("U_ADA", "Ada Lovelace", "ada@example.com");
      const bob = await add("U_BOB", '=HYPERLINK("http://evil.example","click")', "bob@example.com");
      const cy = await add("U_CY", "Cy, the lead", null);
      // Berlin is UTC+1 in early March: 23:30 UTC on 1 March is 00:30 on 2 March there.
      const n1 = await p.nomination.create({
        data: {
          workspaceId: ws.id,
          nomineeId: ada.id,
          nominatorId: bob.id,
          reference: "+1 555 0100",
          story: 'Stayed "late", then\nhelped a customer rebook',
          behaviours: ["connection", "wow"],
          createdAt: at("2026-03-01T23:30:00Z"),
        },
      });
      await p.endorsement.create({ data: { nominationId: n1.id, memberId: cy.id } });
      const n2 = await p.nomination.create({
        data: {
          workspaceId: ws.id,
          nomineeId: bob.id,
          nominatorId: ada.id,
          story: "@channel she saved the day",
          behaviours: [],
          status: "retracted",
          createdAt: at("2026-03-05T10:00:00Z"),
          retractedAt: at("2026-03-05T11:00:00Z"),
        },
      });
      const old = await p.quickScore.create({
        data: {
          workspaceId: ws.id,
          agentId: ada.id,
          scorerId: cy.id,
          reference: "T-1",
          channel: "chat",
          connectionAttempts: 1,
          rapport: "partly",
          unstatedNeeds: "no",
          wow: "na",
          weights: WEIGHTS,
          score: 55,
          note: "-10 for the hold time",
          createdAt: at("2026-03-03T09:00:00Z"),
        },
      });
      const current = await p.quickScore.create({
        data: {
          workspaceId: ws.id,
          agentId: ada.id,
          scorerId: cy.id,
          reference: "T-1",
          channel: "chat",
          connectionAttempts: 2,
          rapport: "yes",
          unstatedNeeds: "yes",
          wow: "yes",
          weights: WEIGHTS,
          score: 92,
          note: null,
          createdAt: at("2026-03-03T09:30:00Z"),
        },
      });
      await p.quickScore.update({ where: { id: old.id }, data: { supersededById: current.id } });
      const o1 = await p.attendanceOccurrence.create({
        data: {
          workspaceId: ws.id,
          memberId: bob.id,
          date: at("2026-03-02"),
          type: "absence",
          points: 1,
          note: "flu",
          recordedBy: "U_CY",
          createdAt: at("2026-03-02T08:00:00Z"),
        },
      });
      const o2 = await p.attendanceOccurrence.create({
        data: {
          workspaceId: ws.id,
          memberId: ada.id,
          date: at("2026-03-04"),
          type: "late",
          points: 1.5,
          recordedBy: "cli",
          createdAt: at("2026-03-04T08:00:00Z"),
          deletedAt: at("2026-03-04T12:00:00Z"),
          deletedBy: "U_CY",
        },
      });
      const period = await p.periodResult.create({
        data: {
          workspaceId: ws.id,
          memberId: ada.id,
          periodStart: at("2026-02-23"),
          periodEnd: at("2026-03-02"),
          points: 0,
          clean: true,
          streak: 1,
          hoursCredited: 2,
          closedAt: at("2026-03-02T08:00:00Z"),
        },
      });
      const credit = await p.ptoLedgerEntry.create({
        data: {
          workspaceId: ws.id,
          memberId: ada.id,
          hours: 2,
          kind: "credit",
          reason: "clean period",
          actor: "system",
          periodResultId: period.id,
          dedupeKey: "credit:1",
          createdAt: at("2026-03-02T08:00:00Z"),
        },
      });
      const request = await p.ptoRequest.create({ data: { workspaceId: ws.id, memberId: ada.id, date: at("2026-03-20"), hours: 8, status: "approved" } });
      const redemption = await p.ptoLedgerEntry.create({
        data: {
          workspaceId: ws.id,
          memberId: ada.id,
          hours: -8,
          kind: "redemption",
          reason: "paid day 2026-03-20",
          actor: "U_CY",
          ptoRequestId: request.id,
          dedupeKey: "redeem:1",
          createdAt: at("2026-03-06T15:45:30.123Z"),
        },
      });
      Object.assign(ids, { n1: n1.id, n2: n2.id, old: old.id, current: current.id, o1: o1.id, o2: o2.id, credit: credit.id, redemption: redemption.id });
    });
  });
  afterAll(() => c.close());

  it("exports nominations with RFC 4180 quoting, formula protection, local times and a status column", async () => {
    const r = await cli("export", "nominations");
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.csv.endsWith("\r\n")).toBe(true);
    expect(r.csv).toBe(
      [
        "nomination_id,created_at,nominee_user_id,nominee_name,nominee_email,nominator_user_id,nominator_name,nominator_email,reference,story,behaviours,seconds,status,status_changed_at",
        `${ids.n1},2026-03-02T00:30:00+01:00,U_ADA,Ada Lovelace,ada@example.com,U_BOB,"'=HYPERLINK(""http://evil.example"",""click"")",bob@example.com,'+1 555 0100,"Stayed ""late"", then\nhelped a customer rebook",connection;wow,1,active,`,
        `${ids.n2},2026-03-05T11:00:00+01:00,U_BOB,"'=HYPERLINK(""http://evil.example"",""click"")",bob@example.com,U_ADA,Ada Lovelace,ada@example.com,,'@channel she saved the day,,0,retracted,2026-03-05T12:00:00+01:00`,
        "",
      ].join("\r\n"),
    );
  });

  it("audit-logs each export as the CLI, with its kind, range and row count", async () => {
    await cli("export", "attendance", "--from", "2026-03-01", "--to", "2026-03-31");
    const entry = await withDb((db) => db.prisma.auditLog.findFirstOrThrow({ where: { action: "export" }, orderBy: { at: "desc" } }));
    expect(entry).toMatchObject({ actor: "cli", subject: "export:attendance", after: { kind: "attendance", from: "2026-03-01", to: "2026-03-31", rows: 2 } });
    const refused = await cli("export", "attendance", "--from", "nope");
    expect(refused.code).toBe(2);
    expect(await withDb((db) => db.prisma.auditLog.count({ where: { action: "export" } }))).toBe(2);
  });

  it("keeps superseded scores, marked, and leaves wowbot's own numbers alone", async () => {
    const r = await cli("export", "scores", "--workspace", "T_CLI");
    expect(lines(r.csv)).toEqual([
      "score_id,created_at,agent_user_id,agent_name,agent_email,scorer_user_id,scorer_name,scorer_email,reference,channel,connection_attempts,rapport,unstated_needs,wow,score,note,status,superseded_by",
      `${ids.old},2026-03-03T10:00:00+01:00,U_ADA,Ada Lovelace,ada@example.com,U_CY,"Cy, the lead",,T-1,chat,1,partly,no,na,55,'-10 for the hold time,superseded,${ids.current}`,
      `${ids.current},2026-03-03T10:30:00+01:00,U_ADA,Ada Lovelace,ada@example.com,U_CY,"Cy, the lead",,T-1,chat,2,yes,yes,yes,92,,current,`,
    ]);
  });

  it("exports attendance by the day it concerns, deleted records included and marked", async () => {
    const all = await cli("export", "attendance");
    expect(lines(all.csv)).toEqual([
      "occurrence_id,date,member_user_id,member_name,member_email,type,points,note,recorded_by,recorded_at,status,deleted_at,deleted_by",
      `${ids.o1},2026-03-02,U_BOB,"'=HYPERLINK(""http://evil.example"",""click"")",bob@example.com,absence,1,flu,U_CY,2026-03-02T09:00:00+01:00,live,,`,
      `${ids.o2},2026-03-04,U_ADA,Ada Lovelace,ada@example.com,late,1.5,,cli,2026-03-04T09:00:00+01:00,deleted,2026-03-04T13:00:00+01:00,U_CY`,
    ]);
    const range = await cli("export", "attendance", "--from", "2026-03-03", "--to", "2026-03-04");
    expect(lines(range.csv).map((l) => l.split(",")[0])).toEqual(["occurrence_id", ids.o2]);
  });

  it("exports the ledger with negative hours as numbers, the period and the paid day", async () => {
    const r = await cli("export", "ledger");
    expect(lines(r.csv)).toEqual([
      "entry_id,created_at,member_user_id,member_name,member_email,kind,hours,reason,actor,period_start,period_last_day,paid_day",
      `${ids.credit},2026-03-02T09:00:00+01:00,U_ADA,Ada Lovelace,ada@example.com,credit,2,clean period,system,2026-02-23,2026-03-01,`,
      `${ids.redemption},2026-03-06T16:45:30+01:00,U_ADA,Ada Lovelace,ada@example.com,redemption,-8,paid day 2026-03-20,U_CY,,,2026-03-20`,
    ]);
  });

  it("filters by local date in the workspace's time zone, both ends included", async () => {
    // 2 March in Berlin runs from 1 March 23:00 UTC: the nomination made at 23:30 UTC on 1 March is in it.
    const day = await cli("export", "nominations", "--from", "2026-03-02", "--to", "2026-03-02");
    expect(lines(day.csv).map((l) => l.split(",")[0])).toEqual(["nomination_id", ids.n1]);
    const before = await cli("export", "nominations", "--to", "2026-03-01");
    expect(lines(before.csv)).toHaveLength(1);
    const from = await cli("export", "nominations", "--from=2026-03-03");
    expect(lines(from.csv).map((l) => l.split(",")[0])).toEqual(["nomination_id", ids.n2]);
    const scoresDay = await cli("export", "scores", "--from", "2026-03-03", "--to", "2026-03-03");
    expect(lines(scoresDay.csv)).toHaveLength(3);
  });

  it("an empty range is the header row alone, exit 0", async () => {
    const r = await cli("export", "ledger", "--from", "2027-01-01");
    expect(r).toEqual({
      code: 0,
      csv: "entry_id,created_at,member_user_id,member_name,member_email,kind,hours,reason,actor,period_start,period_last_day,paid_day\r\n",
      out: [],
      err: [],
    });
  });

  it("refuses an unknown kind, a bad date or a backwards range with exit 2, writing nothing to stdout", async () => {
    const cases: Array<[string[], string]> = [
      [["export"], "wowbot export: Say what to export: nominations, scores, attendance, ledger, calibrations or feedback."],
      [["export", "payroll"], 'wowbot export: "payroll" cannot be exported: use nominations, scores, attendance, ledger, calibrations or feedback.'],
      [["export", "scores", "--from", "2026-02-30"], 'wowbot export: "2026-02-30" is not a date: use YYYY-MM-DD for the from date.'],
      [["export", "scores", "--to", "03/31/2026"], 'wowbot export: "03/31/2026" is not a date: use YYYY-MM-DD for the to date.'],
      [
        ["export", "scores", "--from", "2026-03-31", "--to", "2026-03-01"],
        "wowbot export: The range ends (2026-03-01) before it starts (2026-03-31): put the earlier date first.",
      ],
      [["export", "scores", "2026-03-01"], 'wowbot export: unexpected argument "2026-03-01": give dates with --from and --to'],
      [["export", "scores", "--from"], "wowbot: Option '--from <value>' argument missing"],
    ];
    for (const [argv, message] of cases) {
      const r = await cli(...argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.csv).toBe("");
      expect(r.out).toEqual([]);
      expect(r.err[0]).toBe(message);
    }
    expect((await cli("export", "scores", "--workspace", "T_NOPE")).code).toBe(2);
  });

  it("reads in batches that neither skip nor repeat rows sharing a timestamp", async () => {
    const { small, large } = await withDb(async (db) => {
      const memberId = (await db.prisma.member.findFirstOrThrow({ where: { platformUserId: "U_BOB" } })).id;
      const same = at("2026-04-01T10:00:00Z");
      await db.prisma.ptoLedgerEntry.createMany({
        data: Array.from({ length: 7 }, (_, i) => ({
          workspaceId: ws.id,
          memberId,
          hours: i,
          kind: "adjustment" as const,
          reason: `batch ${i}`,
          actor: "U_CY",
          dedupeKey: `batch:${i}`,
          createdAt: same,
        })),
      });
      const request = exportRequest("ledger", undefined, undefined);
      if (!request.ok) throw new Error("bad request");
      const exporter = (batchSize: number) => {
        const chunks: string[] = [];
        return exportCsv({ exports: new ExportRepository(db.prisma) }, { workspace: ws, actor: "cli", request: request.value, batchSize }, (c) => {
          chunks.push(c);
        }).then((result) => ({ result, chunks }));
      };
      return { small: await exporter(2), large: await exporter(1000) };
    });
    expect(small.result).toEqual({ ok: true, value: { rows: 9 } });
    expect(large.result).toEqual({ ok: true, value: { rows: 9 } });
    // A header chunk, then one per batch of two (the last batch of one ends it).
    expect(small.chunks).toHaveLength(1 + 5);
    expect(small.chunks.join("")).toBe(large.chunks.join(""));
    const reasons = lines(large.chunks.join(""))
      .map((l) => /batch \d/.exec(l)?.[0])
      .filter(Boolean);
    expect(reasons.sort()).toEqual(Array.from({ length: 7 }, (_, i) => `batch ${i}`));
  });

  describe("as a child process writing to a real pipe", () => {
    // Several times a pipe's 64 KB buffer, so a reader that goes away early leaves the export writing into a closed pipe.
    const ROWS = 5_000;
    beforeAll(async () => {
      await withDb(async (db) => {
        const memberId = (await db.prisma.member.findFirstOrThrow({ where: { platformUserId: "U_ADA" } })).id;
        await db.prisma.attendanceOccurrence.createMany({
          data: Array.from({ length: ROWS }, (_, i) => ({
            workspaceId: ws.id,
            memberId,
            date: new Date(Date.UTC(2000, 0, 1 + i)),
            type: "late" as const,
            points: 1,
            note: i % 2 ? "a, b" : null,
            recordedBy: "cli",
          })),
        });
      });
    });
    /** The child gets only the database it should open: PostgreSQL's URL, or the PGlite directory. */
    const childEnv = (): Record<string, string> => (c.url ? { DATABASE_URL: c.url } : { DATA_DIR: c.dir });

    it("streams every row to stdout through the pipe, exit 0", async () => {
      const proc = wowbot(["export", "attendance", "--to", "2060-01-01"], childEnv());
      expect(await proc.exited(60_000)).toBe(0);
      const records = proc.stdout().split("\r\n");
      expect(records.at(-1)).toBe("");
      expect(records).toHaveLength(1 + ROWS + 2 + 1);
      expect(records.filter((r) => r.includes(',late,1,"a, b",cli,')).length).toBe(ROWS / 2);
      expect(proc.stderr()).toBe("");
    });

    it("stops with one line and exit 1 when the reader closes the pipe early (| head)", async () => {
      const proc = wowbot(["export", "attendance"], childEnv());
      proc.child.stdout?.once("data", () => proc.child.stdout?.destroy());
      expect(await proc.exited(60_000)).toBe(1);
      expect(proc.stderr().trim()).toBe("wowbot export: stdout was closed before the export finished, so it stopped there (the output is cut short).");
    });
  });
});

// The attendance import on a real database: a whole file is checked first and saved in one transaction or not at
// all; every bad row is reported by line and column; re-importing changes nothing; closed periods are corrected.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type ImportRow, importAttendance } from "../../src/app/import-attendance.js";
import { AttendanceRepository } from "../../src/db/attendance.repository.js";
import type { Database } from "../../src/db/database.js";
import { type MemberProfile, MemberRepository } from "../../src/db/member.repository.js";
import { WorkspaceRepository } from "../../src/db/workspace.repository.js";
import type { MemberRecord, WorkspaceRecord } from "../../src/domain/records.js";
import { type CliDatabase, cliDatabase } from "../support/cli-database.js";
import { ManualClock } from "../support/clock.js";
import { openTestDatabase, type TestDatabase } from "../support/db-fixture.js";

let t: TestDatabase;
let workspaces: WorkspaceRepository;
let members: MemberRepository;
let ports: { clock: ManualClock; members: MemberRepository; attendance: AttendanceRepository };

beforeAll(async () => {
  t = await openTestDatabase();
  workspaces = new WorkspaceRepository(t.db);
  members = new MemberRepository(t.db);
  // Tuesday 10 March 2026, 01:00 in Berlin (00:00 UTC): still 9 March in New York.
  ports = { clock: new ManualClock("2026-03-10T00:00:00Z"), members, attendance: new AttendanceRepository(t.db.prisma) };
});
afterAll(() => t.close());

let counter = 0;
interface Team {
  ws: WorkspaceRecord;
  ada: MemberRecord;
  bob: MemberRecord;
}

/** A workspace of its own per test: Ada and Bob, plus a bot and a deactivated account. */
async function team(timezone = "Europe/Berlin"): Promise<Team> {
  counter++;
  const ws = await workspaces.ensure({ platform: "slack", externalId: `T_IMPORT_${counter}`, name: `Import ${counter}`, timezone });
  const add = (p: Omit<MemberProfile, "workspaceId">) => members.upsert({ workspaceId: ws.id, ...p }, "agent", new Date("2026-01-01T00:00:00Z"));
  const ada = await add({ platformUserId: "U_ADA", displayName: "Ada", email: "Ada.Lovelace@Example.com" });
  const bob = await add({ platformUserId: "U_BOB", displayName: "Bob", email: "bob@example.com" });
  await add({ platformUserId: "U_BOT", displayName: "Standup bot", isBot: true });
  await add({ platformUserId: "U_GONE", displayName: "Gone", email: "gone@example.com", active: false });
  return { ws, ada, bob };
}

/** Rows as a file would give them: line 1 is the header, so data starts on line 2. */
const rows = (...cells: Array<[string, string, string, string?]>): ImportRow[] =>
  cells.map(([member, date, type, note = ""], i) => ({ line: i + 2, member, date, type, note }));

const importRows = (ws: WorkspaceRecord, input: ImportRow[]) => importAttendance(ports, { workspace: ws, rows: input, actor: "cli" });

async function state(ws: WorkspaceRecord) {
  const [occurrences, audit, ledger, outbox] = await Promise.all([
    t.db.prisma.attendanceOccurrence.count({ where: { workspaceId: ws.id } }),
    t.db.prisma.auditLog.count({ where: { workspaceId: ws.id } }),
    t.db.prisma.ptoLedgerEntry.count({ where: { workspaceId: ws.id } }),
    t.db.prisma.outbox.count({ where: { workspaceId: ws.id } }),
  ]);
  return { occurrences, audit, ledger, outbox };
}

describe("importAttendance", () => {
  it("saves a good file: points from the settings, recorded by the CLI, one audit entry per occurrence", async () => {
    const { ws, ada, bob } = await team();
    const result = await importRows(
      ws,
      rows(["U_ADA", "2026-03-02", "absent", " flu "], ["U_BOB", "2026-03-03", "LATE"], ["ada.lovelace@example.com", "2026-03-04", "excused", "doctor"]),
    );
    expect(result).toEqual({ ok: true, value: { created: 3, duplicates: 0, corrections: [] } });
    const saved = await t.db.prisma.attendanceOccurrence.findMany({ where: { workspaceId: ws.id }, orderBy: { date: "asc" } });
    expect(saved.map((o) => [o.memberId, o.date.toISOString().slice(0, 10), o.type, Number(o.points), o.note, o.recordedBy])).toEqual([
      [ada.id, "2026-03-02", "absence", 1, "flu", "cli"],
      [bob.id, "2026-03-03", "late", 1, null, "cli"],
      [ada.id, "2026-03-04", "excused", 0, "doctor", "cli"],
    ]);
    const audit = await t.db.prisma.auditLog.findMany({ where: { workspaceId: ws.id } });
    expect(audit).toHaveLength(3);
    expect(audit.every((a) => a.action === "attendance.import" && a.actor === "cli")).toBe(true);
    expect(audit.map((a) => a.subject).sort()).toEqual(saved.map((o) => `occurrence:${o.id}`).sort());
    expect(audit.find((a) => a.subject === `occurrence:${saved[1]?.id}`)?.after).toEqual({
      member: "U_BOB",
      date: "2026-03-03",
      type: "late",
      points: 1,
      note: null,
      line: 3,
    });
  });

  it("reports every problem of every bad row (line, field, reason) and saves nothing", async () => {
    const { ws } = await team();
    expect((await importRows(ws, rows(["U_BOB", "2026-03-05", "late"]))).ok).toBe(true);
    const before = await state(ws);
    const result = await importRows(
      ws,
      rows(
        ["U_NOBODY", "2026-03-02", "absent"], // 2
        ["U_BOT", "2026-03-02", "absent"], // 3
        ["U_GONE", "2026-03-02", "absent"], // 4
        ["U_ADA", "2026-02-30", "absent"], // 5
        ["U_ADA", "2026-03-11", "absent"], // 6
        ["U_ADA", "2026-03-06", "sick"], // 7
        ["U_ADA", "2026-03-06", "absent", "x".repeat(501)], // 8
        ["U_ADA", "2026-03-02", "absent"], // 9: valid on its own
        ["U_ADA", "2026-03-02", "late"], // 10: conflicts with line 9
        ["U_BOB", "2026-03-05", "absent"], // 11: Bob was late that day already
        ["nobody@example.com", "03/02/2026", ""], // 12: three problems at once
        ["U_ADA", "2026-03-03", "absent"], // 13: fine
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("ATTENDANCE.IMPORT_INVALID");
    expect(result.error.problems.map((p) => [p.line, p.field])).toEqual([
      [2, "member"],
      [3, "member"],
      [4, "member"],
      [5, "date"],
      [6, "date"],
      [7, "type"],
      [8, "note"],
      [10, "type"],
      [11, "type"],
      [12, "member"],
      [12, "date"],
      [12, "type"],
    ]);
    const reasons = result.error.problems.map((p) => p.reason);
    expect(reasons[0]).toBe('"U_NOBODY" is not in the workspace\'s directory: use their user id or the email the workspace knows them by.');
    expect(reasons[1]).toContain("is a bot");
    expect(reasons[2]).toContain("Gone (U_GONE) is deactivated");
    expect(reasons[3]).toBe('"2026-02-30" is not a date: use YYYY-MM-DD.');
    expect(reasons[4]).toContain("2026-03-11 is in the future (today is 2026-03-10 in Europe/Berlin)");
    expect(reasons[5]).toBe('"sick" is not an attendance type: use absent, late or excused.');
    expect(reasons[6]).toBe("the note is 501 characters; the limit is 500.");
    expect(reasons[7]).toBe("conflicts with line 9, which gives Ada an absence on 2026-03-02: a day holds one occurrence.");
    expect(reasons[8]).toBe("Bob already has a late arrival on 2026-03-05. Delete it first if it was wrong.");
    expect(reasons.slice(9)).toEqual([
      expect.stringContaining('"nobody@example.com" is not in the workspace\'s directory'),
      '"03/02/2026" is not a date: use YYYY-MM-DD.',
      "the type is missing: use absent, late or excused.",
    ]);
    expect(await state(ws)).toEqual(before);
  });

  it("checks future dates in the workspace's time zone", async () => {
    const { ws } = await team("America/New_York");
    const result = await importRows(ws, rows(["U_ADA", "2026-03-10", "absent"], ["U_ADA", "2026-03-09", "absent"]));
    expect(result.ok ? [] : result.error.problems).toEqual([
      { line: 2, field: "date", reason: "2026-03-10 is in the future (today is 2026-03-09 in America/New_York): import attendance once it has happened." },
    ]);
  });

  it("changes nothing when the same file is imported again, and counts repeated rows as duplicates", async () => {
    const { ws } = await team();
    const file = rows(
      ["U_ADA", "2026-03-02", "absent"],
      ["U_BOB", "2026-03-02", "late"],
      ["U_ADA", "2026-03-02", "absence"],
      ["U_BOB", "2026-03-03", "excused"],
    );
    expect(await importRows(ws, file)).toEqual({ ok: true, value: { created: 3, duplicates: 1, corrections: [] } });
    const after = await state(ws);
    expect(await importRows(ws, file)).toEqual({ ok: true, value: { created: 0, duplicates: 4, corrections: [] } });
    expect(await state(ws)).toEqual(after);
  });

  it("finds members by email in any case; an email shared by several people must be resolved", async () => {
    const { ws, ada, bob } = await team();
    // A deactivated account with Bob's email does not make Bob ambiguous: only one of them can have attendance.
    await members.upsert({ workspaceId: ws.id, platformUserId: "U_BOB_OLD", displayName: "Bob (old)", email: "BOB@example.com", active: false });
    await members.upsert({ workspaceId: ws.id, platformUserId: "U_TWIN1", displayName: "Twin 1", email: "twins@example.com" });
    await members.upsert({ workspaceId: ws.id, platformUserId: "U_TWIN2", displayName: "Twin 2", email: "Twins@Example.com" });
    const bad = await importRows(ws, rows(["TWINS@example.com", "2026-03-02", "absent"], ["u_ada", "2026-03-02", "absent"]));
    expect(bad.ok ? [] : bad.error.problems).toEqual([
      { line: 2, field: "member", reason: '"TWINS@example.com" is the email of 2 members (U_TWIN1, U_TWIN2): use the user id instead.' },
      // User ids match exactly: the platform's ids are case-sensitive.
      { line: 3, field: "member", reason: expect.stringContaining('"u_ada" is not in the workspace\'s directory') },
    ]);
    const good = await importRows(
      ws,
      rows(["ADA.LOVELACE@EXAMPLE.COM", "2026-03-02", "absent"], ["Bob@Example.com", "2026-03-02", "late"], ["U_TWIN1", "2026-03-02", "late"]),
    );
    expect(good.ok && good.value.created).toBe(3);
    const saved = await t.db.prisma.attendanceOccurrence.findMany({ where: { workspaceId: ws.id }, select: { memberId: true } });
    expect(saved.map((o) => o.memberId)).toEqual(expect.arrayContaining([ada.id, bob.id]));
  });

  it("applies one-occurrence-a-day between rows of the file, whatever their order", async () => {
    const { ws } = await team();
    const result = await importRows(
      ws,
      rows(
        ["U_ADA", "2026-03-02", "late"], // 2
        ["U_ADA", "2026-03-02", "absent"], // 3: a late arrival already takes the day
        ["U_BOB", "2026-03-02", "excused"], // 4
        ["bob@example.com", "2026-03-02", "absent"], // 5: the same person by email
        ["U_BOB", "2026-03-02", "excused"], // 6: a repeat, not a conflict
      ),
    );
    expect(result.ok ? [] : result.error.problems).toEqual([
      { line: 3, field: "type", reason: "conflicts with line 2, which gives Ada a late arrival on 2026-03-02: a day holds one occurrence." },
      { line: 5, field: "type", reason: "conflicts with line 4, which gives Bob an excused absence on 2026-03-02: a day holds one occurrence." },
    ]);
    expect((await state(ws)).occurrences).toBe(0);
  });

  it("re-evaluates a period already closed: an absence reverses its credit, once", async () => {
    const { ws, ada, bob } = await team();
    const closedAt = new Date("2026-03-02T08:00:00Z");
    const period = { periodStart: new Date("2026-02-23"), periodEnd: new Date("2026-03-02") };
    const result = await t.db.prisma.periodResult.create({
      data: { workspaceId: ws.id, memberId: ada.id, ...period, points: 0, clean: true, streak: 1, hoursCredited: 2, closedAt },
    });
    await t.db.prisma.ptoLedgerEntry.create({
      data: {
        workspaceId: ws.id,
        memberId: ada.id,
        hours: 2,
        kind: "credit",
        reason: "clean period",
        actor: "system",
        periodResultId: result.id,
        dedupeKey: `credit:${result.id}`,
        createdAt: closedAt,
      },
    });
    const bobResult = await t.db.prisma.periodResult.create({
      data: { workspaceId: ws.id, memberId: bob.id, ...period, points: 0, clean: true, streak: 1, hoursCredited: 2, closedAt },
    });

    const imported = await importRows(
      ws,
      rows(["U_ADA", "2026-02-24", "absent"], ["U_ADA", "2026-02-25", "late"], ["U_BOB", "2026-02-24", "excused"], ["U_ADA", "2026-03-03", "late"]),
    );
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    expect(imported.value.created).toBe(4);
    // Two occurrences in Ada's closed period, one reversal; Bob's excused absence carries no points.
    expect(imported.value.corrections).toEqual([
      {
        member: expect.objectContaining({ id: ada.id }),
        correction: {
          kind: "reversal",
          hours: 2,
          shortfall: 0,
          period: { start: "2026-02-23", end: "2026-03-02" },
          later: { periods: 0, credited: 0, reversed: 0 },
        },
      },
    ]);
    const ledger = await t.db.prisma.ptoLedgerEntry.findMany({ where: { memberId: ada.id }, orderBy: { createdAt: "asc" } });
    expect(ledger.map((l) => [l.kind, Number(l.hours), l.actor])).toEqual([
      ["credit", 2, "system"],
      ["reversal", -2, "cli"],
    ]);
    const after = await t.db.prisma.periodResult.findUniqueOrThrow({ where: { id: result.id } });
    expect([after.clean, after.streak, Number(after.points), Number(after.hoursCredited)]).toEqual([false, 0, 2, 0]);
    const bobAfter = await t.db.prisma.periodResult.findUniqueOrThrow({ where: { id: bobResult.id } });
    expect([bobAfter.clean, Number(bobAfter.hoursCredited)]).toEqual([true, 2]);
    expect(await t.db.prisma.auditLog.count({ where: { workspaceId: ws.id, action: "pto.reversal" } })).toBe(1);
    expect(await t.db.prisma.outbox.count({ where: { workspaceId: ws.id, dedupeKey: { startsWith: "pto:reversal:" } } })).toBe(1);

    // Importing the file again finds every row recorded and leaves the ledger alone.
    const again = await importRows(ws, rows(["U_ADA", "2026-02-24", "absent"], ["U_ADA", "2026-02-25", "late"]));
    expect(again).toEqual({ ok: true, value: { created: 0, duplicates: 2, corrections: [] } });
    expect(await t.db.prisma.ptoLedgerEntry.count({ where: { memberId: ada.id } })).toBe(2);
  });

  it("a dry run checks and counts but saves nothing", async () => {
    const { ws } = await team();
    const result = await importAttendance(ports, { workspace: ws, rows: rows(["U_ADA", "2026-03-02", "absent"]), actor: "cli", dryRun: true });
    expect(result).toEqual({ ok: true, value: { created: 1, duplicates: 0, corrections: [] } });
    expect((await state(ws)).occurrences).toBe(0);
  });

  it("two imports of one file at the same time save it once (the members are locked)", async () => {
    const { ws } = await team();
    const file = rows(["U_ADA", "2026-03-02", "absent"], ["U_BOB", "2026-03-02", "late"], ["U_ADA", "2026-03-03", "late"]);
    const [a, b] = await Promise.all([importRows(ws, file), importRows(ws, [...file].reverse())]);
    const created = [a, b].map((r) => (r.ok ? r.value.created : -1));
    expect(created.sort()).toEqual([0, 3]);
    expect((await state(ws)).occurrences).toBe(3);
  });

  it("an empty file imports nothing", async () => {
    const { ws } = await team();
    expect(await importRows(ws, [])).toEqual({ ok: true, value: { created: 0, duplicates: 0, corrections: [] } });
  });
});

describe("wowbot import attendance (the command on a database of its own)", () => {
  let c: CliDatabase;
  let dir: string;
  let workspaceId: string;
  const cli = (...argv: string[]) => c.cli(...argv);
  const withDb = <T>(fn: (db: Database) => Promise<T>) => c.withDb(fn);
  const csv = (name: string, text: string) => c.file(name, text);

  beforeAll(async () => {
    c = await cliDatabase("import");
    dir = c.dir;
    workspaceId = c.workspace.id;
    await withDb(async (db) => {
      const repo = new MemberRepository(db);
      await repo.upsert({ workspaceId, platformUserId: "U_ADA", displayName: "Ada", email: "ada@example.com" });
      await repo.upsert({ workspaceId, platformUserId: "U_BOB", displayName: "Bob" });
    });
  });
  afterAll(() => c.close());

  const occurrences = () => withDb((db) => db.prisma.attendanceOccurrence.findMany({ orderBy: { date: "asc" } }));

  it("imports a file (BOM, CRLF, quoted notes, columns in any order, blank lines) and skips it the second time", async () => {
    const file = csv(
      "good.csv",
      '\uFEFFnote,Member,date,type\r\n"bus, then ""the"" train",ada@example.com,2026-03-02,late\r\n\r\n,U_BOB,2026-03-03,absent\r\n',
    );
    const first = await cli("import", "attendance", file);
    expect(first).toEqual({ code: 0, out: ["Imported 2 attendance records."], err: [] });
    expect((await occurrences()).map((o) => [o.type, o.note, o.recordedBy])).toEqual([
      ["late", 'bus, then "the" train', "cli"],
      ["absence", null, "cli"],
    ]);
    const again = await cli("import", "attendance", file, "--workspace", "T_CLI");
    expect(again).toEqual({ code: 0, out: ["Imported 0 attendance records (2 already recorded, skipped)."], err: [] });
    expect(await occurrences()).toHaveLength(2);
  });

  it("lists every bad row on stderr with its file line, imports nothing and exits 1", async () => {
    const file = csv(
      "bad.csv",
      [
        "member,date,type,note", // 1
        "U_ADA,2026-03-04,absent,fine", // 2
        "U_NOBODY,2026-03-04,absent,", // 3
        '"U_BOB","2026-02-30",late,"a note', // 4: the quoted note runs over two lines
        'that goes on"', // 5
        "U_BOB,2026-03-05,sick,", // 6
        "U_ADA,2026-03-05,late,one,two", // 7: an unquoted comma
        "",
      ].join("\n"),
    );
    const r = await cli("import", "attendance", file, `--workspace=${workspaceId}`);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual([
      'line 3, member: "U_NOBODY" is not in the workspace\'s directory: use their user id or the email the workspace knows them by.',
      'line 4, date: "2026-02-30" is not a date: use YYYY-MM-DD.',
      'line 6, type: "sick" is not an attendance type: use absent, late or excused.',
      "line 7, row: 5 values for 4 columns: put values containing commas in double quotes.",
      "Nothing was imported.",
    ]);
    expect(await occurrences()).toHaveLength(2);
  });

  it("refuses a file it cannot read or whose header does not name the columns, with exit code 1", async () => {
    const missing = await cli("import", "attendance", path.join(dir, "nope.csv"));
    expect(missing).toEqual({ code: 1, out: [], err: [`wowbot import: cannot read ${path.join(dir, "nope.csv")}: no such file.`] });
    const headerless = await cli("import", "attendance", csv("headerless.csv", "U_ADA,2026-03-02,absent\n"));
    expect(headerless.code).toBe(1);
    expect(headerless.err[0]).toContain('line 1: unknown column "U_ADA": the first row must name the columns member, date, type and (optionally) note.');
    // Excel in some languages saves CSV with semicolons: say so, rather than only "unknown column".
    const excel = await cli("import", "attendance", csv("excel.csv", "member;date;type;note\r\nU_ADA;2026-03-02;absent;\r\n"));
    expect(excel).toEqual({
      code: 1,
      out: [],
      err: [
        `wowbot import: ${path.join(dir, "excel.csv")}, line 1: unknown column "member;date;type;note": the values seem to be separated by ";" rather than commas (Excel saves CSV that way in some languages): save the file as "CSV UTF-8 (Comma delimited)", or replace the separators with commas.`,
        "Nothing was imported.",
      ],
    });
    const open = await cli("import", "attendance", csv("open.csv", 'member,date,type,note\nU_ADA,2026-03-02,absent,"never closed\n'));
    expect(open.err).toEqual([expect.stringContaining("line 2: a quoted value is never closed"), "Nothing was imported."]);
    expect(await occurrences()).toHaveLength(2);
  });

  it("exits 3 on a bad configuration", async () => {
    vi.stubEnv("LOG_LEVEL", "loud");
    try {
      const r = await cli("import", "attendance", path.join(dir, "good.csv"));
      expect(r.code).toBe(3);
      expect(r.err).toEqual(['LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"']);
    } finally {
      vi.stubEnv("LOG_LEVEL", "");
    }
  });

  it("needs --workspace when there are several, and lists them for an unknown one (usage, exit 2)", async () => {
    await withDb((db) => new WorkspaceRepository(db).ensure({ platform: "slack", externalId: "T_OTHER", name: "Other team", timezone: "UTC" }));
    const file = path.join(dir, "good.csv");
    const several = await cli("import", "attendance", file);
    expect(several.code).toBe(2);
    expect(several.err[0]).toBe("wowbot import: there are 2 workspaces: choose one with --workspace ID:");
    expect(several.err.slice(1).join("\n")).toMatch(/T_CLI {2}CLI team\n.*T_OTHER {2}Other team/);
    const unknown = await cli("import", "attendance", file, "--workspace", "T_NOPE");
    expect(unknown.code).toBe(2);
    expect(unknown.err[0]).toBe('wowbot import: there is no workspace "T_NOPE". The workspaces are:');
    const chosen = await cli("import", "attendance", file, "--workspace", "T_CLI");
    expect(chosen.out).toEqual(["Imported 0 attendance records (2 already recorded, skipped)."]);
  });
});

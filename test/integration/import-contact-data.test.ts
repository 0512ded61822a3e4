// `wowbot import service-level|chat-sessions FILE.csv` on a database of its own: the API's rules through the same use
// cases, every bad row listed by file line and column with nothing saved, and a re-import that changes nothing.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.js";
import { MemberRepository } from "../../src/db/member.repository.js";
import { type CliDatabase, cliDatabase } from "../support/cli-database.js";

let c: CliDatabase;
const cli = (...argv: string[]) => c.cli(...argv);
const withDb = <T>(fn: (db: Database) => Promise<T>) => c.withDb(fn);
const csv = (name: string, lines: string[]) => c.file(name, `${lines.join("\r\n")}\r\n`);

beforeAll(async () => {
  c = await cliDatabase("import-contact");
  await withDb(async (db) => {
    const members = new MemberRepository(db);
    await members.upsert({ workspaceId: c.workspace.id, platformUserId: "U_ADA", displayName: "Ada", email: "ada@example.com" });
    await members.upsert({ workspaceId: c.workspace.id, platformUserId: "U_BOB", displayName: "Bob" });
  });
});
afterAll(() => c.close());

describe("wowbot import service-level", () => {
  const days = () =>
    withDb(async (db) =>
      (await db.prisma.serviceLevelDay.findMany({ include: { member: true }, orderBy: [{ date: "asc" }, { member: { platformUserId: "asc" } }] })).map((d) => [
        d.member.platformUserId,
        d.date.toISOString().slice(0, 10),
        d.customerFacingSeconds,
        d.availableSeconds,
        d.updatedAt.toISOString(),
      ]),
    );

  it("imports a file (headers in any case and order), and the same file again changes nothing", async () => {
    const file = csv("sl.csv", [
      "\uFEFFDate,MEMBER,availableseconds,customerFacingSeconds",
      "2026-03-02,U_ADA,27000,21600",
      "2026-03-02,ADA@example.com,27000,21600", // the same row again, by email
      "2026-03-02, U_BOB ,28800,18000",
      "",
      "2026-03-03,U_BOB,0,0",
    ]);
    expect(await cli("import", "service-level", file)).toEqual({
      code: 0,
      out: ["Imported 4 service-level days: 3 new, 0 updated, 1 unchanged."],
      err: [],
    });
    const saved = await days();
    expect(saved.map((d) => d.slice(0, 4))).toEqual([
      ["U_ADA", "2026-03-02", 21600, 27000],
      ["U_BOB", "2026-03-02", 18000, 28800],
      ["U_BOB", "2026-03-03", 0, 0],
    ]);
    expect(await cli("import", "service-level", file, "--workspace", "T_CLI")).toEqual({
      code: 0,
      out: ["Imported 4 service-level days: 0 new, 0 updated, 4 unchanged."],
      err: [],
    });
    expect(await days()).toEqual(saved);

    const corrected = csv("sl-corrected.csv", ["member,date,customerFacingSeconds,availableSeconds", "U_BOB,2026-03-03,3600,7200"]);
    expect((await cli("import", "service-level", corrected)).out).toEqual(["Imported 1 service-level day: 0 new, 1 updated, 0 unchanged."]);
    expect((await days()).map((d) => d.slice(0, 4))[2]).toEqual(["U_BOB", "2026-03-03", 3600, 7200]);
  });

  it("lists every bad row with its file line and column, imports nothing and exits 1", async () => {
    const before = await days();
    const file = csv("sl-bad.csv", [
      "member,date,customerFacingSeconds,availableSeconds", // 1
      "U_ADA,2026-03-04,100,200", // 2: fine
      "U_NOBODY,2026-03-04,100,200", // 3
      "U_ADA,2099-01-01,100,200", // 4
      "U_BOB,2026-03-04,1.5,abc", // 5
      "U_BOB,2026-03-04,300,200", // 6
      "U_ADA,2026-03-04,101,200", // 7: conflicts with line 2
      "U_BOB,2026-03-05,,200", // 8
      "U_BOB,2026-03-06,1,2,3", // 9: an unquoted comma
    ]);
    const r = await cli("import", "service-level", file);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual([
      'line 3, member: "U_NOBODY" is not in the workspace\'s directory: use their user id or the email the workspace knows them by.',
      expect.stringMatching(/^line 4, date: 2099-01-01 is in the future \(today is \d{4}-\d\d-\d\d in UTC\): send a day once it has happened\.$/),
      'line 5, customerFacingSeconds: customerFacingSeconds must be whole seconds, 0 to 86400 (got "1.5").',
      'line 5, availableSeconds: availableSeconds must be whole seconds, 0 to 86400 (got "abc").',
      "line 6, customerFacingSeconds: customerFacingSeconds is more than availableSeconds: customer-facing time is part of available time.",
      "line 7, row: conflicts with line 2: the same member and date with other figures.",
      "line 8, customerFacingSeconds: customerFacingSeconds is missing: give whole seconds, 0 to 86400.",
      "line 9, row: 5 values for 4 columns: put values containing commas in double quotes.",
      "Nothing was imported.",
    ]);
    expect(await days()).toEqual(before);
  });

  it("saves nothing when the only problem is a malformed line", async () => {
    const before = await days();
    const file = csv("sl-malformed.csv", ["member,date,customerFacingSeconds,availableSeconds", "U_ADA,2026-03-06,100,200", "U_BOB,2026-03-06,1,2,3"]);
    expect(await cli("import", "service-level", file)).toEqual({
      code: 1,
      out: [],
      err: ["line 3, row: 5 values for 4 columns: put values containing commas in double quotes.", "Nothing was imported."],
    });
    expect(await days()).toEqual(before);
  });

  it("refuses a header that does not name the columns", async () => {
    const r = await cli("import", "service-level", csv("sl-header.csv", ["member,date,seconds", "U_ADA,2026-03-02,1"]));
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      `wowbot import: ${path.join(c.dir, "sl-header.csv")}, line 1: unknown column "seconds": the first row must name the columns member, date, customerFacingSeconds, availableSeconds.`,
      "Nothing was imported.",
    ]);
  });
});

describe("wowbot import chat-sessions", () => {
  const sessions = () =>
    withDb(async (db) =>
      (await db.prisma.chatSession.findMany({ include: { member: true }, orderBy: { sessionId: "asc" } })).map((s) => [
        s.sessionId,
        s.member.platformUserId,
        s.customerLeftAt?.toISOString() ?? null,
        s.agentClosedAt?.toISOString() ?? null,
        s.idleSeconds,
      ]),
    );

  it("imports sessions with optional columns empty or left out, and re-imports without change", async () => {
    const file = csv("chats.csv", [
      "member,sessionId,startedAt,customerLeftAt,agentClosedAt",
      "U_ADA,c-1,2026-03-02T09:00:00Z,2026-03-02T09:20:00Z,2026-03-02T09:24:00Z",
      "ada@example.com,c-2,2026-03-02T10:00:00+01:00,,",
    ]);
    expect(await cli("import", "chat-sessions", file)).toEqual({ code: 0, out: ["Imported 2 chat sessions: 2 new, 0 updated, 0 unchanged."], err: [] });
    expect(await sessions()).toEqual([
      ["c-1", "U_ADA", "2026-03-02T09:20:00.000Z", "2026-03-02T09:24:00.000Z", 240],
      ["c-2", "U_ADA", null, null, null],
    ]);
    expect((await cli("import", "chat-sessions", file)).out).toEqual(["Imported 2 chat sessions: 0 new, 0 updated, 2 unchanged."]);

    const closed = csv("chats-closed.csv", ["sessionId,member,startedAt", "c-3,U_BOB,2026-03-02T11:00:00Z"]);
    expect((await cli("import", "chat-sessions", closed)).out).toEqual(["Imported 1 chat session: 1 new, 0 updated, 0 unchanged."]);
    expect(await sessions()).toHaveLength(3);
  });

  it("lists bad rows by line, imports nothing", async () => {
    const before = await sessions();
    const file = csv("chats-bad.csv", [
      "member,sessionId,startedAt,customerLeftAt,agentClosedAt", // 1
      "U_ADA,c-9,2026-03-02 09:00,,", // 2
      "U_ADA,c-10,2026-03-02T09:00:00Z,2026-03-02T08:00:00Z,", // 3
      "U_BOB,c-11,2026-03-02T09:00:00Z,,", // 4: fine alone
      "U_ADA,c-11,2026-03-02T09:00:00Z,,", // 5: the same session, another agent
    ]);
    const r = await cli("import", "chat-sessions", file);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      'line 2, startedAt: "2026-03-02 09:00" is not a timestamp with an offset: use ISO 8601 with a time zone offset, such as 2026-03-02T09:15:00Z or 2026-03-02T10:15:00+01:00.',
      "line 3, customerLeftAt: customerLeftAt is before startedAt.",
      "line 5, row: conflicts with line 4: the same sessionId with other values.",
      "Nothing was imported.",
    ]);
    expect(await sessions()).toEqual(before);
  });
});

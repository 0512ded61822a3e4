// `/wowbot export` end to end: an admin gets the CSV as a file in their DM through Slack's external upload flow
// (on the fake Slack, over loopback); agents and leads are refused; bad arguments get usage; a refused upload is told
// privately. The file is checked byte for byte.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedExportScores } from "../support/seeds.js";
import { startTestService, type TestService } from "../support/service.js";

const BOM = "\uFEFF";

describe("/wowbot export", () => {
  let t: TestService;
  const ids: Record<string, string> = {};
  const exportCmd = (text: string, user = "U0BOSS") => t.slack.command({ command: "/wowbot", text: `export ${text}`, user_id: user });
  /** Every private reply to the last command, in order. */
  const replies = () =>
    t.fakeSlack.calls
      .filter((c) => c.method.startsWith("response/"))
      .filter((c, _, all) => c.method === all.at(-1)?.method)
      .map((c) => String(c.args.text));

  beforeAll(async () => {
    t = await startTestService({ env: { WOWBOT_ADMINS: "U0BOSS" } });
    t.fakeSlack.addUser({ id: "U0BOSS", name: "boss", email: "boss@example.com" });
    t.fakeSlack.addUser({ id: "U0AGENT", name: "Ada", email: "ada@example.com" });
    t.fakeSlack.addUser({ id: "U0LEAD", name: "=Lena", email: "lena@example.com" });
    // Everyone uses wowbot once, so they are members; Lena becomes a lead.
    await t.slack.command({ command: "/wowbot", text: "help", user_id: "U0AGENT" });
    await t.slack.command({ command: "/wowbot", text: "role <@U0LEAD> lead", user_id: "U0BOSS" });
    const [ada, lena] = await Promise.all([
      t.prisma.member.findFirstOrThrow({ where: { platformUserId: "U0AGENT" } }),
      t.prisma.member.findFirstOrThrow({ where: { platformUserId: "U0LEAD" } }),
    ]);
    Object.assign(ids, await seedExportScores(t.prisma, ada, lena));
    t.fakeSlack.reset();
  });
  afterAll(() => t.stop());

  it("sends an admin the CSV as a file in their DM, after saying it is being prepared", async () => {
    const reply = await exportCmd("scores");
    expect(replies()).toEqual([
      ":information_source: Preparing your scores export… I'll send it to you in a direct message.",
      ":white_check_mark: Sent wowbot-scores-all.csv (2 rows) to you in a direct message.",
    ]);
    expect(reply.response_type).toBe("ephemeral");
    expect(t.fakeSlack.callsOf("conversations.open").at(-1)?.args.users).toBe("U0BOSS");
    const [file, ...others] = t.fakeSlack.filesSharedIn("D0BOSS");
    expect(others).toEqual([]);
    expect(file?.filename).toBe("wowbot-scores-all.csv");
    expect(file?.completed?.title).toBe("wowbot-scores-all.csv");
    expect(file?.completed?.initialComment).toContain("Your scores export: 2 rows.");
    expect(file?.length).toBe(file?.bytes?.length);
    expect(file?.bytes?.toString("utf8")).toBe(
      BOM +
        [
          "score_id,created_at,agent_user_id,agent_name,agent_email,scorer_user_id,scorer_name,scorer_email,reference,channel,connection_attempts,rapport,unstated_needs,wow,score,note,status,superseded_by",
          `${ids.s1},2026-03-01T10:00:00+00:00,U0AGENT,Ada,ada@example.com,U0LEAD,'=Lena,lena@example.com,CALL-1,phone,1,yes,partly,no,70,"Good, but ""hold"" less",current,`,
          `${ids.s2},2026-03-02T10:00:00+00:00,U0AGENT,Ada,ada@example.com,U0LEAD,'=Lena,lena@example.com,CALL-2,phone,1,yes,partly,no,88,'@here great call,current,`,
          "",
        ].join("\r\n"),
    );
    expect(await t.prisma.auditLog.findFirst({ where: { action: "export" } })).toMatchObject({
      actor: "U0BOSS",
      subject: "export:scores",
      after: { kind: "scores", from: null, to: null, rows: 2 },
    });
    // Nothing went anywhere but the admin's DM.
    expect(t.fakeSlack.callsOf("chat.postMessage")).toEqual([]);
  });

  it("takes a date range; an empty one still sends the header row, and says so", async () => {
    await exportCmd("scores 2026-03-02 2026-03-02");
    const day = t.fakeSlack.filesSharedIn("D0BOSS").at(-1);
    expect(day?.filename).toBe("wowbot-scores-2026-03-02-to-2026-03-02.csv");
    const lines = day?.bytes?.toString("utf8").split("\r\n");
    expect(lines?.map((l) => l.split(",")[0])).toEqual([`${BOM}score_id`, ids.s2, ""]);

    await exportCmd("nominations 2027-01-01");
    expect(replies().at(-1)).toBe(":white_check_mark: Sent wowbot-nominations-2027-01-01-to-now.csv (0 rows) to you in a direct message.");
    const empty = t.fakeSlack.filesSharedIn("D0BOSS").at(-1);
    expect(empty?.completed?.initialComment).toContain("nothing in that range, so the file has the header row only");
    expect(empty?.bytes?.toString("utf8")).toBe(
      `${BOM}nomination_id,created_at,nominee_user_id,nominee_name,nominee_email,nominator_user_id,nominator_name,nominator_email,reference,story,behaviours,seconds,status,status_changed_at\r\n`,
    );
  });

  it("refuses agents and leads, and sends them nothing", async () => {
    t.fakeSlack.reset();
    for (const user of ["U0AGENT", "U0LEAD"]) {
      const reply = await exportCmd("scores", user);
      expect(reply.text).toBe(":no_entry_sign: Only admins can export wowbot's data.");
      expect(replies()).toHaveLength(1);
    }
    expect(t.fakeSlack.callsOf("files.getUploadURLExternal")).toEqual([]);
    expect(t.fakeSlack.callsOf("conversations.open")).toEqual([]);
    expect(await t.prisma.auditLog.count({ where: { action: "export", actor: { in: ["U0AGENT", "U0LEAD"] } } })).toBe(0);
  });

  it("answers bad arguments with what is wrong and the usage, exporting nothing", async () => {
    t.fakeSlack.reset();
    const usage = "Usage: `/wowbot export nominations|scores|attendance|ledger|calibrations|feedback [from YYYY-MM-DD] [to YYYY-MM-DD]` (admins).";
    expect((await exportCmd("")).text).toBe(`:information_source: ${usage}`);
    expect((await exportCmd("payroll")).text).toBe(
      `:no_entry_sign: "payroll" cannot be exported: use nominations, scores, attendance, ledger, calibrations or feedback. ${usage}`,
    );
    expect((await exportCmd("scores 2026-13-01")).text).toContain('"2026-13-01" is not a date: use YYYY-MM-DD for the from date.');
    expect((await exportCmd("ledger 2026-03-01 march")).text).toContain('"march" is not a date: use YYYY-MM-DD for the to date.');
    expect((await exportCmd("attendance 2026-03-31 2026-03-01")).text).toContain(
      "The range ends (2026-03-01) before it starts (2026-03-31): put the earlier date first.",
    );
    expect((await exportCmd("scores 2026-03-01 2026-03-31 please")).text).toContain('"please" is one word too many.');
    expect(t.fakeSlack.callsOf("files.getUploadURLExternal")).toEqual([]);
  });

  it("tells the admin privately when Slack refuses the file", async () => {
    t.fakeSlack.reset();
    t.fakeSlack.fail("files.completeUploadExternal", { error: "not_in_channel" });
    await exportCmd("scores");
    expect(replies()).toEqual([
      ":information_source: Preparing your scores export… I'll send it to you in a direct message.",
      ":no_entry_sign: I couldn't send the export to you (Slack said: not_in_channel). Nothing was shared; try again in a moment.",
    ]);
    expect(t.fakeSlack.filesSharedIn("D0BOSS")).toEqual([]);
  });
});

describe("/wowbot export over EXPORT_MAX_MB", () => {
  let t: TestService;

  beforeAll(async () => {
    t = await startTestService({ env: { WOWBOT_ADMINS: "U0BOSS", EXPORT_MAX_MB: "1" } });
    t.fakeSlack.addUser({ id: "U0BOSS", name: "boss" });
    await t.slack.command({ command: "/wowbot", text: "help", user_id: "U0BOSS" });
    const boss = await t.prisma.member.findFirstOrThrow({ where: { platformUserId: "U0BOSS" } });
    // 1,100 nominations of 1,000-character stories: about 1.1 MB of CSV, just over the 1 MB limit.
    await t.prisma.nomination.createMany({
      data: Array.from({ length: 1100 }, (_, i) => ({
        workspaceId: boss.workspaceId,
        nomineeId: boss.id,
        nominatorId: boss.id,
        story: `${i} ${"x".repeat(1000)}`,
        behaviours: ["wow"],
        createdAt: new Date(Date.UTC(2026, 2, 1, 0, 0, i)),
      })),
    });
    t.fakeSlack.reset();
  });
  afterAll(() => t.stop());

  it("refuses an export over the limit, sends nothing and points to a shorter range or the CLI", async () => {
    const refused = await t.slack.command({ command: "/wowbot", text: "export nominations 2026-03-01", user_id: "U0BOSS" });
    expect(refused.text).toBe(
      ":no_entry_sign: This export is larger than 1 MB, too large to send in chat. Nothing was sent: ask for a shorter range (from and to dates), or run `wowbot export nominations --from 2026-03-01` on the server, which has no size limit.",
    );
    expect(t.fakeSlack.callsOf("files.getUploadURLExternal")).toEqual([]);
    expect(await t.prisma.auditLog.count({ where: { action: "export" } })).toBe(0);
  });

  it("still sends one that fits", async () => {
    await t.slack.command({ command: "/wowbot", text: "export nominations 2026-02-01 2026-02-28", user_id: "U0BOSS" });
    expect(t.fakeSlack.filesSharedIn("D0BOSS")).toHaveLength(1);
  });
});

// `wowbot export` on Teams end to end (twin of slack-export.test.ts): an admin gets a file-consent card in their
// 1:1 chat; accepting uploads the CSV (built again, byte for byte as on Slack) to the upload URL on the fake
// connector and shows a file card; declining cancels; agents and leads are refused; bad arguments get usage; an
// export over EXPORT_MAX_MB is refused before any card.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPORT_CANCELLED, FILE_CONSENT_CARD, FILE_INFO_CARD } from "../../src/adapters/teams/export.js";
import { notice, SENT_PRIVATELY } from "../../src/views/notice.js";
import type { CapturedActivity, FakeTeamsUser } from "../support/fake-bot-connector.js";
import { seedExportScores } from "../support/seeds.js";
import { startTestService, type TestService } from "../support/service.js";
import { personalConversationId, rendered, TEAMS_CHANNEL } from "../support/teams-requests.js";

const BOM = "\uFEFF";
const boss: FakeTeamsUser = { id: "29:boss", aadObjectId: "bbbbbbbb-0000-4000-8000-00000000b055", name: "boss", email: "boss@example.com" };
const ada: FakeTeamsUser = { id: "29:ada", aadObjectId: "bbbbbbbb-0000-4000-8000-000000000ada", name: "Ada", email: "ada@example.com" };
const lena: FakeTeamsUser = { id: "29:lena", aadObjectId: "bbbbbbbb-0000-4000-8000-00000000001e", name: "=Lena", email: "lena@example.com" };

const text = (v: Parameters<typeof notice>[1], tone: Parameters<typeof notice>[0] = "info") => rendered(notice(tone, v)).text;
const consentOf = (a: CapturedActivity | undefined) =>
  a?.activity.attachments?.find((x) => x.contentType === FILE_CONSENT_CARD) as
    | { contentType: string; name: string; content: { description: string; sizeInBytes: number; acceptContext: unknown; declineContext: unknown } }
    | undefined;

describe("wowbot export on Teams", () => {
  let t: TestService;
  const ids: Record<string, string> = {};
  const exportCmd = (args: string, user = boss) => t.teams.post(t.teams.message(user, `wowbot export ${args}`));
  const chat = (user = boss) => t.fakeTeams.to(personalConversationId(user));
  const consentAnswer = (action: "accept" | "decline", context: unknown, name = "upload-1.csv", user = boss) =>
    t.teams.post(
      t.teams.invoke(user, "fileConsent/invoke", {
        type: "fileUpload",
        action,
        context,
        uploadInfo:
          action === "accept"
            ? { name, uploadUrl: t.fakeTeams.uploadUrl(name), contentUrl: `https://contoso.example/files/${name}`, uniqueId: `id-${name}`, fileType: "csv" }
            : undefined,
      }),
    );

  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true, env: { WOWBOT_ADMINS: boss.aadObjectId } });
    t.fakeTeams.addMember(boss).addMember(ada).addMember(lena);
    await t.teams.post(t.teams.message(ada, "help"));
    await t.teams.post(t.teams.message(boss, "wowbot role @=Lena lead", { mentions: [lena] }));
    const [adaRow, lenaRow] = await Promise.all([
      t.prisma.member.findFirstOrThrow({ where: { platformUserId: ada.aadObjectId } }),
      t.prisma.member.findFirstOrThrow({ where: { platformUserId: lena.aadObjectId } }),
    ]);
    expect(lenaRow.role).toBe("lead");
    Object.assign(ids, await seedExportScores(t.prisma, adaRow, lenaRow));
    t.fakeTeams.clear();
  });
  afterAll(() => t?.stop());

  it("asks an admin for consent in their 1:1 chat with name, size and what to export, and audits nothing yet", async () => {
    const res = await exportCmd("scores");
    expect(res.status).toBe(200);
    const [preparing, card, ...more] = chat();
    expect(more).toEqual([]);
    expect(preparing?.activity.text).toBe(text("Preparing your scores export… I'll send it to you in a direct message."));
    const consent = consentOf(card);
    expect(consent?.name).toBe("wowbot-scores-all.csv");
    expect(consent?.content.description).toMatch(/^Your scores export: 2 rows, \d+ bytes\. Allow me to save it to your OneDrive to get it\.$/);
    expect(consent?.content.acceptContext).toEqual({ wowbot: "export", kind: "scores", from: null, to: null });
    // The context names the export; the data itself never travels in the card.
    expect(JSON.stringify(card?.activity)).not.toContain("CALL-1");
    expect(await t.prisma.auditLog.count({ where: { action: "export" } })).toBe(0);
    expect(t.fakeTeams.uploads).toEqual([]);
  });

  it("on accept builds the CSV again, uploads it byte for byte, shows the file card and audits the export", async () => {
    const card = consentOf(chat().at(-1));
    t.fakeTeams.clear();
    const res = await consentAnswer("accept", card?.content.acceptContext, "wowbot-scores-all.csv");
    expect(res.status).toBe(200);
    const [upload, ...others] = t.fakeTeams.uploads;
    expect(others).toEqual([]);
    const expected =
      BOM +
      [
        "score_id,created_at,agent_user_id,agent_name,agent_email,scorer_user_id,scorer_name,scorer_email,reference,channel,connection_attempts,rapport,unstated_needs,wow,score,note,status,superseded_by",
        `${ids.s1},2026-03-01T10:00:00+00:00,${ada.aadObjectId},Ada,ada@example.com,${lena.aadObjectId},'=Lena,lena@example.com,CALL-1,phone,1,yes,partly,no,70,"Good, but ""hold"" less",current,`,
        `${ids.s2},2026-03-02T10:00:00+00:00,${ada.aadObjectId},Ada,ada@example.com,${lena.aadObjectId},'=Lena,lena@example.com,CALL-2,phone,1,yes,partly,no,88,'@here great call,current,`,
        "",
      ].join("\r\n");
    expect(upload?.bytes.toString("utf8")).toBe(expected);
    const size = upload?.bytes.length ?? 0;
    expect(upload?.contentRange).toBe(`bytes 0-${size - 1}/${size}`);
    expect(card?.content.sizeInBytes).toBe(size);
    const [info, ...rest] = chat();
    expect(rest).toEqual([]);
    expect(info?.activity.text).toContain("Your scores export: 2 rows.");
    expect(info?.activity.attachments).toEqual([
      {
        contentType: FILE_INFO_CARD,
        name: "wowbot-scores-all.csv",
        contentUrl: "https://contoso.example/files/wowbot-scores-all.csv",
        content: { uniqueId: "id-wowbot-scores-all.csv", fileType: "csv" },
      },
    ]);
    expect(await t.prisma.auditLog.findFirst({ where: { action: "export" } })).toMatchObject({
      actor: boss.aadObjectId,
      subject: "export:scores",
      after: { kind: "scores", from: null, to: null, rows: 2 },
    });
    // Nothing went anywhere but the admin's 1:1 chat.
    expect(t.fakeTeams.activities.every((a) => a.conversationId === personalConversationId(boss))).toBe(true);
  });

  it("takes a date range; an empty one still sends the header row, and says so", async () => {
    t.fakeTeams.clear();
    await exportCmd("nominations 2027-01-01");
    const consent = consentOf(chat().at(-1));
    expect(consent?.name).toBe("wowbot-nominations-2027-01-01-to-now.csv");
    expect(consent?.content.acceptContext).toEqual({ wowbot: "export", kind: "nominations", from: "2027-01-01", to: null });
    await consentAnswer("accept", consent?.content.acceptContext, "empty.csv");
    expect(chat().at(-1)?.activity.text).toContain("nothing in that range, so the file has the header row only");
    expect(t.fakeTeams.uploads.at(-1)?.bytes.toString("utf8")).toBe(
      `${BOM}nomination_id,created_at,nominee_user_id,nominee_name,nominee_email,nominator_user_id,nominator_name,nominator_email,reference,story,behaviours,seconds,status,status_changed_at\r\n`,
    );
  });

  it("from a channel: the consent card goes to the 1:1 chat, the channel gets one pointer", async () => {
    t.fakeTeams.clear();
    await t.teams.post(t.teams.channelMessage(boss, "wowbot export scores"));
    expect(t.fakeTeams.textsTo(TEAMS_CHANNEL.id)).toEqual([text(SENT_PRIVATELY)]);
    expect(consentOf(chat().at(-1))?.name).toBe("wowbot-scores-all.csv");
  });

  it("declining cancels: nothing is uploaded or audited", async () => {
    t.fakeTeams.clear();
    const audits = await t.prisma.auditLog.count({ where: { action: "export" } });
    const res = await consentAnswer("decline", { wowbot: "export", kind: "scores", from: null, to: null });
    expect(res.status).toBe(200);
    expect(chat().map((a) => a.activity.text)).toEqual([text(EXPORT_CANCELLED)]);
    expect(t.fakeTeams.uploads).toEqual([]);
    expect(await t.prisma.auditLog.count({ where: { action: "export" } })).toBe(audits);
  });

  it("refuses agents and leads, and sends them nothing, also when they answer a consent card", async () => {
    t.fakeTeams.clear();
    for (const user of [ada, lena]) {
      await exportCmd("scores", user);
      expect(chat(user).map((a) => a.activity.text)).toEqual([text("Only admins can export wowbot's data.", "error")]);
      // The permission is checked again on accept: a forged or stale card gets nothing.
      await consentAnswer("accept", { wowbot: "export", kind: "scores", from: null, to: null }, "forged.csv", user);
      expect(chat(user).map((a) => a.activity.text)).toEqual([
        text("Only admins can export wowbot's data.", "error"),
        text("Only admins can export wowbot's data.", "error"),
      ]);
    }
    expect(t.fakeTeams.uploads).toEqual([]);
    expect(t.fakeTeams.activities.some((a) => consentOf(a))).toBe(false);
    expect(await t.prisma.auditLog.count({ where: { action: "export", actor: { in: [ada.aadObjectId, lena.aadObjectId] } } })).toBe(0);
  });

  it("answers bad arguments with what is wrong and the usage, exporting nothing", async () => {
    t.fakeTeams.clear();
    const usage = "Usage: `wowbot export nominations|scores|attendance|ledger|calibrations|feedback [from YYYY-MM-DD] [to YYYY-MM-DD]` (admins).";
    const last = async (args: string) => {
      await exportCmd(args);
      return String(chat().at(-1)?.activity.text);
    };
    expect(await last("")).toBe(text(usage));
    expect(await last("payroll")).toBe(
      text(`"payroll" cannot be exported: use nominations, scores, attendance, ledger, calibrations or feedback. ${usage}`, "error"),
    );
    expect(await last("scores 2026-13-01")).toContain('"2026-13-01" is not a date: use YYYY-MM-DD for the from date.');
    expect(await last("ledger 2026-03-01 march")).toContain('"march" is not a date: use YYYY-MM-DD for the to date.');
    expect(await last("attendance 2026-03-31 2026-03-01")).toContain("The range ends (2026-03-01) before it starts (2026-03-31): put the earlier date first.");
    expect(await last("scores 2026-03-01 2026-03-31 please")).toContain('"please" is one word too many.');
    expect(t.fakeTeams.activities.some((a) => consentOf(a))).toBe(false);
  });

  it("tells the admin privately when the upload is refused, and a card it cannot read", async () => {
    t.fakeTeams.clear();
    t.fakeTeams.fail("upload", { status: 403 });
    await consentAnswer("accept", { wowbot: "export", kind: "scores", from: null, to: null }, "refused.csv");
    expect(chat().map((a) => a.activity.text)).toEqual([
      text("I couldn't send the export to you (Teams said: HTTP 403). Nothing was shared; try again in a moment.", "error"),
    ]);
    await consentAnswer("accept", { wowbot: "export", kind: "payroll", from: null, to: null }, "odd.csv");
    expect(chat().at(-1)?.activity.text).toContain("I couldn't read which export this was.");
    expect(t.fakeTeams.uploads).toEqual([]);
  });
});

describe("wowbot export on Teams over EXPORT_MAX_MB", () => {
  let t: TestService;

  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true, env: { WOWBOT_ADMINS: boss.aadObjectId, EXPORT_MAX_MB: "1" } });
    t.fakeTeams.addMember(boss);
    await t.teams.post(t.teams.message(boss, "help"));
    const me = await t.prisma.member.findFirstOrThrow({ where: { platformUserId: boss.aadObjectId } });
    // 1,100 nominations of 1,000-character stories: about 1.1 MB of CSV, just over the 1 MB limit.
    await t.prisma.nomination.createMany({
      data: Array.from({ length: 1100 }, (_, i) => ({
        workspaceId: me.workspaceId,
        nomineeId: me.id,
        nominatorId: me.id,
        story: `${i} ${"x".repeat(1000)}`,
        behaviours: ["wow"],
        createdAt: new Date(Date.UTC(2026, 2, 1, 0, 0, i)),
      })),
    });
    t.fakeTeams.clear();
  });
  afterAll(() => t?.stop());

  it("refuses an export over the limit before any consent card, and points to a shorter range or the CLI", async () => {
    await t.teams.post(t.teams.message(boss, "wowbot export nominations 2026-03-01"));
    expect(t.fakeTeams.to(personalConversationId(boss)).at(-1)?.activity.text).toBe(
      text(
        "This export is larger than 1 MB, too large to send in chat. Nothing was sent: ask for a shorter range (from and to dates), or run `wowbot export nominations --from 2026-03-01` on the server, which has no size limit.",
        "error",
      ),
    );
    expect(t.fakeTeams.activities.some((a) => consentOf(a))).toBe(false);
    expect(await t.prisma.auditLog.count({ where: { action: "export" } })).toBe(0);
  });

  it("still offers one that fits", async () => {
    await t.teams.post(t.teams.message(boss, "wowbot export nominations 2026-02-01 2026-02-28"));
    expect(consentOf(t.fakeTeams.to(personalConversationId(boss)).at(-1))?.name).toBe("wowbot-nominations-2026-02-01-to-2026-02-28.csv");
  });
});

// Twin of slack-attendance.test.ts on Teams: the attendance dialog and its errors, direct recording, the list with
// Delete, agents refused (command, hand-made dialog submit, forged Delete), malformed ids, pto privacy, cancelling a
// request and forged Approve actions refused; the same stored rows and the same private messages as on Slack.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BUTTON_NOT_VALID } from "../../src/views/notice.js";
import type { FakeTeamsUser } from "../support/fake-bot-connector.js";
import { clearAttendance, creditOpeningBalance } from "../support/seeds.js";
import { startTestService, type TestService } from "../support/service.js";
import { at, closedWith, dialogInputs, errorsBeside, executeButtons, formOpener, shownText, TeamsTwin, teamsUser } from "../support/teams-twins.js";

const BOSS = teamsUser(1, "Bo Boss");
const LEAD = teamsUser(2, "Lena Lead");
const ADA = teamsUser(3, "Ada Agent");
const BEN = teamsUser(4, "Ben Agent");

describe("attendance and PTO on Teams", () => {
  let t: TestService;
  let twin: TeamsTwin;
  const attendance = (text: string, user = LEAD, mentions: FakeTeamsUser[] = []) => twin.told(user, `attendance ${text}`.trim(), mentions);
  const submitAttendance = (user: FakeTeamsUser, fields: { member?: string; date?: string; type?: string; note?: string }) =>
    twin.submit(user, "form.attendance", { member: ADA.aadObjectId, date: "2026-03-02", type: "absence", note: "", ...fields });
  const occurrences = () => t.prisma.attendanceOccurrence.findMany({ where: { deletedAt: null } });
  const memberOf = (user: FakeTeamsUser) => t.prisma.member.findFirstOrThrow({ where: { platformUserId: user.aadObjectId } });

  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true, env: { WOWBOT_ADMINS: BOSS.aadObjectId } });
    twin = new TeamsTwin(t);
    await twin.join([BOSS, LEAD, ADA, BEN]);
    await twin.makeLeads([LEAD]);
  });
  afterAll(() => t?.stop());
  beforeEach(async () => {
    await clearAttendance(t.prisma);
    t.fakeTeams.clear();
  });

  describe("attendance", () => {
    it("offers leads the form, which opens dated today in the workspace time zone", async () => {
      const reply = await twin.says(LEAD, "attendance");
      const opener = formOpener(reply, "form.attendance");
      expect(opener).not.toBeNull();
      const dialog = await twin.open(LEAD, opener ?? {});
      const inputs = dialogInputs(dialog);
      expect(Object.keys(inputs)).toEqual(["member", "date", "type", "note"]);
      expect(inputs.date?.value).toBe("2026-03-02");
    });

    it("records from the dialog, showing problems next to their inputs", async () => {
      expect(errorsBeside(await submitAttendance(LEAD, { date: "2026-03-03" }))).toEqual({
        date: "2026-03-03 is in the future (today is 2026-03-02): record attendance once it has happened.",
      });
      expect(errorsBeside(await submitAttendance(LEAD, { type: "" }))).toEqual({ type: "Choose absence, late arrival or excused absence." });
      expect(errorsBeside(await submitAttendance(LEAD, { member: LEAD.aadObjectId }))).toEqual({
        member: "You can't record or change your own attendance: ask another lead.",
      });
      expect(await occurrences()).toHaveLength(0);
      const saved = await submitAttendance(LEAD, { note: "called in sick" });
      expect(closedWith(saved) ?? JSON.stringify(saved)).toContain("Recorded an absence for Ada Agent on 2026-03-02.");
      expect(await occurrences()).toMatchObject([
        { type: "absence", note: "called in sick", recordedBy: LEAD.aadObjectId, memberId: (await memberOf(ADA)).id },
      ]);
    });

    it("records directly from the command: attendance @agent absent [date] [note]", async () => {
      expect(await attendance(`${at(ADA)} absent 2026-02-27 flat tyre`, LEAD, [ADA])).toContain("Recorded an absence for Ada Agent on 2026-02-27.");
      expect(await occurrences()).toMatchObject([{ type: "absence", date: new Date("2026-02-27"), note: "flat tyre", recordedBy: LEAD.aadObjectId }]);
    });

    it("explains its usage and unknown types", async () => {
      expect(await attendance("ada absent")).toContain('Usage: "attendance" for the form');
      expect(await attendance(`${at(ADA)} sick`, LEAD, [ADA])).toContain('"sick" is not a type of attendance record: use absent, late or excused.');
    });

    it("lists an agent's recent records with Delete buttons, and deletes one (audit-logged)", async () => {
      await attendance(`${at(ADA)} late 2026-02-27 bus strike`, LEAD, [ADA]);
      const list = await twin.says(LEAD, `attendance ${at(ADA)}`, [ADA]);
      expect(shownText(list)).toContain("**2026-02-27**: a late arrival");
      expect(shownText(list)).toContain("bus strike");
      const [o] = await occurrences();
      expect(executeButtons(list)).toEqual([["attendance.delete", { wowbot: "attendance.delete", occurrenceId: o?.id }]]);
      expect(await twin.click(LEAD, "attendance.delete", { occurrenceId: o?.id })).toContain("Deleted a late arrival for Ada Agent on 2026-02-27.");
      expect(await twin.click(LEAD, "attendance.delete", { occurrenceId: o?.id })).toContain("was already deleted");
      expect(await occurrences()).toHaveLength(0);
      expect(await t.prisma.auditLog.findFirst({ where: { action: "attendance.delete" } })).toMatchObject({
        actor: LEAD.aadObjectId,
        before: { member: ADA.aadObjectId, date: "2026-02-27", type: "late" },
      });
    });

    it("refuses agents, even with hand-made dialog submits and forged buttons, and changes nothing", async () => {
      const refused = await twin.says(ADA, `attendance ${at(BEN)} absent`, [BEN]);
      expect(shownText(refused)).toContain("Only leads and admins can record attendance.");
      expect(formOpener(await twin.says(ADA, "attendance"), "form.attendance")).toBeNull();
      // A hand-made dialog opener shows the refusal, not the form.
      const opened = await twin.open(ADA, { wowbot: "form.open", form: "form.attendance" });
      expect(dialogInputs(opened)).toEqual({});
      expect(shownText([], opened)).toContain("Only leads and admins can record attendance.");
      // A hand-made submit: refused (the dialog closes with the reason, as the form can't be reopened for an agent).
      expect(shownText([], await submitAttendance(ADA, { member: BEN.aadObjectId }))).toContain("Only leads and admins can record attendance.");
      await attendance(`${at(BEN)} absent`, LEAD, [BEN]);
      const [o] = await occurrences();
      expect(await twin.click(ADA, "attendance.delete", { occurrenceId: o?.id })).toContain("Only leads and admins can record attendance.");
      expect(await occurrences()).toHaveLength(1);
      expect(await t.prisma.auditLog.count({ where: { actor: ADA.aadObjectId } })).toBe(0);
    });

    it("answers malformed or unknown ids clearly, changing nothing", async () => {
      await attendance(`${at(BEN)} absent`, LEAD, [BEN]);
      expect(await twin.click(LEAD, "attendance.delete", { occurrenceId: "not-a-uuid" })).toContain("That attendance record doesn't exist in this workspace.");
      // Ids no card ever carries (markup, oversized) never reach the use case, and fail nothing.
      for (const occurrenceId of ["<script>alert(1)</script>", "x".repeat(300), 42]) {
        expect(await twin.click(LEAD, "attendance.delete", { occurrenceId })).toContain(BUTTON_NOT_VALID);
      }
      expect(await occurrences()).toHaveLength(1);
      expect(t.logs.filter((l) => l.level === "error")).toEqual([]);
    });
  });

  describe("pto and paid-day requests", () => {
    const credit = async (user: FakeTeamsUser, hours: number) => {
      const m = await memberOf(user);
      await creditOpeningBalance(t.prisma, m, hours, `test:${user.aadObjectId}:${hours}`);
    };
    const request = (user: FakeTeamsUser, date: string) => twin.submit(user, "form.paid_day", { date, note: "" });

    it("shows an agent only their own balance", async () => {
      await credit(BEN, 12);
      expect(await twin.told(BEN, "pto")).toContain("**12 h**, 1 paid day: 4 h to your next paid day.");
      const other = await twin.told(ADA, `pto ${at(BEN)}`, [BEN]);
      expect(other).toContain('PTO balances and attendance points are private: you can only see your own. Try "pto".');
      expect(other).not.toContain("12 h");
      const lead = await twin.told(LEAD, `pto ${at(BEN)}`, [BEN]);
      expect(lead).toContain(`<at>${BEN.name}</at>'s PTO balance: **12 h**`);
      expect(lead).not.toContain("Request a paid day off");
    });

    it("refuses a request the balance does not cover, next to the date", async () => {
      await credit(ADA, 4);
      expect(errorsBeside(await request(ADA, "2026-03-04"))).toEqual({ date: "A paid day takes 8 h; you have 4 h available." });
      expect(await t.prisma.ptoRequest.count()).toBe(0);
    });

    it("lets the agent cancel a pending request, freeing its hours and updating the leads' posts", async () => {
      await credit(ADA, 8);
      await request(ADA, "2026-03-04");
      await t.deliver();
      const r = await t.prisma.ptoRequest.findFirstOrThrow();
      expect(executeButtons(await twin.says(ADA, "pto"))).toContainEqual(["pto.cancel", { wowbot: "pto.cancel", requestId: r.id }]);
      expect(await twin.click(BEN, "pto.cancel", { requestId: r.id })).toContain("You have no such paid-day request.");
      expect(await twin.click(ADA, "pto.cancel", { requestId: r.id })).toContain("Cancelled your request for 2026-03-04; its 8 h are available again.");
      expect(await t.prisma.ptoRequest.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ status: "cancelled" });
      await t.deliver();
      // Every lead and admin got the post in their 1:1 chat; each copy now says it was cancelled, without buttons.
      const updates = t.fakeTeams.activities.filter((a) => a.method === "PUT");
      expect(updates.length).toBeGreaterThanOrEqual(2);
      for (const u of updates) {
        expect(shownText([u.activity])).toContain("Cancelled by the requester");
        expect(executeButtons(u.activity)).toEqual([]);
      }
      expect(await twin.click(LEAD, "pto.approve", { requestId: r.id })).toContain(
        "This request for 2026-03-04 was already cancelled by the requester. Nothing changed.",
      );
      expect(await t.prisma.ptoLedgerEntry.count({ where: { kind: "redemption" } })).toBe(0);
    });

    it("refuses approvals by agents and leads deciding their own request, even from forged buttons", async () => {
      await credit(ADA, 8);
      await credit(LEAD, 8);
      await request(ADA, "2026-03-04");
      await request(LEAD, "2026-03-05");
      const [ada, lead] = await Promise.all(
        [ADA, LEAD].map((u) => t.prisma.ptoRequest.findFirstOrThrow({ where: { member: { platformUserId: u.aadObjectId } } })),
      );
      expect(await twin.click(BEN, "pto.approve", { requestId: ada?.id })).toContain("Only leads and admins can approve or decline paid days off.");
      expect(await twin.click(BEN, "pto.decline", { requestId: ada?.id })).toContain("Only leads and admins can approve or decline paid days off.");
      expect(await twin.click(LEAD, "pto.approve", { requestId: lead?.id })).toContain("You can't decide your own request: another lead has to.");
      expect(await t.prisma.ptoRequest.count({ where: { status: "pending" } })).toBe(2);
      expect(await t.prisma.ptoLedgerEntry.count({ where: { kind: "redemption" } })).toBe(0);
    });
  });

  it("shows the member's PTO and attendance on their page (wowbot stats, Teams' App Home)", async () => {
    const ada = await memberOf(ADA);
    await t.prisma.ptoLedgerEntry.create({
      data: { workspaceId: ada.workspaceId, memberId: ada.id, hours: 11, kind: "adjustment", reason: "opening balance", actor: "test", dedupeKey: "test:home" },
    });
    await attendance(`${at(ADA)} late`, LEAD, [ADA]);
    const page = await twin.told(ADA, "wowbot stats");
    expect(page).toContain("Your PTO and attendance");
    expect(page).toContain("**11 h**, 1 paid day: 5 h to your next paid day.");
    expect(page).toContain("**1 point this week, 6 days left**");
  });
});

// Attendance and PTO on Slack, end to end: the /attendance form and list, who may record, delete and decide (checked
// in the use case, whatever a crafted payload claims), /pto privacy, cancelling a request, and the App Home section.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clearAttendance, creditOpeningBalance } from "../support/seeds.js";
import { startTestService, type TestService } from "../support/service.js";

const LEAD = "U0LEAD";
const ADA = "U0ADA";
const BEN = "U0BEN";

describe("attendance and PTO on Slack", () => {
  let t: TestService;
  let seq = 0;
  const attendance = (text: string, user = LEAD) => t.slack.command({ command: "/attendance", text, user_id: user, trigger_id: `a.${++seq}` });
  const submitAttendance = async (user: string, fields: { member?: string; date?: string; type?: string; note?: string }) => {
    const f = { member: ADA, date: "2026-03-02", type: "absence", note: "", ...fields };
    const res = await t.slack.viewSubmission(user, {
      id: `VA${++seq}`,
      callback_id: "attendance.submit",
      state: {
        values: {
          member: { member: { type: "users_select", selected_user: f.member } },
          date: { date: { type: "datepicker", selected_date: f.date } },
          type: { type: { type: "radio_buttons", selected_option: f.type ? { value: f.type } : null } },
          note: { note: { type: "plain_text_input", value: f.note } },
        },
      },
    });
    return (await res.json()) as { response_action: string; errors?: Record<string, string>; view?: unknown };
  };
  const click = async (user: string, action_id: string, value: string) => {
    await t.slack.blockAction(user, { type: "button", action_id, value }, `${t.fakeSlack.url}response/${user}`);
    return String(t.fakeSlack.callsOf(`response/${user}`).at(-1)?.args.text ?? "");
  };
  const occurrences = () => t.prisma.attendanceOccurrence.findMany({ where: { deletedAt: null } });

  beforeAll(async () => {
    t = await startTestService({ env: { WOWBOT_ADMINS: "U0BOSS" } });
    for (const [id, name] of [
      ["U0BOSS", "boss"],
      [LEAD, "lena"],
      [ADA, "ada"],
      [BEN, "ben"],
    ])
      t.fakeSlack.addUser({ id: id as string, name: name as string });
    t.fakeSlack.addUser({ id: "U0BOT", name: "helperbot", isBot: true });
    await t.slack.slashCommand({ command: "/wowbot", text: "help", user_id: "U0BOSS" });
    await t.slack.slashCommand({ command: "/wowbot", text: `role <@${LEAD}> lead`, user_id: "U0BOSS" });
  });
  afterAll(() => t.stop());
  beforeEach(async () => {
    await clearAttendance(t.prisma);
    t.fakeSlack.reset();
  });

  describe("/attendance", () => {
    it("opens the form for leads, dated today in the workspace time zone", async () => {
      await attendance("");
      const view = t.fakeSlack.callsOf("views.open")[0]?.args.view as { callback_id: string; blocks: Array<{ element?: { initial_date?: string } }> };
      expect(view.callback_id).toBe("attendance.submit");
      expect(view.blocks[1]?.element?.initial_date).toBe("2026-03-02");
    });

    it("records from the form, showing problems next to their inputs", async () => {
      expect(await submitAttendance(LEAD, { date: "2026-03-03" })).toEqual({
        response_action: "errors",
        errors: { date: "2026-03-03 is in the future (today is 2026-03-02): record attendance once it has happened." },
      });
      expect((await submitAttendance(LEAD, { type: "" })).errors).toEqual({ type: "Choose absence, late arrival or excused absence." });
      expect((await submitAttendance(LEAD, { member: "U0BOT" })).errors).toEqual({ member: "helperbot is a bot, so there's no attendance to record." });
      expect((await submitAttendance(LEAD, { member: LEAD })).errors?.member).toBe("You can't record or change your own attendance: ask another lead.");
      expect(await occurrences()).toHaveLength(0);
      const saved = await submitAttendance(LEAD, { note: "called in sick" });
      expect(JSON.stringify(saved.view)).toContain("Recorded an absence for ada on 2026-03-02.");
      expect(await occurrences()).toMatchObject([{ type: "absence", note: "called in sick", recordedBy: LEAD }]);
    });

    it("explains its usage and unknown types", async () => {
      expect((await attendance("ada absent")).text).toContain("Usage: `/attendance` for the form");
      expect((await attendance(`<@${ADA}> sick`)).text).toContain('"sick" is not a type of attendance record: use absent, late or excused.');
    });

    it("reads the date it is given, or refuses it and records nothing (never today with the date as the note)", async () => {
      const refused = "is not a date: use YYYY-MM-DD, today or yesterday.";
      for (const [text, word] of [
        ["late 12/07/2026", "12/07/2026"],
        ["absent 2026/12/04 flu", "2026/12/04"],
        ["absent 2026-12-7", "2026-12-7"],
        ["absent 2026-13-45", "2026-13-45"],
        ["late dec 7 train", "dec 7"],
        ["late tomorrow", "tomorrow"],
      ]) {
        expect((await attendance(`<@${ADA}> ${text}`)).text, text).toContain(`"${word}" ${refused}`);
      }
      expect((await attendance(`<@${ADA}> absent 1999-12-31`)).text).toContain("1999-12-31 is outside the dates wowbot works with (2000-01-01 to 2099-12-31).");
      expect(await occurrences()).toHaveLength(0);
      expect((await attendance(`<@${ADA}> late yesterday`)).text).toContain("Recorded a late arrival for ada on 2026-03-01.");
      expect((await attendance(`<@${ADA}> absent Today may be back tomorrow`)).text).toContain("Recorded an absence for ada on 2026-03-02.");
      expect((await attendance(`<@${BEN}> excused 2026-02-27 march madness`)).text).toContain("Recorded an excused absence for ben on 2026-02-27.");
      expect(await t.prisma.attendanceOccurrence.findMany({ orderBy: { date: "asc" }, select: { date: true, type: true, note: true } })).toEqual([
        { date: new Date("2026-02-27T00:00:00Z"), type: "excused", note: "march madness" },
        { date: new Date("2026-03-01T00:00:00Z"), type: "late", note: null },
        { date: new Date("2026-03-02T00:00:00Z"), type: "absence", note: "may be back tomorrow" },
      ]);
    });

    it("lists an agent's recent records with Delete buttons, and deletes one (audit-logged)", async () => {
      await attendance(`<@${ADA}> late 2026-02-27 bus strike`);
      const reply = await attendance(`<@${ADA}>`);
      expect(JSON.stringify(reply.blocks)).toContain("*2026-02-27*: a late arrival\\nbus strike");
      const [o] = await occurrences();
      expect(await click(LEAD, "attendance.delete", o?.id ?? "")).toContain("Deleted a late arrival for ada on 2026-02-27.");
      expect(await click(LEAD, "attendance.delete", o?.id ?? "")).toContain("was already deleted");
      expect(await occurrences()).toHaveLength(0);
      expect(await t.prisma.auditLog.findFirst({ where: { action: "attendance.delete" } })).toMatchObject({
        actor: LEAD,
        before: { member: ADA, date: "2026-02-27", type: "late" },
      });
    });

    it("refuses agents, even with hand-made payloads, and changes nothing", async () => {
      expect((await attendance(`<@${BEN}> absent`, ADA)).text).toContain("Only leads and admins can record attendance.");
      expect(t.fakeSlack.callsOf("views.open")).toHaveLength(0);
      expect((await submitAttendance(ADA, { member: BEN })).errors?.member).toBe("Only leads and admins can record attendance.");
      await attendance(`<@${BEN}> absent`);
      const [o] = await occurrences();
      expect(await click(ADA, "attendance.delete", o?.id ?? "")).toContain("Only leads and admins can record attendance.");
      expect(await click(LEAD, "attendance.delete", "not-a-uuid")).toContain("That attendance record doesn't exist in this workspace.");
      expect(await occurrences()).toHaveLength(1);
      expect(await t.prisma.auditLog.count({ where: { actor: ADA } })).toBe(0);
    });
  });

  describe("/pto and paid-day requests", () => {
    const credit = async (user: string, hours: number) => {
      const m = await t.prisma.member.findFirstOrThrow({ where: { platformUserId: user } });
      await creditOpeningBalance(t.prisma, m, hours, `test:${user}:${hours}`);
    };
    const request = (user: string, date: string) =>
      t.slack.viewSubmission(user, {
        id: `VR${++seq}`,
        callback_id: "pto.request.submit",
        state: { values: { date: { date: { type: "datepicker", selected_date: date } }, note: { note: { type: "plain_text_input", value: null } } } },
      });

    it("counts a balance a hundredth under a paid day as no paid day, and offers no request for it", async () => {
      await credit(ADA, 7.98);
      const under = JSON.stringify((await t.slack.command({ command: "/pto", text: "", user_id: ADA })).blocks);
      expect(under).toContain("*7.98 h*, 0 paid days: 0.02 h to your next paid day.");
      expect(under).not.toContain("Request a paid day off");
      await credit(ADA, 0.02);
      const whole = JSON.stringify((await t.slack.command({ command: "/pto", text: "", user_id: ADA })).blocks);
      expect(whole).toContain("*8 h*, 1 paid day: 8 h to your next paid day.");
      expect(whole).toContain("Request a paid day off");
    });

    it("shows an agent only their own balance", async () => {
      await credit(BEN, 12);
      const own = await t.slack.command({ command: "/pto", text: "", user_id: BEN });
      expect(own.response_type).toBe("ephemeral");
      expect(JSON.stringify(own.blocks)).toContain("*12 h*, 1 paid day: 4 h to your next paid day.");
      const other = await t.slack.command({ command: "/pto", text: `<@${BEN}>`, user_id: ADA });
      expect(other.text).toContain("PTO balances and attendance points are private: you can only see your own.");
      expect(JSON.stringify(other)).not.toContain("12 h");
      const lead = await t.slack.command({ command: "/pto", text: `<@${BEN}>`, user_id: LEAD });
      expect(JSON.stringify(lead.blocks)).toContain(`<@${BEN}>'s PTO balance: *12 h*`);
      expect(JSON.stringify(lead.blocks)).not.toContain("Request a paid day off");
    });

    it("refuses a request the balance does not cover, next to the date", async () => {
      await credit(ADA, 4);
      const res = (await (await request(ADA, "2026-03-04")).json()) as { errors: Record<string, string> };
      expect(res.errors.date).toBe("A paid day takes 8 h; you have 4 h available.");
      expect(await t.prisma.ptoRequest.count()).toBe(0);
    });

    it("lets the agent cancel a pending request, freeing its hours and updating the leads' posts", async () => {
      await credit(ADA, 8);
      await request(ADA, "2026-03-04");
      await t.deliver();
      const r = await t.prisma.ptoRequest.findFirstOrThrow();
      expect(await click(BEN, "pto.cancel", r.id)).toContain("You have no such paid-day request.");
      expect(await click(ADA, "pto.cancel", r.id)).toContain("Cancelled your request for 2026-03-04; its 8 h are available again.");
      expect(await t.prisma.ptoRequest.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ status: "cancelled" });
      await t.deliver();
      const updates = t.fakeSlack.acceptedCallsOf("chat.update");
      expect(updates.length).toBeGreaterThanOrEqual(2);
      expect(JSON.stringify(updates.at(-1)?.args.blocks)).toContain("Cancelled by the requester");
      expect(await click(LEAD, "pto.approve", r.id)).toContain("This request for 2026-03-04 was already cancelled by the requester. Nothing changed.");
      expect(await t.prisma.ptoLedgerEntry.count({ where: { kind: "redemption" } })).toBe(0);
    });

    it("refuses approvals by agents and leads deciding their own request, even from hand-made payloads", async () => {
      await credit(ADA, 8);
      await credit(LEAD, 8);
      await request(ADA, "2026-03-04");
      await request(LEAD, "2026-03-05");
      const [ada, lead] = await Promise.all([ADA, LEAD].map((u) => t.prisma.ptoRequest.findFirstOrThrow({ where: { member: { platformUserId: u } } })));
      expect(await click(BEN, "pto.approve", ada?.id ?? "")).toContain("Only leads and admins can approve or decline paid days off.");
      expect(await click(LEAD, "pto.approve", lead?.id ?? "")).toContain("You can't decide your own request: another lead has to.");
      expect(await t.prisma.ptoRequest.count({ where: { status: "pending" } })).toBe(2);
      expect(await t.prisma.ptoLedgerEntry.count({ where: { kind: "redemption" } })).toBe(0);
    });
  });

  it("shows the member's PTO and attendance on the App Home tab", async () => {
    await t.prisma.ptoLedgerEntry.create({
      data: {
        workspaceId: (await t.prisma.workspace.findFirstOrThrow()).id,
        memberId: (await t.prisma.member.findFirstOrThrow({ where: { platformUserId: ADA } })).id,
        hours: 11,
        kind: "adjustment",
        reason: "opening balance",
        actor: "test",
        dedupeKey: "test:home",
      },
    });
    await attendance(`<@${ADA}> late`);
    await t.slack.event({ type: "app_home_opened", user: ADA, channel: "D0ADA", tab: "home" });
    const home = JSON.stringify(t.fakeSlack.callsOf("views.publish").at(-1)?.args.view);
    expect(home).toContain("Your PTO and attendance");
    expect(home).toContain("*11 h*, 1 paid day: 5 h to your next paid day.");
    expect(home).toContain("*1 point this week, 6 days left*");
  });
});

describe("a leads channel wowbot can no longer post in (Slack)", () => {
  it("forgets it, tells the admins and sends the paid-day request to the leads by DM", async () => {
    const t = await startTestService({ env: { WOWBOT_ADMINS: "U0BOSS" } });
    try {
      t.fakeSlack.addUsers({ U0BOSS: "boss", [LEAD]: "lena", [ADA]: "ada" });
      for (const id of ["U0BOSS", LEAD, ADA]) await t.slack.slashCommand({ command: "/wowbot", text: "help", user_id: id });
      await t.slack.slashCommand({ command: "/wowbot", text: `role <@${LEAD}> lead`, user_id: "U0BOSS" });
      const ws = await t.prisma.workspace.findFirstOrThrow();
      await t.prisma.workspace.update({ where: { id: ws.id }, data: { settings: { ...(ws.settings as object), leadsChannel: "C0LEADS" } } });
      await creditOpeningBalance(t.prisma, await t.prisma.member.findFirstOrThrow({ where: { platformUserId: ADA } }), 8, "test:ada");
      await t.slack.viewSubmission(ADA, {
        id: "VLOST",
        callback_id: "pto.request.submit",
        state: { values: { date: { date: { type: "datepicker", selected_date: "2026-03-04" } }, note: { note: { type: "plain_text_input", value: null } } } },
      });
      t.fakeSlack.fail("chat.postMessage", { error: "not_in_channel" });
      await t.deliver();
      expect(((await t.prisma.workspace.findFirstOrThrow()).settings as { leadsChannel: unknown }).leadsChannel).toBeNull();
      await t.deliver();
      const to = (channel: string) =>
        JSON.stringify(
          t.fakeSlack
            .acceptedCallsOf("chat.postMessage")
            .filter((c) => c.args.channel === channel)
            .map((c) => c.args),
        );
      expect(to(LEAD)).toContain("paid day off on *2026-03-04*");
      expect(to("U0BOSS")).toContain('wowbot can no longer post in \\"C0LEADS\\"');
    } finally {
      await t.stop();
    }
  });
});

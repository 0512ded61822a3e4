// Scripted months of Panda attendance through Slack and the daily job, with an injected clock in Europe/Berlin
// (across the March DST change): occurrences, period closes, streaks growing and resetting, tiers, the accrual cap,
// late corrections after a close (reversal, late credit, a reversal stopped at zero), and paid-day requests
// approved and declined. Every figure is read back from the database and from what Slack was sent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../support/clock.js";
import { startTestService, type TestService } from "../support/service.js";

const AGENTS = { ada: "U0ADA", ben: "U0BEN", cat: "U0CAT" } as const;
const LEAD = "U0LEAD";
const BOSS = "U0BOSS";

describe("Panda attendance over scripted months", () => {
  let t: TestService;
  const clock = new ManualClock("2026-03-02T08:00:00Z");
  const attendance = (text: string, user = LEAD) => t.slack.command({ command: "/attendance", text, user_id: user });
  const pto = (user: string, text = "") => t.slack.command({ command: "/pto", text, user_id: user });
  /** Moves the clock and runs what the scheduler would at that minute: the daily job, then delivery. */
  const at = async (iso: string) => {
    clock.set(iso);
    await t.service.scheduler.runNow(t.service.jobs.daily);
    await t.deliver();
  };
  const member = (user: string) => t.prisma.member.findFirstOrThrow({ where: { platformUserId: user } });
  const balance = async (user: string) => {
    const m = await member(user);
    return Number((await t.prisma.ptoLedgerEntry.aggregate({ where: { memberId: m.id }, _sum: { hours: true } }))._sum.hours ?? 0);
  };
  const result = async (user: string, periodStart: string) => {
    const m = await member(user);
    return t.prisma.periodResult.findUnique({ where: { memberId_periodStart: { memberId: m.id, periodStart: new Date(`${periodStart}T00:00:00Z`) } } });
  };
  const posts = (channel: string) => t.fakeSlack.acceptedCallsOf("chat.postMessage").filter((c) => c.args.channel === channel);
  const lastText = (channel: string) => JSON.stringify(posts(channel).at(-1)?.args.blocks ?? []);
  const response = (user: string) => String(t.fakeSlack.callsOf(`response/${user}`).at(-1)?.args.text ?? "");

  beforeAll(async () => {
    t = await startTestService({ env: { WOWBOT_ADMINS: BOSS }, clock });
    const people: Array<[string, string]> = [["boss", BOSS], ["lena", LEAD], ...Object.entries(AGENTS)];
    for (const [name, id] of people) t.fakeSlack.addUser({ id, name, tz: "Europe/Berlin" });
    for (const id of [BOSS, LEAD, ...Object.values(AGENTS)]) await t.slack.slashCommand({ command: "/wowbot", text: "help", user_id: id });
    await t.slack.slashCommand({ command: "/wowbot", text: `role <@${LEAD}> lead`, user_id: BOSS });
    const ws = await t.prisma.workspace.findFirstOrThrow();
    await t.prisma.workspace.update({
      where: { id: ws.id },
      data: { timezone: "Europe/Berlin", settings: { ...(ws.settings as object), recognitionChannel: "C0WOWS" } },
    });
  });
  afterAll(() => t.stop());

  it("records occurrences with private answers: duplicates say so, conflicts and future dates are refused", async () => {
    clock.set("2026-03-11T09:00:00Z");
    expect((await attendance(`<@${AGENTS.ben}> absent`)).text).toContain("Recorded an absence for ben on 2026-03-11.");
    expect((await attendance(`<@${AGENTS.ben}> absent`)).text).toContain("ben already has an absence on 2026-03-11. Nothing changed.");
    expect((await attendance(`<@${AGENTS.ben}> late`)).text).toContain("ben has an absence on 2026-03-11, so a late arrival can't be recorded that day.");
    expect((await attendance(`<@${AGENTS.ben}> late 2026-03-10 traffic on the A100`)).text).toContain("Recorded a late arrival for ben on 2026-03-10.");
    expect((await attendance(`<@${AGENTS.ben}> absent 2026-03-12`)).text).toContain("2026-03-12 is in the future (today is 2026-03-11)");
    const stored = await t.prisma.attendanceOccurrence.findMany({ orderBy: { date: "asc" } });
    expect(stored.map((o) => [o.date.toISOString().slice(0, 10), o.type, Number(o.points), o.note])).toEqual([
      ["2026-03-10", "late", 1, "traffic on the A100"],
      ["2026-03-11", "absence", 1, null],
    ]);
    expect(await t.prisma.auditLog.count({ where: { action: "attendance.record", actor: LEAD } })).toBe(2);
  });

  it("posts progress on ordinary workdays, never showing anyone's points", async () => {
    await at("2026-03-12T08:00:00Z"); // 09:00 in Berlin
    const text = lastText("C0WOWS");
    expect(text).toContain("*4 of 5* agents are at zero points this week, 3 days left.");
    expect(text).not.toMatch(/U0BEN|point(s)? for/);
    expect(await t.prisma.periodResult.count()).toBe(0);
  });

  it("closes the week at the first digest time after it ends: clean members credited their tier, points reset the streak", async () => {
    await at("2026-03-16T07:59:00Z"); // 08:59 local: not yet
    expect(await t.prisma.periodResult.count()).toBe(0);
    await at("2026-03-16T08:00:00Z");
    expect(await result(AGENTS.ada, "2026-03-09")).toMatchObject({ clean: true, streak: 1 });
    expect(Number((await result(AGENTS.ada, "2026-03-09"))?.hoursCredited)).toBe(2);
    expect(await result(AGENTS.ben, "2026-03-09")).toMatchObject({ clean: false, streak: 0 });
    expect(Number((await result(AGENTS.ben, "2026-03-09"))?.points)).toBe(2);
    expect([await balance(AGENTS.ada), await balance(AGENTS.ben), await balance(LEAD)]).toEqual([2, 0, 2]);

    const post = lastText("C0WOWS");
    expect(post).toContain("Perfect attendance");
    expect(post).toContain(`<@${AGENTS.ada}>: 2 h earned, streak 1`);
    expect(post).not.toContain(AGENTS.ben);
    const dm = posts(AGENTS.ada).at(-1)?.args.text;
    expect(dm).toContain("You earned 2 h (streak: 1 clean period). Balance 2 h: 6 h to your next paid day.");
    expect(posts(AGENTS.ben)).toHaveLength(0);
  });

  it("runs once per day and period, however often the job ticks", async () => {
    const before = { results: await t.prisma.periodResult.count(), ledger: await t.prisma.ptoLedgerEntry.count(), outbox: await t.prisma.outbox.count() };
    await at("2026-03-16T08:01:00Z");
    await at("2026-03-16T15:00:00Z");
    expect({ results: await t.prisma.periodResult.count(), ledger: await t.prisma.ptoLedgerEntry.count(), outbox: await t.prisma.outbox.count() }).toEqual(
      before,
    );
  });

  it("grows streaks into higher tiers and resets them on points", async () => {
    clock.set("2026-03-18T12:00:00Z");
    await attendance(`<@${AGENTS.cat}> late`);
    await at("2026-03-23T08:00:00Z");
    expect(await result(AGENTS.ada, "2026-03-16")).toMatchObject({ clean: true, streak: 2 });
    expect(await result(AGENTS.ben, "2026-03-16")).toMatchObject({ clean: true, streak: 1 });
    expect(await result(AGENTS.cat, "2026-03-16")).toMatchObject({ clean: false, streak: 0 });
    expect([await balance(AGENTS.ada), await balance(AGENTS.ben), await balance(AGENTS.cat)]).toEqual([5, 2, 2]);
  });

  it("reverses a closed period's credit when an occurrence is recorded late, and credits it back when deleted", async () => {
    clock.set("2026-03-24T10:00:00Z");
    const reply = await attendance(`<@${AGENTS.ada}> absent 2026-03-17 forgot to record`);
    expect(reply.text).toContain("The period 2026-03-16 to 2026-03-23 had been credited: 3 h reversed.");
    expect(await balance(AGENTS.ada)).toBe(2);
    expect(await result(AGENTS.ada, "2026-03-16")).toMatchObject({ clean: false, streak: 0 });
    const reversal = await t.prisma.ptoLedgerEntry.findFirstOrThrow({ where: { kind: "reversal" } });
    expect(Number(reversal.hours)).toBe(-3);
    expect(reversal.actor).toBe(LEAD);
    await t.deliver();
    expect(posts(AGENTS.ada).at(-1)?.args.text).toContain("3 h were reversed");

    const occurrence = await t.prisma.attendanceOccurrence.findFirstOrThrow({ where: { date: new Date("2026-03-17T00:00:00Z") } });
    await t.slack.blockAction(LEAD, { type: "button", action_id: "attendance.delete", value: occurrence.id }, `${t.fakeSlack.url}response/${LEAD}`);
    expect(response(LEAD)).toContain("The period 2026-03-16 to 2026-03-23 is now clean: a late credit of 3 h was added.");
    expect(await balance(AGENTS.ada)).toBe(5);
    expect(await result(AGENTS.ada, "2026-03-16")).toMatchObject({ clean: true, streak: 2 });
    expect(await t.prisma.attendanceOccurrence.findUniqueOrThrow({ where: { id: occurrence.id } })).toMatchObject({ deletedBy: LEAD });
    // The ledger only grew: credit, reversal, late credit.
    const ada = await member(AGENTS.ada);
    expect(
      (await t.prisma.ptoLedgerEntry.findMany({ where: { memberId: ada.id }, orderBy: { createdAt: "asc" } })).map((l) => [l.kind, Number(l.hours)]),
    ).toEqual([
      ["credit", 2],
      ["credit", 3],
      ["reversal", -3],
      ["credit", 3],
    ]);
  });

  it("closes the week across the DST change at 09:00 summer time", async () => {
    await at("2026-03-30T06:59:00Z"); // 08:59 CEST
    expect(await result(AGENTS.ada, "2026-03-23")).toBeNull();
    await at("2026-03-30T07:00:00Z");
    expect(await result(AGENTS.ada, "2026-03-23")).toMatchObject({ clean: true, streak: 3 });
    expect([await balance(AGENTS.ada), await balance(AGENTS.ben), await balance(AGENTS.cat)]).toEqual([9, 5, 4]);
  });

  it("stops credits at the accrual cap and notes it", async () => {
    const ws = await t.prisma.workspace.findFirstOrThrow();
    await t.prisma.workspace.update({ where: { id: ws.id }, data: { settings: { ...(ws.settings as object), accrualCapHours: 10 } } });
    await at("2026-04-06T07:00:00Z");
    const capped = await result(AGENTS.ada, "2026-03-30");
    expect(capped).toMatchObject({ clean: true, streak: 4, note: "accrual cap of 10 h: 4 h earned, 1 h credited" });
    expect(await balance(AGENTS.ada)).toBe(10);
    expect(await balance(AGENTS.ben)).toBe(9);
  });

  it("shows /pto privately with balance, paid days, streak, points and ledger, and offers a paid day", async () => {
    clock.set("2026-04-06T10:00:00Z");
    const reply = await pto(AGENTS.ada);
    expect(reply.response_type).toBe("ephemeral");
    const text = JSON.stringify(reply.blocks);
    expect(text).toContain("*10 h*, 1 paid day: 6 h to your next paid day.");
    expect(text).toContain("Streak: *4 clean periods* in a row. Attendance: *0 points this week, 6 days left*");
    expect(text).toContain("Request a paid day off");
    expect(text).toContain("accrual cap of 10 h");
    expect(JSON.stringify((await pto(AGENTS.cat)).blocks)).not.toContain("Request a paid day off");
  });

  it("holds the hours of a request, lets a lead approve it once, and tells the agent", async () => {
    await t.slack.blockAction(AGENTS.ada, { type: "button", action_id: "pto.request", value: "request" }, `${t.fakeSlack.url}response/${AGENTS.ada}`);
    expect(t.fakeSlack.callsOf("views.open").at(-1)?.args.view).toMatchObject({ callback_id: "pto.request.submit" });
    const submit = (user: string, date: string, id: string) =>
      t.slack.viewSubmission(user, {
        id,
        callback_id: "pto.request.submit",
        state: { values: { date: { date: { type: "datepicker", selected_date: date } }, note: { note: { type: "plain_text_input", value: "school trip" } } } },
      });
    const res = await (await submit(AGENTS.ada, "2026-04-08", "VPTO1")).json();
    expect(JSON.stringify(res)).toContain("Requested a paid day off on *2026-04-08*");
    // A retried submission creates nothing new; a second day is refused: its hours are held.
    await submit(AGENTS.ada, "2026-04-08", "VPTO1");
    const refused = (await (await submit(AGENTS.ada, "2026-04-09", "VPTO2")).json()) as { errors: Record<string, string> };
    expect(refused.errors.date).toBe("A paid day takes 8 h; you have 2 h available (8 h are held by pending requests).");
    expect(await t.prisma.ptoRequest.count()).toBe(1);
    // /pto shows the held request with its cancel button, and the ledger newest first, each entry dated.
    const page = (await pto(AGENTS.ada)).blocks as Array<{ text?: { text: string }; accessory?: { text: { text: string } } }>;
    const held = page.find((b) => b.text?.text.includes("Paid day off on *2026-04-08* (8 h) is waiting for a lead."));
    expect(held?.accessory?.text.text).toBe("Cancel request");
    const ledger =
      page
        .find((b) => b.text?.text.startsWith("*Last "))
        ?.text?.text.split("\n")
        .slice(1) ?? [];
    expect(ledger.length).toBeGreaterThan(1);
    expect(ledger.every((line) => /^2026-\d\d-\d\d {2}[+-]\d/.test(line))).toBe(true);
    expect([...ledger].sort().reverse()).toEqual(ledger);

    await t.deliver();
    const requestPosts = [...posts(LEAD), ...posts(BOSS)].filter((c) => JSON.stringify(c.args.blocks).includes("pto.approve"));
    expect(requestPosts).toHaveLength(2);
    const request = await t.prisma.ptoRequest.findFirstOrThrow();
    await t.slack.blockAction(LEAD, { type: "button", action_id: "pto.approve", value: request.id }, `${t.fakeSlack.url}response/${LEAD}`);
    expect(response(LEAD)).toContain("Approved ada's paid day off on 2026-04-08.");
    await t.slack.blockAction(BOSS, { type: "button", action_id: "pto.approve", value: request.id }, `${t.fakeSlack.url}response/${BOSS}`);
    expect(response(BOSS)).toContain(`This request for 2026-04-08 was already approved by lena. Nothing changed.`);
    expect(await balance(AGENTS.ada)).toBe(2);
    expect(await t.prisma.ptoLedgerEntry.count({ where: { kind: "redemption" } })).toBe(1);

    await t.deliver();
    const updates = t.fakeSlack.acceptedCallsOf("chat.update").filter((c) => JSON.stringify(c.args.blocks).includes("Approved"));
    expect(updates).toHaveLength(2);
    expect(JSON.stringify(updates.map((u) => u.args.blocks))).not.toContain("pto.approve");
    expect(posts(AGENTS.ada).at(-1)?.args.text).toContain("Your paid day off on 2026-04-08 was approved");
  });

  it("lets a lead decline: nothing is redeemed and the hours are free again", async () => {
    const ben = await member(AGENTS.ben);
    await t.slack.viewSubmission(AGENTS.ben, {
      id: "VPTO3",
      callback_id: "pto.request.submit",
      state: { values: { date: { date: { type: "datepicker", selected_date: "2026-04-10" } }, note: { note: { type: "plain_text_input", value: null } } } },
    });
    const request = await t.prisma.ptoRequest.findFirstOrThrow({ where: { memberId: ben.id } });
    await t.slack.blockAction(LEAD, { type: "button", action_id: "pto.decline", value: request.id }, `${t.fakeSlack.url}response/${LEAD}`);
    expect(response(LEAD)).toContain("Declined ben's paid day off on 2026-04-10.");
    expect(await t.prisma.ptoRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "declined", decidedBy: LEAD });
    expect(await balance(AGENTS.ben)).toBe(9);
    await t.deliver();
    expect(posts(AGENTS.ben).at(-1)?.args.text).toContain("Your paid day off on 2026-04-10 was declined");
    expect(JSON.stringify((await pto(AGENTS.ben)).blocks)).toContain("Request a paid day off");
  });

  it("never takes a balance below zero with a reversal: the shortfall is noted for the lead", async () => {
    clock.set("2026-04-07T10:00:00Z");
    // Ada's balance is 2 h after the approved day; the week of 23 March credited her 4 h.
    const reply = await attendance(`<@${AGENTS.ada}> absent 2026-03-25`);
    expect(reply.text).toContain("2 h reversed. 2 h could not be reversed because the balance was too low; this shortfall is noted.");
    expect(await balance(AGENTS.ada)).toBe(0);
    expect((await result(AGENTS.ada, "2026-03-23"))?.note).toBe("2 h could not be reversed: the balance was 2 h");
    expect(await t.prisma.auditLog.findFirst({ where: { action: "pto.reversal" }, orderBy: { at: "desc" } })).toMatchObject({
      after: { clean: false, reversed: 2, shortfall: 2 },
    });
  });
});

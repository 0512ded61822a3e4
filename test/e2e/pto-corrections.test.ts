// Corrections to closed periods, with the numbers of issue 17 (America/New_York, weeks from Monday 9 March 2026,
// closed at 09:00 on the Monday after): a late credit after a reversal the balance could not cover gives back only
// what the reversal took, and a correction carries its streak through the later closed periods, so the next close
// pays the tier of the corrected history.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../support/clock.js";
import { startTestService, type TestService } from "../support/service.js";

const LEAD = "U0LEAD";
const BOSS = "U0BOSS";
const ADA = "U0ADA";
const BEN = "U0BEN";
const CY = "U0CY";

describe("PTO corrections to closed periods", () => {
  let t: TestService;
  const clock = new ManualClock("2026-03-09T14:00:00Z");
  const attendance = (text: string) => t.slack.command({ command: "/attendance", text, user_id: LEAD });
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
    const r = await t.prisma.periodResult.findUniqueOrThrow({
      where: { memberId_periodStart: { memberId: m.id, periodStart: new Date(`${periodStart}T00:00:00Z`) } },
    });
    return { clean: r.clean, streak: r.streak, hoursCredited: Number(r.hoursCredited) };
  };
  /** The hours the ledger holds for one period: its credit, reversals, late credits and re-tiering. */
  const periodHours = async (user: string, periodStart: string) => {
    const m = await member(user);
    const r = await t.prisma.periodResult.findUniqueOrThrow({
      where: { memberId_periodStart: { memberId: m.id, periodStart: new Date(`${periodStart}T00:00:00Z`) } },
    });
    return Number((await t.prisma.ptoLedgerEntry.aggregate({ where: { periodResultId: r.id }, _sum: { hours: true } }))._sum.hours ?? 0);
  };
  const deleteOccurrence = async (user: string, date: string) => {
    const m = await member(user);
    const o = await t.prisma.attendanceOccurrence.findFirstOrThrow({ where: { memberId: m.id, date: new Date(`${date}T00:00:00Z`), deletedAt: null } });
    await t.slack.blockAction(LEAD, { type: "button", action_id: "attendance.delete", value: o.id }, `${t.fakeSlack.url}response/${LEAD}`);
    return String(t.fakeSlack.callsOf(`response/${LEAD}`).at(-1)?.args.text ?? "");
  };

  beforeAll(async () => {
    t = await startTestService({ env: { WOWBOT_ADMINS: BOSS }, clock });
    const people: Array<[string, string]> = [
      ["boss", BOSS],
      ["lena", LEAD],
      ["ada", ADA],
      ["ben", BEN],
      ["cy", CY],
    ];
    for (const [name, id] of people) t.fakeSlack.addUser({ id, name, tz: "America/New_York" });
    for (const [, id] of people) await t.slack.slashCommand({ command: "/wowbot", text: "help", user_id: id });
    await t.slack.slashCommand({ command: "/wowbot", text: `role <@${LEAD}> lead`, user_id: BOSS });
    const ws = await t.prisma.workspace.findFirstOrThrow();
    await t.prisma.workspace.update({ where: { id: ws.id }, data: { timezone: "America/New_York", createdAt: new Date("2026-03-02T14:00:00Z") } });
    await t.prisma.member.updateMany({ data: { joinedAt: new Date("2026-03-02T14:00:00Z") } });
  });
  afterAll(() => t.stop());

  it("carries a late correction's streak into the later closed periods and the next close (issue 17.2)", async () => {
    // Ben's absence on 10 March is recorded in time; the weeks of 9 and 16 March close.
    clock.set("2026-03-10T15:00:00Z");
    expect((await attendance(`<@${BEN}> absent`)).text).toContain("Recorded an absence for ben on 2026-03-10.");
    await at("2026-03-16T13:00:00Z");
    await at("2026-03-23T13:00:00Z");
    expect([await result(CY, "2026-03-09"), await result(CY, "2026-03-16")]).toEqual([
      { clean: true, streak: 1, hoursCredited: 2 },
      { clean: true, streak: 2, hoursCredited: 3 },
    ]);
    expect(await result(BEN, "2026-03-16")).toEqual({ clean: true, streak: 1, hoursCredited: 2 });
    expect([await balance(CY), await balance(BEN)]).toEqual([5, 2]);

    // Cy's absence on 10 March, recorded late: the week of 9 March loses its 2 h, and the week of 16 March is now the
    // first clean week of a streak, tier 2 h instead of 3 h: 1 h reversed. 5 - 2 - 1 = 2 h.
    clock.set("2026-03-24T14:00:00Z");
    const recorded = await attendance(`<@${CY}> absent 2026-03-10`);
    expect(recorded.text).toContain("The period 2026-03-09 to 2026-03-16 had been credited: 2 h reversed.");
    expect(recorded.text).toContain("The streak of the period after it changed with it: 1 h reversed.");
    expect([await result(CY, "2026-03-09"), await result(CY, "2026-03-16")]).toEqual([
      { clean: false, streak: 0, hoursCredited: 0 },
      { clean: true, streak: 1, hoursCredited: 2 },
    ]);
    expect(await balance(CY)).toBe(2);

    // Ben's absence deleted: the week of 9 March earns 2 h late, and the week of 16 March the second tier, 3 h
    // instead of 2 h: 1 h more. 2 + 2 + 1 = 5 h.
    const deleted = await deleteOccurrence(BEN, "2026-03-10");
    expect(deleted).toContain("The period 2026-03-09 to 2026-03-16 is now clean: a late credit of 2 h was added.");
    expect(deleted).toContain("The streak of the period after it changed with it: 1 h credited.");
    expect([await result(BEN, "2026-03-09"), await result(BEN, "2026-03-16")]).toEqual([
      { clean: true, streak: 1, hoursCredited: 2 },
      { clean: true, streak: 2, hoursCredited: 3 },
    ]);
    expect(await balance(BEN)).toBe(5);

    // The close of 23 March reads the corrected streaks: Cy 2 (3 h), Ben 3 (4 h); Ada, clean throughout, 3 (4 h).
    await at("2026-03-30T13:00:00Z");
    expect(await result(CY, "2026-03-23")).toEqual({ clean: true, streak: 2, hoursCredited: 3 });
    expect(await result(BEN, "2026-03-23")).toEqual({ clean: true, streak: 3, hoursCredited: 4 });
    expect(await result(ADA, "2026-03-23")).toEqual({ clean: true, streak: 3, hoursCredited: 4 });
    expect([await balance(ADA), await balance(BEN), await balance(CY)]).toEqual([9, 9, 5]);
  });

  it("gives back only what a partly blocked reversal took (issue 17.1)", async () => {
    // Ada earned 2 + 3 + 4 = 9 h and takes an approved 8 h paid day: 1 h left.
    clock.set("2026-03-30T15:00:00Z");
    await t.slack.viewSubmission(ADA, {
      id: "VPTO-ADA",
      callback_id: "pto.request.submit",
      state: { values: { date: { date: { type: "datepicker", selected_date: "2026-04-02" } }, note: { note: { type: "plain_text_input", value: null } } } },
    });
    const request = await t.prisma.ptoRequest.findFirstOrThrow({ where: { memberId: (await member(ADA)).id } });
    await t.slack.blockAction(LEAD, { type: "button", action_id: "pto.approve", value: request.id }, `${t.fakeSlack.url}response/${LEAD}`);
    expect(await balance(ADA)).toBe(1);

    // An absence recorded by mistake in the closed week of 23 March: it credited 4 h, only 1 h can be reversed.
    clock.set("2026-03-31T14:00:00Z");
    expect((await attendance(`<@${ADA}> absent 2026-03-25`)).text).toContain(
      "1 h reversed. 3 h could not be reversed because the balance was too low; this shortfall is noted.",
    );
    expect(await balance(ADA)).toBe(0);
    expect(await result(ADA, "2026-03-23")).toEqual({ clean: false, streak: 0, hoursCredited: 3 });

    // Deleted a minute later: the week is clean again and owed its 4 h, 3 of which it still has. 1 h back.
    clock.set("2026-03-31T14:01:00Z");
    expect(await deleteOccurrence(ADA, "2026-03-25")).toContain("The period 2026-03-23 to 2026-03-30 is now clean: a late credit of 1 h was added.");
    expect(await balance(ADA)).toBe(1);
    expect(await result(ADA, "2026-03-23")).toEqual({ clean: true, streak: 3, hoursCredited: 4 });
    expect(await periodHours(ADA, "2026-03-23")).toBe(4);
  });
});

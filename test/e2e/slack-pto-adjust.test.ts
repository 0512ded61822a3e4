// `/pto adjust @person +H|-H REASON` on Slack (issue 20.5, PRODUCT.md §8): admins add or take hours by hand, a ledger
// entry of kind adjustment with actor and reason, audit-logged and DMed, never below zero (each side of the boundary).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../support/service.js";

const BOSS = "U0BOSS";
const LENA = "U0LENA";
const ADA = "U0ADA";

describe("/pto adjust", () => {
  let t: TestService;
  const adjust = async (text: string, user = BOSS) => (await t.slack.command({ command: "/pto", text: `adjust ${text}`, user_id: user })).text;
  const ledger = async () =>
    (await t.prisma.ptoLedgerEntry.findMany({ where: { member: { platformUserId: ADA } }, orderBy: { createdAt: "asc" } })).map((e) => [
      e.kind,
      Number(e.hours),
      e.reason,
      e.actor,
    ]);

  beforeAll(async () => {
    t = await startTestService({ env: { WOWBOT_ADMINS: BOSS } });
    t.fakeSlack.addUsers({ [BOSS]: "boss", [LENA]: "lena", [ADA]: "ada" });
    await t.service.scheduler.runNow(t.service.jobs.directory);
    await t.slack.command({ command: "/wowbot", text: `role <@${LENA}|lena> lead`, user_id: BOSS });
  });
  afterAll(() => t.stop());

  it("refuses leads and agents, and explains the usage and every bad amount or reason, writing nothing", async () => {
    expect(await adjust(`<@${ADA}|ada> +16 opening balance`, LENA)).toBe(":no_entry_sign: Only admins can adjust PTO balances.");
    expect(await adjust(`<@${ADA}|ada> 16 opening balance`)).toContain("Usage (admins): `/pto adjust @person +H|-H REASON`");
    expect(await adjust(`<@${ADA}|ada> +16.123 opening balance`)).toContain("Usage (admins)");
    expect(await adjust(`ada +16 opening balance`)).toContain("Usage (admins)");
    expect(await adjust(`<@${ADA}|ada> +16`)).toBe(":no_entry_sign: Say why: the reason goes into the ledger and the audit log.");
    expect(await adjust(`<@${ADA}|ada> +0 nothing`)).toBe(":no_entry_sign: Adjust by more than 0 h and at most 1000 h at once.");
    expect(await adjust(`<@${ADA}|ada> +1000.01 typo`)).toBe(":no_entry_sign: Adjust by more than 0 h and at most 1000 h at once.");
    expect(await ledger()).toEqual([]);
  });

  it("adds an opening balance, audit-logged and DMed to the member", async () => {
    expect(await adjust(`<@${ADA}|ada> +16 opening balance from HR`)).toBe(
      ":white_check_mark: Added 16 h to ada's PTO (opening balance from HR). Their balance is 16 h; they'll get a DM.",
    );
    expect(await ledger()).toEqual([["adjustment", 16, "opening balance from HR", BOSS]]);
    expect(await t.prisma.auditLog.findFirst({ where: { action: "pto.adjust" } })).toMatchObject({
      actor: BOSS,
      subject: `member:${ADA}`,
      before: { balance: 0 },
      after: { balance: 16, hours: 16, reason: "opening balance from HR" },
    });
    await t.deliver();
    const dm = t.fakeSlack.acceptedCallsOf("chat.postMessage").find((c) => c.args.channel === ADA);
    expect(JSON.stringify(dm?.args.blocks)).toContain("An admin added 16 h to your PTO: opening balance from HR. Balance 16 h: 8 h to your next paid day.");
  });

  it("never takes the balance below zero: 16.01 h of 16 h is refused, 16 h of 16 h leaves 0 h", async () => {
    expect(await adjust(`<@${ADA}|ada> -16.01 payroll correction`)).toBe(":no_entry_sign: ada's balance is 16 h: taking 16.01 h would leave it below zero.");
    expect(await ledger()).toHaveLength(1);
    expect(await adjust(`<@${ADA}|ada> -16 payroll correction`)).toBe(
      ":white_check_mark: Took 16 h from ada's PTO (payroll correction). Their balance is 0 h; they'll get a DM.",
    );
    expect(await ledger()).toEqual([
      ["adjustment", 16, "opening balance from HR", BOSS],
      ["adjustment", -16, "payroll correction", BOSS],
    ]);
    expect(await adjust(`<@${ADA}|ada> -0.01 one more`)).toBe(":no_entry_sign: ada's balance is 0 h: taking 0.01 h would leave it below zero.");
  });
});

// `pto adjust` on Microsoft Teams (twin of slack-pto-adjust): the same words, the same boundary at zero.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../support/service.js";
import { TeamsTwin, teamsUser } from "../support/teams-twins.js";

const BOSS = teamsUser(81, "Bo Boss");
const ADA = teamsUser(82, "Ada Agent");

describe("pto adjust on Teams", () => {
  let t: TestService;
  let twin: TeamsTwin;

  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true, env: { WOWBOT_ADMINS: BOSS.aadObjectId } });
    twin = new TeamsTwin(t);
    await twin.join([BOSS, ADA]);
  });
  afterAll(() => t?.stop());

  it("adds hours, refuses taking more than the balance, and refuses agents", async () => {
    expect(await twin.told(ADA, `pto adjust @${ADA.name} +8 gift`, [ADA])).toContain("Only admins can adjust PTO balances.");
    expect(await twin.told(BOSS, `pto adjust @${ADA.name} +7.5 opening balance`, [ADA])).toContain(
      `Added 7.5 h to ${ADA.name}'s PTO (opening balance). Their balance is 7.5 h; they'll get a DM.`,
    );
    expect(await twin.told(BOSS, `pto adjust @${ADA.name} -7.51 fix`, [ADA])).toContain(
      `${ADA.name}'s balance is 7.5 h: taking 7.51 h would leave it below zero.`,
    );
    const entries = await t.prisma.ptoLedgerEntry.findMany({ where: { member: { platformUserId: ADA.aadObjectId } } });
    expect(entries.map((e) => [e.kind, Number(e.hours), e.reason, e.actor])).toEqual([["adjustment", 7.5, "opening balance", BOSS.aadObjectId]]);
  });
});

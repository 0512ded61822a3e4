// Two teams on Slack, set up by the admin with the commands a person types: Billing (led by lena, agent ada, leads
// channel C0BILLING) and Support (led by tom, agent ben, no leads channel). Shared by the team-lead and digest tests.
import type { TestService } from "./service.js";

export const TWO_TEAMS = { BOSS: "U0BOSS", LENA: "U0LENA", TOM: "U0TOM", ADA: "U0ADA", BEN: "U0BEN", BILLING_CHANNEL: "C0BILLING" } as const;

export async function setUpTwoTeams(t: TestService): Promise<void> {
  const { BOSS, LENA, TOM, ADA, BEN, BILLING_CHANNEL } = TWO_TEAMS;
  await t.service.scheduler.runNow(t.service.jobs.directory);
  for (const text of [
    "create Billing",
    "create Support",
    `add Billing <@${ADA}|ada>`,
    `add Support <@${BEN}|ben>`,
    `lead Billing <@${LENA}|lena>`,
    `lead Support <@${TOM}|tom>`,
    `channel Billing <#${BILLING_CHANNEL}|billing-leads>`,
  ]) {
    await t.slack.command({ command: "/wowbot", text: `team ${text}`, user_id: BOSS });
  }
}

// The member's own page: PTO and attendance, what they were recognised for, how their scored interactions went
// (last 30 days) and their service level and idle chats (last 7 days). Built for the member themself (App Home,
// `/wowbot stats`) or, through memberStats, for a lead looking at them.

import { addDays, localDate, zonedInstant } from "../domain/local-time.js";
import { periodContaining } from "../domain/period.js";
import type { MemberRecord, WorkspaceRecord } from "../domain/records.js";
import { type DomainError, fail, ok, type Result } from "../domain/result.js";
import { hasRole } from "../domain/roles.js";
import { type HomeView, homeView, type StatsView, statsView } from "../views/home.js";
import { PERIOD_NAME } from "../views/pto.js";
import { mayActOn } from "./policy.js";
import type { Ports } from "./ports.js";

export const HOME_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;
/** Service level and idle chats cover the 7 local days ending today. */
export const SERVICE_LEVEL_DAYS = 7;

export async function memberHome(
  ports: Pick<Ports, "clock" | "home" | "attendance">,
  input: { workspace: WorkspaceRecord; member: MemberRecord /** Their own page: a lead sees their teams at a glance. */; own?: boolean },
): Promise<HomeView> {
  const now = ports.clock.now();
  const since = new Date(now.getTime() - HOME_WINDOW_MS);
  const { timezone } = input.workspace;
  const today = localDate(now, timezone);
  const from = addDays(today, 1 - SERVICE_LEVEL_DAYS);
  const window = { from, to: today, since: zonedInstant(from, "00:00", timezone), until: zonedInstant(addDays(today, 1), "00:00", timezone) };
  const period = periodContaining(today, input.workspace.settings.attendancePeriod);
  const glance = { periodStart: period.start, periodEnd: period.end, periodName: PERIOD_NAME[period.kind], recognisedSince: since };
  const leads = (input.own ?? true) && hasRole(input.member.role, "lead");
  const [facts, pto, serviceLevel, teams] = await Promise.all([
    ports.home.facts(input.workspace, input.member, since),
    ports.attendance.ptoFacts(input.workspace, input.member, today),
    ports.home.serviceLevel(input.workspace, input.member, window),
    leads ? ports.home.teamsAtAGlance(input.workspace, input.member.id, glance) : [],
  ]);
  return homeView({ ...facts, pto, serviceLevel, teams });
}

/**
 * `/wowbot stats [@member]`: the App Home's facts as a private message. Anyone sees their own; leads and admins may
 * look at anyone's. Service-level, idle-chat, PTO and attendance figures are private, so an agent asking for someone
 * else gets a refusal and nothing of theirs.
 */
export async function memberStats(
  ports: Pick<Ports, "clock" | "home" | "attendance" | "teams">,
  input: { workspace: WorkspaceRecord; viewer: MemberRecord; member: MemberRecord },
): Promise<Result<StatsView, DomainError>> {
  const own = input.viewer.id === input.member.id;
  const refused = await mayActOn(ports.teams, input.viewer, "stats.view", input.member);
  if (refused) return fail(refused);
  return ok(statsView(await memberHome(ports, { workspace: input.workspace, member: input.member, own }), own));
}

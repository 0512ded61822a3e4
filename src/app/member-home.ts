// The member's own page: PTO and attendance, what they were recognised for and how their scored interactions went
// (last 30 days). Only ever built for the member themself.
import { localDate } from "../domain/local-time.js";
import { type HomeView, homeView } from "../views/home.js";
import type { MemberRecord, Ports, WorkspaceRecord } from "./ports.js";

export const HOME_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

export async function memberHome(
  ports: Pick<Ports, "clock" | "home" | "attendance">,
  input: { workspace: WorkspaceRecord; member: MemberRecord },
): Promise<HomeView> {
  const now = ports.clock.now();
  const since = new Date(now.getTime() - HOME_WINDOW_MS);
  const [facts, pto] = await Promise.all([
    ports.home.facts(input.workspace, input.member, since),
    ports.attendance.ptoFacts(input.workspace, input.member, localDate(now, input.workspace.timezone)),
  ]);
  return homeView({ ...facts, pto });
}

// The member's own page: what they were recognised for and how their scored interactions went, last 30 days.
import { type HomeView, homeView } from "../views/home.js";
import type { MemberRecord, Ports, WorkspaceRecord } from "./ports.js";

export const HOME_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

export async function memberHome(ports: Pick<Ports, "clock" | "home">, input: { workspace: WorkspaceRecord; member: MemberRecord }): Promise<HomeView> {
  const since = new Date(ports.clock.now().getTime() - HOME_WINDOW_MS);
  return homeView(await ports.home.facts(input.workspace, input.member, since));
}

// `/wowbot stats` and the App Home's service level end to end: a member sees their own figures privately, including
// service level and idle chats over the last 7 local days; a lead may look at an agent; an agent asking for someone
// else is refused and never sees another member's figures.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blockKitProblems } from "../support/block-kit-limits.js";
import { seedServiceLevelWeek } from "../support/seeds.js";
import { startTestService, type TestService } from "../support/service.js";

describe("/wowbot stats and the App Home service level", () => {
  let t: TestService;
  const stats = (text: string, user: string) => t.slack.command({ command: "/wowbot", text: `stats ${text}`.trim(), user_id: user });
  const shown = (reply: { blocks?: unknown }) => JSON.stringify(reply.blocks ?? []);
  /** Figures of Ada's that must never reach anyone but Ada and leads. */
  const ADA_FIGURES = ["77.8%", "3 h 30 min of 4 h 30 min", "longest 5 min"];
  const PAT_FIGURES = ["28.6%", "longest 17 min"];

  beforeAll(async () => {
    t = await startTestService({ env: { WOWBOT_ADMINS: "U0BOSS" } });
    // Tuesday 10 March 2026, noon in the workspace's time zone (UTC): the window is 4 to 10 March.
    t.clock.set("2026-03-10T12:00:00Z");
    for (const [id, name] of Object.entries({ U0BOSS: "boss", U0AGENT: "Ada", U0PEER: "Pat", U0LEAD: "Lena" })) t.fakeSlack.addUser({ id, name });
    for (const user of ["U0AGENT", "U0PEER"]) await t.slack.command({ command: "/wowbot", text: "help", user_id: user });
    await t.slack.command({ command: "/wowbot", text: "role <@U0LEAD> lead", user_id: "U0BOSS" });
    const [ada, pat] = await Promise.all(["U0AGENT", "U0PEER"].map((id) => t.prisma.member.findFirstOrThrow({ where: { platformUserId: id } })));
    if (!ada || !pat) throw new Error("members missing");
    await seedServiceLevelWeek(t.prisma, ada, pat);
  });
  afterAll(() => t.stop());

  it("shows a member their own figures privately, service level and idle chats of the last 7 days included", async () => {
    const reply = await stats("", "U0AGENT");
    expect(reply.response_type).toBe("ephemeral");
    expect(reply.text).toBe("Your stats");
    const text = shown(reply);
    expect(text).toContain("Service level (last 7 days)");
    expect(text).toContain(":telephone_receiver: *77.8%* of available time customer-facing (3 h 30 min of 4 h 30 min over 2 days), below the target of 80%.");
    expect(text).toContain(":hourglass: *1* chat left open more than 2 min after the customer left (longest 5 min).");
    expect(text).toContain("2026-03-04 to 2026-03-10. Only you and leads can see service-level and idle-chat figures.");
    expect(text).toContain("Your PTO and attendance");
    expect(text).toContain("to your next paid day.");
    expect(text).toContain("No scored interactions in the last 30 days.");
    for (const figure of PAT_FIGURES) expect(text).not.toContain(figure);
    expect(blockKitProblems({ type: "message", blocks: reply.blocks as Array<Record<string, unknown>> })).toEqual([]);
  });

  it("says so when there is no service-level data", async () => {
    const text = shown(await stats("", "U0LEAD"));
    expect(text).toContain("No service-level data in the last 7 days.");
    expect(text).toContain("No chats left open more than 2 min after the customer left.");
  });

  it("lets a lead (or admin) look at an agent's stats", async () => {
    for (const viewer of ["U0LEAD", "U0BOSS"]) {
      const reply = await stats("<@U0AGENT|ada>", viewer);
      expect(reply.text).toBe("Stats for Ada");
      const text = shown(reply);
      for (const figure of ADA_FIGURES) expect(text).toContain(figure);
      expect(text).toContain("Only <@U0AGENT> and leads can see service-level and idle-chat figures.");
      expect(text).toContain("to their next paid day.");
      for (const figure of PAT_FIGURES) expect(text).not.toContain(figure);
    }
  });

  it("refuses an agent asking for someone else, showing none of their figures", async () => {
    for (const [viewer, target] of [
      ["U0PEER", "<@U0AGENT>"],
      ["U0AGENT", "<@U0PEER>"],
      ["U0AGENT", "<@U0LEAD>"],
    ] as const) {
      const reply = await stats(target, viewer);
      expect(reply.text).toBe(":no_entry_sign: Stats are private: you can only see your own. Try `/wowbot stats`.");
      const everything = JSON.stringify(reply);
      for (const figure of [...ADA_FIGURES, ...PAT_FIGURES, "Service level"]) expect(everything).not.toContain(figure);
    }
    // Naming yourself is the same as asking for your own.
    expect(shown(await stats("<@U0PEER>", "U0PEER"))).toContain("*28.6%*");
  });

  it("answers bad arguments with usage, and an unknown person with a clear message", async () => {
    expect((await stats("everyone", "U0LEAD")).text).toBe(":information_source: Usage: `/wowbot stats` for your own figures (leads: `/wowbot stats @agent`).");
    expect((await stats("<@U0AGENT> <@U0PEER>", "U0LEAD")).text).toContain("Usage: `/wowbot stats`");
    expect((await stats("<@U0NOBODY>", "U0LEAD")).text).toBe(":no_entry_sign: I can't find that person in this workspace.");
  });

  it("adds the member's own service level to the App Home tab", async () => {
    await t.slack.event({ type: "app_home_opened", user: "U0AGENT", channel: "D0HOME", tab: "home", event_ts: "1.1" });
    const view = t.fakeSlack.callsOf("views.publish").at(-1)?.args.view as { type: string; blocks: Array<Record<string, unknown>> };
    expect(view.type).toBe("home");
    const text = JSON.stringify(view.blocks);
    for (const figure of ADA_FIGURES) expect(text).toContain(figure);
    for (const figure of PAT_FIGURES) expect(text).not.toContain(figure);
    expect(blockKitProblems(view)).toEqual([]);
  });
});

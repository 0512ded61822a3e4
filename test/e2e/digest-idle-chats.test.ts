// Idle chats in the digest (issue 17.7, 17.8), sent through the ingest API as a contact-centre platform would: idle
// time keeps the precision the timestamps have (120.9 s is over a 120 s threshold, 120 s is not), and a session still
// open after the customer left counts by the time since they left, marked "still open".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../support/clock.js";
import { startTestService, type TestService } from "../support/service.js";

const BOSS = "U0BOSS";

describe("idle chats in the digest", () => {
  let t: TestService;
  let secret = "";
  // Thursday 12 March 2026, 07:00 UTC: the digest previewed now covers Wednesday 11 March.
  const clock = new ManualClock("2026-03-12T07:00:00Z");
  const post = (rows: unknown[]) =>
    fetch(`${t.url}/api/v1/chat-sessions`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
      body: JSON.stringify({ rows }),
    });

  beforeAll(async () => {
    t = await startTestService({ env: { WOWBOT_ADMINS: BOSS }, clock });
    t.fakeSlack.addUsers({ [BOSS]: "boss", U0ADA: "ada", U0BEN: "ben", U0CAT: "cat" }, { tz: "UTC" });
    for (const id of [BOSS, "U0ADA", "U0BEN", "U0CAT"]) await t.slack.slashCommand({ command: "/wowbot", text: "help", user_id: id });
    const created = await t.slack.command({ command: "/wowbot", text: "token create nightly", user_id: BOSS });
    secret = /`(wowbot_[^`]+)`/.exec(String(created.text))?.[1] ?? "";
  });
  afterAll(() => t.stop());

  it("keeps idle time to the millisecond: 120.9 s and 120.001 s are over 120 s, 120 s is not", async () => {
    const session = (member: string, id: string, left: string, closed: string) => ({
      member,
      sessionId: id,
      startedAt: "2026-03-11T10:00:00Z",
      customerLeftAt: `2026-03-11T${left}Z`,
      agentClosedAt: `2026-03-11T${closed}Z`,
    });
    const res = await post([
      session("U0ADA", "c-1", "10:10:00.000", "10:12:00.900"), // 120.9 s
      session("U0BEN", "c-2", "10:10:00.000", "10:12:00.000"), // 120 s exactly: not over
      session("U0BEN", "c-3", "10:10:00.000", "10:12:00.001"), // 120.001 s
    ]);
    expect(res.status).toBe(200);
    const stored = await t.prisma.chatSession.findMany({ orderBy: { sessionId: "asc" } });
    expect(stored.map((s) => s.idleSeconds)).toEqual([120.9, 120, 120.001]);
    const text = JSON.stringify((await t.slack.command({ command: "/wowbot", text: "digest", user_id: BOSS })).blocks).replace(/\\n/g, "\n");
    expect(text).toContain("*2 chats* left idle over 2 min after the customer left, by 2 agents:\n<@U0ADA> 1 (longest 2 min), <@U0BEN> 1 (longest 2 min).");
  });

  it("counts a chat still open after the customer left by the time since they left, marked still open", async () => {
    await t.prisma.chatSession.deleteMany();
    const open = (member: string, id: string, left: string) => ({
      member,
      sessionId: id,
      startedAt: "2026-03-11T23:00:00Z",
      customerLeftAt: `2026-03-11T${left}Z`,
    });
    // The covered day ends at midnight: cat's customer left 3 minutes before it, ada's 2 minutes exactly.
    expect((await post([open("U0CAT", "o-1", "23:57:00"), open("U0ADA", "o-2", "23:58:00")])).status).toBe(200);
    const text = JSON.stringify((await t.slack.command({ command: "/wowbot", text: "digest", user_id: BOSS })).blocks).replace(/\\n/g, "\n");
    expect(text).toContain("*1 chat* left idle over 2 min after the customer left, by 1 agent:\n<@U0CAT> 1 (longest 3 min, 1 still open).");
    // Closed later that night, 10 minutes after the customer left: counted on the day it was closed, once.
    expect(
      (
        await post([
          {
            member: "U0CAT",
            sessionId: "o-1",
            startedAt: "2026-03-11T23:00:00Z",
            customerLeftAt: "2026-03-11T23:57:00Z",
            agentClosedAt: "2026-03-12T00:07:00Z",
          },
        ])
      ).status,
    ).toBe(200);
    clock.set("2026-03-13T07:00:00Z");
    const friday = JSON.stringify((await t.slack.command({ command: "/wowbot", text: "digest", user_id: BOSS })).blocks).replace(/\\n/g, "\n");
    expect(friday).toContain("<@U0CAT> 1 (longest 10 min).");
  });
});

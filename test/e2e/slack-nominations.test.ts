// Wow nominations on Slack end to end: signed /wow commands, modal submissions and "Second this" clicks into the
// real receiver; stored rows checked on the real database; posts, DMs and updates captured by the fake Slack.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WorkspaceRepository } from "../../src/db/workspace.repository.js";
import { startTestService, type TestService } from "../support/service.js";

interface Reply {
  response_type?: string;
  text: string;
  response_action?: string;
  errors?: Record<string, string>;
  view?: { blocks: Array<{ text?: { text: string } }> };
}

const STORY = "Stayed on the line to rebook the whole family's flights after the storm, and remembered the kid's birthday.";

describe("wow nominations on Slack", () => {
  let t: TestService;
  let trigger = 0;
  const wow = (text: string, user = "U0AGENT") =>
    t.slack.command({ command: "/wow", text, user_id: user, channel_id: "C0TEAM", trigger_id: `trig.${++trigger}` });
  const nominations = () => t.prisma.nomination.findMany({ orderBy: { createdAt: "asc" } });

  beforeAll(async () => {
    t = await startTestService({ env: { WOWBOT_ADMINS: "U0BOSS" } });
    t.fakeSlack.addUser({ id: "U0BOSS", name: "boss" });
    t.fakeSlack.addUser({ id: "U0AGENT", name: "ada", tz: "Europe/Berlin" });
    t.fakeSlack.addUser({ id: "U0NOMINEE", name: "grace", tz: "Europe/London" });
    t.fakeSlack.addUser({ id: "U0THIRD", name: "linus" });
    t.fakeSlack.addUser({ id: "U0ROBOT", name: "helper-bot", isBot: true });
    t.fakeSlack.addUser({ id: "U0GONE", name: "former", deleted: true });
  });
  afterAll(() => t.stop());
  beforeEach(async () => {
    await t.prisma.endorsement.deleteMany();
    await t.prisma.nomination.deleteMany();
    await t.prisma.outbox.deleteMany();
    t.fakeSlack.reset();
  });

  it("creates a nomination from `/wow @someone story`, confirms privately, posts in the channel and DMs the nominee", async () => {
    const reply = await wow(`<@U0NOMINEE|grace> ${STORY}`);
    expect(reply.response_type).toBe("ephemeral");
    expect(reply.text).toContain("Your wow nomination for <@U0NOMINEE> is in");
    const [n] = await nominations();
    expect(n).toMatchObject({ story: STORY, status: "active", sourceChannel: "C0TEAM", reference: null });

    await t.deliver();
    const [post] = t.fakeSlack.callsOf("chat.postMessage").filter((c) => c.args.channel === "C0TEAM");
    expect(post).toBeDefined();
    const blocks = JSON.stringify(post?.args.blocks);
    expect(blocks).toContain("<@U0NOMINEE>");
    expect(blocks).toContain("rebook the whole family");
    expect(blocks).toContain("nomination.second");
    const dm = t.fakeSlack.callsOf("chat.postMessage").find((c) => c.args.channel === "U0NOMINEE");
    expect(JSON.stringify(dm?.args.blocks)).toContain("nominated you for a *wow moment*");
    expect(await t.prisma.outbox.count({ where: { status: "pending" } })).toBe(0);
  });

  it.each([
    ["yourself", "U0AGENT", "You can't nominate yourself"],
    ["a bot", "U0ROBOT", "is a bot: wow moments are for people"],
    ["a deactivated account", "U0GONE", "account is deactivated"],
  ])("refuses nominating %s with a specific private message and stores nothing", async (_what, nominee, message) => {
    const reply = await wow(`<@${nominee}> ${STORY}`);
    expect(reply.response_type).toBe("ephemeral");
    expect(reply.text).toContain(message);
    expect(await nominations()).toEqual([]);
    expect(await t.prisma.outbox.count()).toBe(0);
  });

  it("refuses a story that is too short, saying how long it must be", async () => {
    const reply = await wow("<@U0NOMINEE> great job!");
    expect(reply.text).toContain("The story needs at least 20 characters (it has 10)");
    expect(await nominations()).toEqual([]);
  });

  it("counts the characters a person sees: zero-width spaces are nothing, an emoji is one", async () => {
    const invisible = await wow(`<@U0NOMINEE> ${"\u200b".repeat(25)}`);
    expect(invisible.text).toContain("The story needs at least 20 characters (it has 0)");
    // 11 emoji with skin tones or joiners (2 to 7 code units each) and "Thanks! " are 19 characters: one short.
    const emoji = "👍🏽👩‍💻🎉🙌🏾❤️🔥👏🏻🚀⭐🏆😊";
    expect((await wow(`<@U0NOMINEE> Thanks! ${emoji}`)).text).toContain("The story needs at least 20 characters (it has 19)");
    expect(await nominations()).toEqual([]);
  });

  it("explains usage when the command doesn't start with a mention", async () => {
    const reply = await wow("grace was great today, truly excellent work");
    expect(reply.text).toContain("Start with who it's for, as a mention");
    expect(await nominations()).toEqual([]);
  });

  it("creates one nomination when Slack retries the same command", async () => {
    const send = (headers?: Record<string, string>) =>
      t.slack.command({ command: "/wow", text: `<@U0NOMINEE> ${STORY}`, user_id: "U0AGENT", channel_id: "C0TEAM", trigger_id: "trig.retried" }, headers);
    await send();
    const again = await send({ "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" });
    expect(again.text).toContain("You had already sent this one");
    expect(await nominations()).toHaveLength(1);
    expect(await t.prisma.outbox.count()).toBe(2);
  });

  it("refuses the same story for the same person again within 24 hours", async () => {
    await wow(`<@U0NOMINEE> ${STORY}`);
    const reply = await wow(`<@U0NOMINEE> ${STORY}`);
    expect(reply.text).toContain("You already nominated grace with the same story in the last 24 hours");
    expect(await nominations()).toHaveLength(1);
  });

  it("enforces the daily limit and says when it resets, in the nominator's time zone", async () => {
    const ws = await new WorkspaceRepository(t.service.db).find("slack", "T0TEST");
    await new WorkspaceRepository(t.service.db).updateSettings(ws?.id ?? "", { nominationsPerDay: 2 }, "test");
    t.clock.set("2026-03-02T20:48:00Z"); // 21:48 in Berlin: 2 h 12 min to midnight
    try {
      await wow(`<@U0NOMINEE> ${STORY}`);
      await wow(`<@U0THIRD> ${STORY}`);
      const reply = await wow(`<@U0NOMINEE> Another great moment: calmed an upset caller and fixed the billing error.`);
      expect(reply.text).toContain("You've made 2 nominations today, the most allowed per day");
      expect(reply.text).toContain("at midnight (Europe/Berlin), in 2 h 12 min");
      expect(await nominations()).toHaveLength(2);
    } finally {
      await new WorkspaceRepository(t.service.db).updateSettings(ws?.id ?? "", { nominationsPerDay: 5 }, "test");
    }
  });

  it("starts a day at its first instant where daylight saving begins at midnight (America/Santiago)", async () => {
    t.fakeSlack.addUser({ id: "U0CHILE", name: "valentina", tz: "America/Santiago" });
    const ws = await new WorkspaceRepository(t.service.db).find("slack", "T0TEST");
    await new WorkspaceRepository(t.service.db).updateSettings(ws?.id ?? "", { nominationsPerDay: 1 }, "test");
    try {
      // Saturday 5 September 2026, 23:30 in Santiago (-04); at midnight the clocks jump to 01:00 (-03).
      t.clock.set("2026-09-06T03:30:00Z");
      expect((await wow(`<@U0NOMINEE> ${STORY}`, "U0CHILE")).text).toContain("Your wow nomination for <@U0NOMINEE> is in");
      // Sunday 01:10: a new day, so a new nomination is allowed; a second on Sunday is not.
      t.clock.set("2026-09-06T04:10:00Z");
      expect((await wow(`<@U0THIRD> ${STORY}`, "U0CHILE")).text).toContain("Your wow nomination for <@U0THIRD> is in");
      t.clock.set("2026-09-06T04:20:00Z");
      expect((await wow(`<@U0NOMINEE> Another great moment: calmed an upset caller and fixed the billing error.`, "U0CHILE")).text).toContain(
        "You've made 1 nomination today, the most allowed per day. You can nominate again at midnight (America/Santiago), in 22 h 40 min.",
      );
      expect(await nominations()).toHaveLength(2);
    } finally {
      await new WorkspaceRepository(t.service.db).updateSettings(ws?.id ?? "", { nominationsPerDay: 5 }, "test");
      t.clock.set("2026-03-02T09:00:00Z");
    }
  });

  it("neutralises @channel-style mentions typed into the story", async () => {
    await wow(`<@U0NOMINEE> <!channel> &lt;!here&gt; she handled the outage calls for everyone, with patience`);
    const [n] = await nominations();
    expect(n?.story).toBe("@channel <!here> she handled the outage calls for everyone, with patience");
    await t.deliver();
    const post = JSON.stringify(t.fakeSlack.callsOf("chat.postMessage").map((c) => c.args.blocks));
    expect(post).not.toMatch(/<!(channel|here|everyone)/);
    expect(post).toContain("&lt;!here&gt;");
  });

  it("opens the form for `/wow` and creates the nomination from its submission", async () => {
    await wow("<@U0NOMINEE>");
    const [open] = t.fakeSlack.callsOf("views.open");
    const view = open?.args.view as { callback_id: string; private_metadata: string; blocks: Array<{ element?: { initial_user?: string } }> };
    expect(view.callback_id).toBe("nomination.submit");
    expect(view.blocks[0]?.element?.initial_user).toBe("U0NOMINEE");

    const submission = (id: string, story: string) =>
      t.slack.viewSubmission("U0AGENT", {
        id,
        callback_id: "nomination.submit",
        private_metadata: view.private_metadata,
        state: {
          values: {
            nominee: { nominee: { type: "users_select", selected_user: "U0NOMINEE" } },
            reference: { reference: { type: "plain_text_input", value: "https://support.example.com/tickets/4711" } },
            story: { story: { type: "plain_text_input", value: story } },
            behaviours: { behaviours: { type: "checkboxes", selected_options: [{ value: "unstated_need" }, { value: "wow" }] } },
          },
        },
      });
    const short = (await (await submission("V1", "too short")).json()) as Reply;
    expect(short.response_action).toBe("errors");
    expect(short.errors?.story).toContain("at least 20 characters");
    expect(await nominations()).toEqual([]);

    const ok = (await (await submission("V2", STORY)).json()) as Reply;
    expect(ok.response_action).toBe("update");
    expect(JSON.stringify(ok.view)).toContain("Your wow nomination for <@U0NOMINEE> is in");
    const again = (await (await submission("V2", STORY)).json()) as Reply;
    expect(again.response_action).toBe("update");
    const stored = await nominations();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ reference: "https://support.example.com/tickets/4711", behaviours: ["unstated_need", "wow"], sourceChannel: "C0TEAM" });
  });

  it("opens the form from the message shortcut, prefilled with author, permalink and the quoted message", async () => {
    const res = await t.slack.interaction({
      type: "message_action",
      callback_id: "nominate_for_wow",
      team: { id: "T0TEST", domain: "wowbot-test" },
      user: { id: "U0AGENT", team_id: "T0TEST" },
      channel: { id: "C0SUPPORT", name: "support" },
      api_app_id: "A0WOWBOT",
      trigger_id: `trig.shortcut.${++trigger}`,
      response_url: `${t.fakeSlack.url}response/shortcut`,
      message_ts: "1700000000.000100",
      message: { type: "message", user: "U0NOMINEE", ts: "1700000000.000100", text: "Customer said: you &amp; your team saved my holiday <!here>" },
    });
    expect(res.status).toBe(200);
    expect(t.fakeSlack.callsOf("chat.getPermalink")[0]?.args).toMatchObject({ channel: "C0SUPPORT", message_ts: "1700000000.000100" });
    const view = t.fakeSlack.callsOf("views.open")[0]?.args.view as {
      private_metadata: string;
      blocks: Array<{ element?: { initial_user?: string; initial_value?: string } }>;
    };
    expect(view.blocks[0]?.element?.initial_user).toBe("U0NOMINEE");
    expect(view.blocks[1]?.element?.initial_value).toBe("https://wowbot-test.slack.com/archives/C0SUPPORT/p1700000000000100");
    expect(view.blocks[2]?.element?.initial_value).toBe("> Customer said: you & your team saved my holiday @here\n\n");
    expect(JSON.parse(view.private_metadata)).toEqual({ channel: "C0SUPPORT" });
  });

  describe("Second this", () => {
    const click = (user: string, nominationId: string) =>
      t.slack.blockAction(user, { type: "button", action_id: "nomination.second", value: nominationId }, `${t.fakeSlack.url}response/${user}`);
    const lastResponse = (user: string) => String(t.fakeSlack.callsOf(`response/${user}`).at(-1)?.args.text ?? "");

    it("counts one second per member, updates the post in place, and refuses the nominee and nominator", async () => {
      await wow(`<@U0NOMINEE> ${STORY}`);
      const [n] = await nominations();
      const id = n?.id ?? "";
      await t.deliver();

      expect((await click("U0THIRD", id)).status).toBe(200);
      expect(lastResponse("U0THIRD")).toContain("You seconded this wow moment. It now has 1 second.");
      await click("U0THIRD", id);
      expect(lastResponse("U0THIRD")).toContain("already seconded");
      await click("U0NOMINEE", id);
      expect(lastResponse("U0NOMINEE")).toContain("This one is about you");
      await click("U0AGENT", id);
      expect(lastResponse("U0AGENT")).toContain("You made this nomination");
      expect(await t.prisma.endorsement.count()).toBe(1);

      await t.deliver();
      const [update] = t.fakeSlack.callsOf("chat.update");
      const post = await t.prisma.outbox.findUnique({ where: { dedupeKey: `nomination:${id}:post` } });
      const posted = post?.result as { channel: string; ts: string } | null;
      expect(posted?.ts).toMatch(/^\d+\.\d+$/);
      expect(update?.args).toMatchObject({ channel: "C0TEAM", ts: posted?.ts });
      expect(JSON.stringify(update?.args.blocks)).toContain("Second this (1)");
    });

    it("refuses a nomination id from another workspace like an unknown one", async () => {
      const other = await t.prisma.workspace.create({ data: { platform: "slack", externalId: "T0OTHER", name: "Other" } });
      const a = await t.prisma.member.create({ data: { workspaceId: other.id, platformUserId: "U0X", displayName: "x" } });
      const b = await t.prisma.member.create({ data: { workspaceId: other.id, platformUserId: "U0Y", displayName: "y" } });
      const foreign = await t.prisma.nomination.create({ data: { workspaceId: other.id, nomineeId: a.id, nominatorId: b.id, story: STORY } });
      await click("U0THIRD", foreign.id);
      expect(lastResponse("U0THIRD")).toContain("That nomination doesn't exist any more.");
      expect(await t.prisma.endorsement.count()).toBe(0);
    });
  });

  describe("retract and remove", () => {
    const choose = (user: string, value: string) =>
      t.slack.blockAction(
        user,
        { type: "overflow", action_id: "nomination.manage", selected_option: { value, text: { type: "plain_text", text: "x" } } },
        `${t.fakeSlack.url}response/${user}`,
      );
    const lastResponse = (user: string) => String(t.fakeSlack.callsOf(`response/${user}`).at(-1)?.args.text ?? "");
    const posted = async () => {
      await wow(`<@U0NOMINEE> ${STORY}`);
      const [n] = await nominations();
      await t.deliver();
      return n?.id ?? "";
    };

    it("lets the nominator retract within an hour, updating the post instead of deleting it", async () => {
      const id = await posted();
      await choose("U0THIRD", `retract:${id}`);
      expect(lastResponse("U0THIRD")).toContain("Only the person who made a nomination can retract it.");
      t.clock.advance(59 * 60_000);
      await choose("U0AGENT", `retract:${id}`);
      expect(lastResponse("U0AGENT")).toContain("You retracted your nomination");
      expect((await t.prisma.nomination.findUnique({ where: { id } }))?.status).toBe("retracted");
      await t.deliver();
      const update = t.fakeSlack.callsOf("chat.update").at(-1);
      expect(JSON.stringify(update?.args.blocks)).toContain("was retracted by the nominator");
      expect(JSON.stringify(update?.args.blocks)).not.toContain("rebook");
      expect(t.fakeSlack.callsOf("chat.delete")).toHaveLength(0);
    });

    it("refuses a retraction after an hour, pointing to an admin", async () => {
      const id = await posted();
      t.clock.advance(61 * 60_000);
      await choose("U0AGENT", `retract:${id}`);
      expect(lastResponse("U0AGENT")).toContain("Nominations can be retracted within an hour; this one is 1 h 1 min old.");
      expect((await t.prisma.nomination.findUnique({ where: { id } }))?.status).toBe("active");
    });

    it("lets only admins remove a nomination, audit-logged", async () => {
      const id = await posted();
      await choose("U0THIRD", `remove:${id}`);
      expect(lastResponse("U0THIRD")).toContain("Only admins can remove a nomination.");
      await choose("U0BOSS", `remove:${id}`);
      expect(lastResponse("U0BOSS")).toContain("Nomination removed");
      const n = await t.prisma.nomination.findUnique({ where: { id } });
      expect(n?.status).toBe("removed");
      expect(await t.prisma.auditLog.findFirst({ where: { action: "nomination.remove", subject: `nomination:${id}` } })).toMatchObject({ actor: "U0BOSS" });
      await t.deliver();
      expect(JSON.stringify(t.fakeSlack.callsOf("chat.update").at(-1)?.args.blocks)).toContain("was removed by an admin");
      await choose("U0BOSS", `remove:${id}`);
      expect(lastResponse("U0BOSS")).toContain("That nomination was already removed.");
    });
  });
});

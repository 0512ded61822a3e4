// Wow nominations on Teams end to end (twin of slack-nominations): "wow" messages, the nomination dialog
// (task/fetch + task/submit) and "Second this" / retract / remove buttons (adaptiveCard/action) POSTed to
// /api/messages; stored rows checked on the real database; posts, private answers and updates captured by the fake
// Bot Connector.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WorkspaceRepository } from "../../src/db/workspace.repository.js";
import { SENT_PRIVATELY } from "../../src/views/notice.js";
import type { FakeTeamsUser } from "../support/fake-bot-connector.js";
import { startTestService, type TestService } from "../support/service.js";
import { type Card, cardOf, type TaskBody } from "../support/teams-cards.js";
import { personalConversationId, TEAMS_CHANNEL, TEAMS_TENANT } from "../support/teams-requests.js";

const user = (n: number, name: string): FakeTeamsUser => ({
  id: `29:account-${n}`,
  aadObjectId: `bbbbbbbb-0000-4000-8000-00000000000${n}`,
  name,
  email: `${name.split(" ")[0]?.toLowerCase()}@example.com`,
});
const ada = user(1, "Ada Agent");
const grace = user(2, "Grace Nominee");
const linus = user(3, "Linus Third");
const boss = user(4, "Boss Admin");

const STORY = "Stayed on the line to rebook the whole family's flights after the storm, and remembered the kid's birthday.";

/** The plain text of the last private answer a person got. */
const lastAnswer = (t: TestService, u: FakeTeamsUser) => String(t.fakeTeams.to(personalConversationId(u)).at(-1)?.activity.text ?? "");

describe("wow nominations on Teams", () => {
  let t: TestService;
  const nominations = () => t.prisma.nomination.findMany({ orderBy: { createdAt: "asc" } });
  const wowInChannel = (text: string, from = ada, mentions: FakeTeamsUser[] = [grace]) => t.teams.post(t.teams.channelMessage(from, text, { mentions }));
  const click = async (from: FakeTeamsUser, verb: string, data: Record<string, unknown>) => {
    const res = await t.teams.post(t.teams.cardAction(from, verb, data));
    expect(res.status).toBe(200);
    return String((res.body as { value?: unknown }).value ?? "");
  };

  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true, env: { WOWBOT_ADMINS: boss.aadObjectId } });
    for (const u of [ada, grace, linus, boss]) {
      t.fakeTeams.addMember(u);
      // Everyone has a 1:1 chat with the bot, so private answers land in a known conversation.
      await t.teams.post(t.teams.message(u, "help"));
    }
  });
  afterAll(() => t?.stop());
  beforeEach(async () => {
    await t.prisma.endorsement.deleteMany();
    await t.prisma.nomination.deleteMany();
    await t.prisma.outbox.deleteMany();
    t.fakeTeams.clear();
  });

  it("creates a nomination from 'wow @someone story' in a channel, confirms privately, posts in the channel and DMs the nominee", async () => {
    expect((await wowInChannel(`wow @${grace.name} ${STORY}`)).status).toBe(200);
    expect(lastAnswer(t, ada)).toContain(`Your wow nomination for ${grace.name} is in`);
    expect(t.fakeTeams.textsTo(TEAMS_CHANNEL.id)).toContain(`ℹ️ ${SENT_PRIVATELY}`);
    const [n] = await nominations();
    expect(n).toMatchObject({ story: STORY, status: "active", sourceChannel: TEAMS_CHANNEL.id, reference: null });

    t.fakeTeams.clear();
    await t.deliver();
    const [post] = t.fakeTeams.to(TEAMS_CHANNEL.id);
    const card = JSON.stringify(cardOf(post));
    expect(card).toContain("rebook the whole family");
    expect(card).toContain("nomination.second");
    expect(card).toContain(grace.aadObjectId);
    expect(JSON.stringify(cardOf(t.fakeTeams.to(personalConversationId(grace)).at(-1)))).toContain("nominated you for a **wow moment**");
    expect(await t.prisma.outbox.count({ where: { status: "pending" } })).toBe(0);
  });

  it("refuses nominating yourself with the same private message as Slack and stores nothing", async () => {
    await t.teams.post(t.teams.message(ada, `wow @${ada.name} ${STORY}`, { mentions: [ada] }));
    expect(lastAnswer(t, ada)).toContain("You can't nominate yourself");
    expect(await nominations()).toEqual([]);
    expect(await t.prisma.outbox.count()).toBe(0);
  });

  it("refuses a story that is too short, saying how long it must be", async () => {
    await t.teams.post(t.teams.message(ada, `wow @${grace.name} great job!`, { mentions: [grace] }));
    expect(lastAnswer(t, ada)).toContain("The story needs at least 20 characters (it has 10)");
    expect(await nominations()).toEqual([]);
  });

  it("explains usage (as Teams writes commands) when the command doesn't start with a mention", async () => {
    await t.teams.post(t.teams.message(ada, "wow grace was great today, truly excellent work"));
    expect(lastAnswer(t, ada)).toContain("Start with who it's for, as a mention: \"wow @teammate");
    expect(await nominations()).toEqual([]);
  });

  it("creates one nomination when Teams redelivers the same message", async () => {
    const activity = t.teams.message(ada, `wow @${grace.name} ${STORY}`, { mentions: [grace] });
    await t.teams.post(activity);
    await t.teams.post(activity);
    expect(lastAnswer(t, ada)).toContain("You had already sent this one");
    expect(await nominations()).toHaveLength(1);
  });

  it("refuses the same story for the same person again within 24 hours", async () => {
    await wowInChannel(`wow @${grace.name} ${STORY}`);
    await wowInChannel(`wow @${grace.name} ${STORY}`);
    expect(lastAnswer(t, ada)).toContain(`You already nominated ${grace.name} with the same story in the last 24 hours`);
    expect(await nominations()).toHaveLength(1);
  });

  it("enforces the daily limit and says when it resets", async () => {
    const repo = new WorkspaceRepository(t.service.db);
    const ws = await repo.find("teams", TEAMS_TENANT);
    await repo.updateSettings(ws?.id ?? "", { nominationsPerDay: 2 }, "test");
    t.clock.set("2026-03-02T20:48:00Z");
    try {
      await wowInChannel(`wow @${grace.name} ${STORY}`);
      await wowInChannel(`wow @${linus.name} ${STORY}`, ada, [linus]);
      await wowInChannel(`wow @${grace.name} Another great moment: calmed an upset caller and fixed the billing error.`);
      expect(lastAnswer(t, ada)).toContain("You've made 2 nominations today, the most allowed per day");
      expect(lastAnswer(t, ada)).toContain("at midnight");
      expect(await nominations()).toHaveLength(2);
    } finally {
      await repo.updateSettings(ws?.id ?? "", { nominationsPerDay: 5 }, "test");
    }
  });

  it("answers 'wow @someone' with a button that opens the dialog; errors show beside their inputs with the typed values kept", async () => {
    await wowInChannel(`wow @${grace.name}`);
    const opener = cardOf(t.fakeTeams.to(personalConversationId(ada)).at(-1));
    const button = opener?.actions?.[0];
    expect(button?.data).toMatchObject({
      msteams: { type: "task/fetch" },
      wowbot: "form.open",
      form: "form.nomination",
      nominee: grace.aadObjectId,
      channel: TEAMS_CHANNEL.id,
    });

    const fetched = await t.teams.post(t.teams.taskFetch(ada, button?.data ?? {}));
    const task = (fetched.body as TaskBody).task;
    expect(task.type).toBe("continue");
    const dialog = (task.value as { card: { content: Card } }).card.content;
    const nomineeInput = dialog.body.find((e) => e.id === "nominee");
    expect(nomineeInput).toMatchObject({ value: grace.aadObjectId, choices: [{ title: grace.name, value: grace.aadObjectId }] });
    const submitData = dialog.actions?.[0]?.data ?? {};
    expect(submitData).toMatchObject({ wowbot: "form.submit", form: "form.nomination", channel: TEAMS_CHANNEL.id });

    const submit = (story: string) =>
      t.teams.post(
        t.teams.taskSubmit(ada, {
          ...submitData,
          nominee: grace.aadObjectId,
          reference: "https://support.example.com/tickets/4711",
          story,
          behaviours: "unstated_need,wow",
        }),
      );
    const short = (await submit("too short")).body as TaskBody;
    expect(short.task.type).toBe("continue");
    const again = (short.task.value as { card: { content: Card } }).card.content.body;
    const storyAt = again.findIndex((e) => e.id === "story");
    expect(again[storyAt]).toMatchObject({ value: "too short" });
    expect(String(again[storyAt + 1]?.text)).toContain("at least 20 characters");
    expect(again.find((e) => e.id === "reference")).toMatchObject({ value: "https://support.example.com/tickets/4711" });
    expect(again.find((e) => e.id === "behaviours")).toMatchObject({ value: "unstated_need,wow" });
    expect(await nominations()).toEqual([]);

    const ok = (await submit(STORY)).body as TaskBody;
    expect(ok.task).toEqual({ type: "message", value: expect.stringContaining(`Your wow nomination for ${grace.name} is in`) });
    // The same dialog submitted again (a retry) creates nothing new.
    const retried = (await submit(STORY)).body as TaskBody;
    expect(String(retried.task.value)).toContain("You had already sent this one");
    const stored = await nominations();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      reference: "https://support.example.com/tickets/4711",
      behaviours: ["unstated_need", "wow"],
      sourceChannel: TEAMS_CHANNEL.id,
    });
  });

  it("ignores a channel in dialog data that wowbot doesn't know (forged card data)", async () => {
    const submitted = await t.teams.post(
      t.teams.taskSubmit(ada, {
        wowbot: "form.submit",
        form: "form.nomination",
        channel: "19:not-ours@thread.tacv2",
        dialog: "dialog-forged-1",
        nominee: grace.aadObjectId,
        story: STORY,
      }),
    );
    expect(String((submitted.body as TaskBody).task.value)).toContain("is in");
    const [n] = await nominations();
    expect(n?.sourceChannel).toBeNull();
  });

  describe("Second this", () => {
    const posted = async () => {
      await wowInChannel(`wow @${grace.name} ${STORY}`);
      const [n] = await nominations();
      await t.deliver();
      return n?.id ?? "";
    };

    it("counts one second per member, updates the channel post in place, and refuses the nominee and nominator", async () => {
      const id = await posted();
      const post = t.fakeTeams.to(TEAMS_CHANNEL.id).find((a) => JSON.stringify(a.activity).includes("nomination.second"));
      expect(post).toBeDefined();

      expect(await click(linus, "nomination.second", { nominationId: id })).toContain("You seconded this wow moment. It now has 1 second.");
      expect(await click(linus, "nomination.second", { nominationId: id })).toContain("already seconded");
      expect(await click(grace, "nomination.second", { nominationId: id })).toContain("This one is about you");
      expect(await click(ada, "nomination.second", { nominationId: id })).toContain("You made this nomination");
      expect(await t.prisma.endorsement.count()).toBe(1);

      t.fakeTeams.clear();
      await t.deliver();
      const updates = t.fakeTeams.activities.filter((a) => a.method === "PUT");
      expect(updates).toHaveLength(1);
      expect(updates[0]).toMatchObject({ conversationId: TEAMS_CHANNEL.id, activityId: post?.activityId });
      expect(JSON.stringify(cardOf(updates[0]))).toContain("Second this (1)");
    });

    it("refuses a nomination id from another workspace like an unknown one", async () => {
      const other = await t.prisma.workspace.create({ data: { platform: "teams", externalId: "other-tenant", name: "Other" } });
      const a = await t.prisma.member.create({ data: { workspaceId: other.id, platformUserId: "x-aad", displayName: "x" } });
      const b = await t.prisma.member.create({ data: { workspaceId: other.id, platformUserId: "y-aad", displayName: "y" } });
      const foreign = await t.prisma.nomination.create({ data: { workspaceId: other.id, nomineeId: a.id, nominatorId: b.id, story: STORY } });
      expect(await click(linus, "nomination.second", { nominationId: foreign.id })).toContain("That nomination doesn't exist any more.");
      expect(await click(linus, "nomination.second", { nominationId: "00000000-0000-4000-8000-000000000000" })).toContain(
        "That nomination doesn't exist any more.",
      );
      expect(await t.prisma.endorsement.count()).toBe(0);
    });

    it("refuses malformed button data and changes nothing", async () => {
      const id = await posted();
      expect(await click(linus, "nomination.second", { nominationId: "<script>" })).toContain("That button isn't valid any more");
      const res = await t.teams.post(
        t.teams.invoke(linus, "adaptiveCard/action", {
          action: { type: "Action.Execute", verb: "nomination.second", data: { wowbot: "nomination.remove", nominationId: id } },
        }),
      );
      expect(res.status).toBe(200);
      expect(await t.prisma.endorsement.count()).toBe(0);
      expect((await t.prisma.nomination.findUnique({ where: { id } }))?.status).toBe("active");
    });
  });

  describe("retract and remove", () => {
    const posted = async () => {
      await wowInChannel(`wow @${grace.name} ${STORY}`);
      const [n] = await nominations();
      await t.deliver();
      return n?.id ?? "";
    };

    it("lets the nominator retract within an hour, updating the post instead of deleting it", async () => {
      const id = await posted();
      expect(await click(linus, "nomination.retract", { nominationId: id })).toContain("Only the person who made a nomination can retract it.");
      t.clock.advance(59 * 60_000);
      expect(await click(ada, "nomination.retract", { nominationId: id })).toContain("You retracted your nomination");
      expect((await t.prisma.nomination.findUnique({ where: { id } }))?.status).toBe("retracted");
      t.fakeTeams.clear();
      await t.deliver();
      const update = t.fakeTeams.activities.filter((a) => a.method === "PUT").at(-1);
      expect(update?.conversationId).toBe(TEAMS_CHANNEL.id);
      expect(JSON.stringify(cardOf(update))).toContain("was retracted by the nominator");
      expect(JSON.stringify(cardOf(update))).not.toContain("rebook");
    });

    it("refuses a retraction after an hour, pointing to an admin", async () => {
      const id = await posted();
      t.clock.advance(61 * 60_000);
      expect(await click(ada, "nomination.retract", { nominationId: id })).toContain("Nominations can be retracted within an hour; this one is 1 h 1 min old.");
      expect((await t.prisma.nomination.findUnique({ where: { id } }))?.status).toBe("active");
    });

    it("lets only admins remove a nomination, audit-logged", async () => {
      const id = await posted();
      expect(await click(linus, "nomination.remove", { nominationId: id })).toContain("Only admins can remove a nomination.");
      expect(await click(boss, "nomination.remove", { nominationId: id })).toContain("Nomination removed");
      expect((await t.prisma.nomination.findUnique({ where: { id } }))?.status).toBe("removed");
      expect(await t.prisma.auditLog.findFirst({ where: { action: "nomination.remove", subject: `nomination:${id}` } })).toMatchObject({
        actor: boss.aadObjectId,
      });
      t.fakeTeams.clear();
      await t.deliver();
      expect(JSON.stringify(cardOf(t.fakeTeams.activities.filter((a) => a.method === "PUT").at(-1)))).toContain("was removed by an admin");
      expect(await click(boss, "nomination.remove", { nominationId: id })).toContain("That nomination was already removed.");
    });
  });
});

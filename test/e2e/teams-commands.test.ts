// Teams commands typed to the bot: help, unknown text and pto, in a 1:1 chat and from a channel (private answers
// go to the person's 1:1 chat, the channel gets one short pointer).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ptoOverview } from "../../src/app/pto-overview.js";
import { AttendanceRepository } from "../../src/db/attendance.repository.js";
import { MemberRepository } from "../../src/db/member.repository.js";
import { TeamRepository } from "../../src/db/team.repository.js";
import { WorkspaceRepository } from "../../src/db/workspace.repository.js";
import { helpView } from "../../src/views/help.js";
import type { View } from "../../src/views/index.js";
import { NOT_AVAILABLE, notice, SENT_PRIVATELY, SOMETHING_WENT_WRONG } from "../../src/views/notice.js";
import type { FakeTeamsUser } from "../support/fake-bot-connector.js";
import { startTestService, type TestService } from "../support/service.js";
import { personalConversationId, rendered, shownIn, TEAMS_CHANNEL, TEAMS_TENANT } from "../support/teams-requests.js";

const user = (n: number, name: string): FakeTeamsUser => ({
  id: `29:account-${n}`,
  aadObjectId: `aaaaaaaa-0000-4000-8000-00000000000${n}`,
  name,
  email: `${name.split(" ")[0]?.toLowerCase()}@example.com`,
});
const ann = user(1, "Ann Agent");
const lee = user(2, "Lee Lead");
const cam = user(3, "Cam Agent");
const dee = user(4, "Dee Newcomer");
const eve = user(5, "Eve Unlucky");
const fay = user(6, "Fay Admin");

describe("Teams commands", () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true, env: { WOWBOT_ADMINS: fay.aadObjectId } });
    t.fakeTeams.addMember(ann).addMember(lee).addMember(cam).addMember(dee).addMember(eve).addMember(fay);
  });
  afterAll(() => t?.stop());

  /** The view a person sees on their own pto page right now, built by the same use case. */
  async function ptoPageOf(viewerUser: FakeTeamsUser, memberUser = viewerUser): Promise<View> {
    const workspace = await new WorkspaceRepository(t.service.db).find("teams", TEAMS_TENANT);
    const members = new MemberRepository(t.service.db);
    const viewer = await members.find(workspace?.id ?? "", viewerUser.aadObjectId);
    const member = await members.find(workspace?.id ?? "", memberUser.aadObjectId);
    if (!workspace || !viewer || !member) throw new Error("not provisioned");
    const result = await ptoOverview(
      { attendance: new AttendanceRepository(t.prisma), clock: t.clock, teams: new TeamRepository(t.service.db) },
      { workspace, viewer, member },
    );
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }

  it("answers 'help' (and 'wowbot help', '/help') in a 1:1 chat with the command list", async () => {
    for (const text of ["help", "wowbot help", "/help", "WowBot HELP"]) {
      t.fakeTeams.clear();
      const res = await t.teams.post(t.teams.message(ann, text));
      expect(res.status).toBe(200);
      expect(t.fakeTeams.activities).toHaveLength(1);
      const [reply] = t.fakeTeams.to(personalConversationId(ann));
      // Commands are written as on Teams ("wow", not "/wow").
      expect(shownIn(reply?.activity ?? {})).toEqual(rendered(helpView(undefined, "")));
    }
  });

  it("answers unknown text with help that names what was typed", async () => {
    t.fakeTeams.clear();
    await t.teams.post(t.teams.message(ann, "make me a sandwich"));
    const replies = t.fakeTeams.to(personalConversationId(ann));
    expect(replies).toHaveLength(1);
    expect(shownIn(replies[0]?.activity ?? {})).toEqual(rendered(helpView("make me a sandwich", "")));
    // Names of built-in object properties are unknown text too, not commands.
    // After "wowbot", the unknown part is the sub-command (as Slack's "/wowbot constructor").
    for (const [text, unknown] of [
      ["constructor", "constructor"],
      ["wowbot constructor", "constructor"],
      ["__proto__", "__proto__"],
    ]) {
      t.fakeTeams.clear();
      expect((await t.teams.post(t.teams.message(ann, text ?? ""))).status).toBe(200);
      expect(t.fakeTeams.to(personalConversationId(ann)).map((r) => shownIn(r.activity))).toEqual([rendered(helpView(unknown, ""))]);
    }
  });

  it("'pto' in a 1:1 chat answers there with the member's own PTO page", async () => {
    t.fakeTeams.clear();
    await t.teams.post(t.teams.message(ann, "pto"));
    const replies = t.fakeTeams.to(personalConversationId(ann));
    expect(replies).toHaveLength(1);
    expect(shownIn(replies[0]?.activity ?? {})).toEqual(rendered(await ptoPageOf(ann)));
    expect(t.fakeTeams.created).toHaveLength(0);
  });

  it("'pto' from a channel goes to the person's 1:1 chat (opened for them) and the channel gets a short pointer", async () => {
    t.fakeTeams.clear();
    const res = await t.teams.post(t.teams.channelMessage(cam, "/pto"));
    expect(res.status).toBe(200);
    // Cam never wrote to the bot privately: the chat is created with Cam's account id in the tenant.
    expect(t.fakeTeams.created).toHaveLength(1);
    const created = t.fakeTeams.created[0];
    expect(created?.parameters).toMatchObject({ isGroup: false, members: [{ id: cam.id }], tenantId: TEAMS_TENANT });
    const privately = t.fakeTeams.to(created?.id ?? "");
    expect(privately).toHaveLength(1);
    expect(shownIn(privately[0]?.activity ?? {})).toEqual(rendered(await ptoPageOf(cam)));
    const inChannel = t.fakeTeams.to(TEAMS_CHANNEL.id);
    expect(inChannel).toHaveLength(1);
    expect(shownIn(inChannel[0]?.activity ?? {})).toEqual(rendered(notice("info", SENT_PRIVATELY)));
    expect(inChannel[0]?.replyToId).toBeTruthy();

    // The new 1:1 chat was remembered: the next private answer goes there without creating another.
    t.fakeTeams.clear();
    await t.teams.post(t.teams.channelMessage(cam, "pto"));
    expect(t.fakeTeams.created).toHaveLength(0);
    expect(t.fakeTeams.to(created?.id ?? "")).toHaveLength(1);
  });

  it("'pto @someone' from an agent is refused privately; a lead sees the person's page", async () => {
    await t.teams.post(t.teams.message(lee, "hello"));
    t.fakeTeams.clear();
    await t.teams.post(t.teams.message(lee, "pto @Ann Agent", { mentions: [ann] }));
    const refused = t.fakeTeams.to(personalConversationId(lee));
    expect(refused).toHaveLength(1);
    expect(shownIn(refused[0]?.activity ?? {})).toEqual(
      rendered(notice("error", "PTO balances and attendance points are private: you can only see your own. Try `pto`.")),
    );

    const workspace = await t.prisma.workspace.findFirstOrThrow({ where: { platform: "teams" } });
    await t.prisma.member.update({
      where: { workspaceId_platformUserId: { workspaceId: workspace.id, platformUserId: lee.aadObjectId } },
      data: { role: "lead" },
    });
    t.fakeTeams.clear();
    await t.teams.post(t.teams.message(lee, "pto @Ann Agent", { mentions: [ann] }));
    const page = t.fakeTeams.to(personalConversationId(lee));
    expect(page).toHaveLength(1);
    expect(shownIn(page[0]?.activity ?? {})).toEqual(rendered(await ptoPageOf(lee, ann)));
  });

  it("'pto' with something other than a mention gets the usage, privately", async () => {
    t.fakeTeams.clear();
    await t.teams.post(t.teams.message(ann, "pto everyone"));
    const replies = t.fakeTeams.to(personalConversationId(ann));
    expect(shownIn(replies[0]?.activity ?? {})).toEqual(rendered(notice("info", "Usage: `pto` for your own balance (leads: `pto @agent`).")));
  });

  it("a mention of someone wowbot never saw is resolved through the roster to their AAD id, and they are provisioned", async () => {
    const workspace = await t.prisma.workspace.findFirstOrThrow({ where: { platform: "teams" } });
    expect(await t.prisma.member.count({ where: { platformUserId: dee.aadObjectId } })).toBe(0);
    t.fakeTeams.clear();
    await t.teams.post(t.teams.channelMessage(lee, "pto @Dee Newcomer", { mentions: [dee] }));
    const dMember = await t.prisma.member.findUniqueOrThrow({
      where: { workspaceId_platformUserId: { workspaceId: workspace.id, platformUserId: dee.aadObjectId } },
    });
    expect(dMember).toMatchObject({ platformAccountId: dee.id, displayName: dee.name, email: dee.email, role: "agent" });
    // Lee is a lead (previous test): Dee's page went to Lee's 1:1 chat, a pointer to the channel.
    expect(shownIn(t.fakeTeams.to(personalConversationId(lee))[0]?.activity ?? {})).toEqual(rendered(await ptoPageOf(lee, dee)));
    expect(t.fakeTeams.textsTo(TEAMS_CHANNEL.id)).toEqual([rendered(notice("info", SENT_PRIVATELY)).text]);
  });

  it("unknown dialogs and buttons answer 200 with 'not available yet' instead of failing", async () => {
    t.fakeTeams.clear();
    const fetched = await t.teams.post(t.teams.taskFetch(ann, { wowbot: "form.open", form: "no-such-form" }));
    expect(fetched).toEqual({ status: 200, body: { task: { type: "message", value: NOT_AVAILABLE } } });
    const submitted = await t.teams.post(t.teams.taskSubmit(ann, { wowbot: "form.submit", form: "no-such-form" }));
    expect(submitted).toEqual({ status: 200, body: { task: { type: "message", value: NOT_AVAILABLE } } });
    // An Action.Execute button is answered in the invoke (shown to the clicker only); an Action.Submit button privately.
    const clicked = await t.teams.post(t.teams.cardAction(ann, "no.such.action", {}));
    expect(clicked).toEqual({ status: 200, body: { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: NOT_AVAILABLE } });
    const submitButton = await t.teams.post(t.teams.message(ann, "", { value: { wowbot: "no.such.button" } }));
    expect(submitButton.status).toBe(200);
    expect(t.fakeTeams.textsTo(personalConversationId(ann))).toEqual([rendered(notice("info", NOT_AVAILABLE)).text]);
  });

  it("a failure is logged and the person is told privately that something went wrong, without details", async () => {
    t.fakeTeams.clear();
    t.fakeTeams.fail("member", { status: 500 });
    const res = await t.teams.post(t.teams.message(eve, "pto"));
    expect(res.status).toBe(200);
    const replies = t.fakeTeams.to(personalConversationId(eve));
    expect(replies.map((r) => shownIn(r.activity))).toEqual([rendered(notice("error", SOMETHING_WENT_WRONG))]);
    expect(t.logs.some((l) => l.msg === "Teams activity failed" && l.level === "error")).toBe(true);
    // What the person sees (the text and the card), not the activity's envelope: its serviceUrl carries the fake
    // connector's port, which failed this test when the port happened to be 35001.
    const shown = JSON.stringify({ text: replies[0]?.activity.text, attachments: replies[0]?.activity.attachments });
    expect(shown).not.toMatch(/\b500\b|internal|scripted/i);
  });

  it("WOWBOT_ADMINS names Teams admins by AAD object id, as on Slack; everyone else starts as an agent", async () => {
    await t.teams.post(t.teams.message(fay, "help"));
    const roles = await t.prisma.member.findMany({ where: { platformUserId: { in: [fay.aadObjectId, ann.aadObjectId] } }, orderBy: { displayName: "asc" } });
    expect(roles.map((m) => [m.displayName, m.role])).toEqual([
      [ann.name, "agent"],
      [fay.name, "admin"],
    ]);
  });
});

// One service with Slack and Teams both on: a Slack team and a Teams tenant are two workspaces, and nobody in one
// ever sees the other's data: pto, stats, exports, the digest preview and nominations stay within the workspace,
// and naming a person of the other platform is answered "not found", changing nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FILE_CONSENT_CARD } from "../../src/adapters/teams/export.js";
import { PERSON_NOT_FOUND } from "../../src/chat/request.js";
import { notice } from "../../src/views/notice.js";
import type { FakeTeamsUser } from "../support/fake-bot-connector.js";
import { startTestService, type TestService } from "../support/service.js";
import { personalConversationId, rendered } from "../support/teams-requests.js";

const SLACK_BOSS = "U0SBOSS";
const SLACK_AGENT = "U0SAGENT";
/** The fake Slack's DM channel with the Slack admin. */
const SLACK_BOSS_DM = "D0SBOSS";
const teamsBoss: FakeTeamsUser = { id: "29:t-boss", aadObjectId: "eeeeeeee-0000-4000-8000-0000000000b1", name: "Tess Teamsboss" };
const teamsAgent: FakeTeamsUser = { id: "29:t-agent", aadObjectId: "eeeeeeee-0000-4000-8000-0000000000a1", name: "Tom Teamsagent" };
/** A Slack person as a Teams mention would carry them: nobody in the tenant's roster has that id. */
const slackAsTeams: FakeTeamsUser = { id: SLACK_AGENT, aadObjectId: SLACK_AGENT, name: "sally" };

const SLACK_STORY = "Slack-side story: rescued the Friday escalation queue.";
const TEAMS_STORY = "Teams-side story: calmed a caller whose parcel went to Narnia.";
const notFound = rendered(notice("error", PERSON_NOT_FOUND)).text;

describe("Slack and Teams workspaces in one service", () => {
  let t: TestService;
  /** Everything Slack said (responses, posts, uploaded files) and everything the bot sent to Teams, as text. */
  const slackSaw = () =>
    JSON.stringify(t.fakeSlack.calls) +
    t.fakeSlack
      .filesSharedIn(SLACK_BOSS_DM)
      .map((f) => f.bytes?.toString("utf8"))
      .join("");
  const teamsSaw = () => JSON.stringify(t.fakeTeams.activities) + t.fakeTeams.uploads.map((u) => u.bytes.toString("utf8")).join("");
  const teamsSay = (user: FakeTeamsUser, text: string, mentions: FakeTeamsUser[] = []) => t.teams.post(t.teams.message(user, text, { mentions }));
  const lastTeamsReply = (user: FakeTeamsUser) => String(t.fakeTeams.to(personalConversationId(user)).at(-1)?.activity.text ?? "");
  const slackCmd = (command: string, text: string, user = SLACK_BOSS) => t.slack.command({ command, text, user_id: user });

  beforeAll(async () => {
    t = await startTestService({ teams: true, env: { WOWBOT_ADMINS: `${SLACK_BOSS},${teamsBoss.aadObjectId}` } });
    t.fakeSlack.addUser({ id: SLACK_BOSS, name: "sam" });
    t.fakeSlack.addUser({ id: SLACK_AGENT, name: "sally" });
    t.fakeTeams.addMember(teamsBoss).addMember(teamsAgent);
    await slackCmd("/wowbot", "help", SLACK_AGENT);
    await slackCmd("/wow", `<@${SLACK_AGENT}> ${SLACK_STORY}`);
    await teamsSay(teamsAgent, "help");
    await teamsSay(teamsBoss, `wow @${teamsAgent.name} ${TEAMS_STORY}`, [teamsAgent]);
    await t.deliver();
    t.fakeSlack.reset();
    t.fakeTeams.clear();
  });
  afterAll(() => t?.stop());

  it("keeps them as two workspaces with their own members and nominations", async () => {
    const workspaces = await t.prisma.workspace.findMany({ orderBy: { platform: "asc" }, include: { members: true, nominations: true } });
    expect(workspaces.map((w) => [w.platform, w.members.length, w.nominations.map((n) => n.story)])).toEqual([
      ["slack", 2, [SLACK_STORY]],
      ["teams", 2, [TEAMS_STORY]],
    ]);
  });

  it("answers a mention of the other platform's person with 'not found', storing nothing", async () => {
    const before = { nominations: await t.prisma.nomination.count(), occurrences: await t.prisma.attendanceOccurrence.count() };
    // The Slack person's id in the neutral mention form the Teams adapter hands the shared commands.
    const sally = `<@${SLACK_AGENT}|sally>`;
    for (const text of [`wow ${sally} ${TEAMS_STORY}`, `pto ${sally}`, `wowbot stats ${sally}`, `attendance ${sally} absent`]) {
      await teamsSay(teamsBoss, text);
      expect(lastTeamsReply(teamsBoss)).toBe(notFound);
    }
    // A Teams mention entity carrying that id is no better: the tenant's roster does not know it (counted below).
    await teamsSay(teamsBoss, `wow @sally ${TEAMS_STORY}`, [slackAsTeams]);
    for (const [command, text] of [
      ["/wow", `<@${teamsAgent.aadObjectId}> ${SLACK_STORY}`],
      ["/pto", `<@${teamsAgent.aadObjectId}>`],
      ["/wowbot", `stats <@${teamsAgent.aadObjectId}>`],
      ["/attendance", `<@${teamsAgent.aadObjectId}> absent`],
    ] as const) {
      expect((await slackCmd(command, text)).text).toBe(`:no_entry_sign: ${PERSON_NOT_FOUND}`);
    }
    expect({ nominations: await t.prisma.nomination.count(), occurrences: await t.prisma.attendanceOccurrence.count() }).toEqual(before);
    // No Teams person was provisioned into the Slack workspace or the other way round.
    const members = await t.prisma.member.findMany({ include: { workspace: true } });
    expect(members.map((m) => `${m.workspace.platform}:${m.platformUserId}`).sort()).toEqual(
      [`slack:${SLACK_AGENT}`, `slack:${SLACK_BOSS}`, `teams:${teamsAgent.aadObjectId}`, `teams:${teamsBoss.aadObjectId}`].sort(),
    );
  });

  it("shows pto, stats and the digest preview from the asker's workspace only", async () => {
    t.fakeSlack.reset();
    t.fakeTeams.clear();
    for (const text of ["pto", `pto @${teamsAgent.name}`, "wowbot stats", `wowbot stats @${teamsAgent.name}`, "wowbot digest"]) {
      await teamsSay(teamsBoss, text, text.includes("@") ? [teamsAgent] : []);
    }
    for (const [command, text] of [
      ["/pto", ""],
      ["/pto", `<@${SLACK_AGENT}>`],
      ["/wowbot", "stats"],
      ["/wowbot", `stats <@${SLACK_AGENT}>`],
      ["/wowbot", "digest"],
    ] as const) {
      await slackCmd(command, text);
    }
    // Each side's own people appear on its side (the command worked)...
    expect(teamsSaw()).toContain(teamsAgent.name);
    expect(slackSaw()).toContain(SLACK_AGENT);
    // ...and never the other's.
    for (const secret of [SLACK_AGENT, SLACK_BOSS, "sally", "sam", "Slack-side story"]) expect(teamsSaw()).not.toContain(secret);
    for (const secret of [teamsAgent.aadObjectId, teamsBoss.aadObjectId, teamsAgent.name, teamsBoss.name, "Teams-side story"])
      expect(slackSaw()).not.toContain(secret);
  });

  it("exports only the asker's workspace", async () => {
    t.fakeSlack.reset();
    t.fakeTeams.clear();
    await slackCmd("/wowbot", "export nominations");
    const [slackFile] = t.fakeSlack.filesSharedIn(SLACK_BOSS_DM);
    const slackCsv = slackFile?.bytes?.toString("utf8") ?? "";
    expect(slackCsv).toContain(SLACK_STORY);
    expect(slackCsv).not.toContain(TEAMS_STORY);
    expect(slackCsv).not.toContain(teamsAgent.aadObjectId);

    await teamsSay(teamsBoss, "wowbot export nominations");
    const card = t.fakeTeams
      .to(personalConversationId(teamsBoss))
      .flatMap((a) => a.activity.attachments ?? [])
      .find((a) => a.contentType === FILE_CONSENT_CARD) as { content: { acceptContext: unknown } } | undefined;
    await t.teams.post(
      t.teams.invoke(teamsBoss, "fileConsent/invoke", {
        type: "fileUpload",
        action: "accept",
        context: card?.content.acceptContext,
        uploadInfo: { name: "n.csv", uploadUrl: t.fakeTeams.uploadUrl("n.csv"), contentUrl: "https://contoso.example/n.csv", uniqueId: "n", fileType: "csv" },
      }),
    );
    const teamsCsv = t.fakeTeams.uploads[0]?.bytes.toString("utf8") ?? "";
    expect(teamsCsv).toContain(TEAMS_STORY);
    expect(teamsCsv).not.toContain(SLACK_STORY);
    expect(teamsCsv).not.toContain(SLACK_AGENT);
  });
});

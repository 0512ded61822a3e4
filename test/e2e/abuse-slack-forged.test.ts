// Forged Slack interactivity: every lead-only and admin-only button, modal submission and command sent by an agent
// (hand-made payloads, as if the UI had offered them), and ids of another workspace sent by this workspace's leads
// and admins. Each is refused with a specific private message, logged with its reason, and changes no row.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { answerAndChanges } from "../support/db-snapshot.js";
import { creditOpeningBalance } from "../support/seeds.js";
import { startTestService, type TestService } from "../support/service.js";

const BOSS = "U0BOSS";
const LEAD = "U0LEAD";
const ADA = "U0ADA";
const BEN = "U0BEN";
const STORY = "stayed late to walk a customer through the whole migration";

interface Ids {
  nomination: string;
  request: string;
  occurrence: string;
}

describe("abuse: forged lead and admin actions", () => {
  let t: TestService;
  let seq = 0;
  const ids: Ids = { nomination: "", request: "", occurrence: "" };
  const foreign: Ids = { nomination: "", request: "", occurrence: "" };

  /** A click's private answer (its response_url post). */
  const click = async (user: string, action: Record<string, unknown>) => {
    const key = `click.${++seq}`;
    const res = await t.slack.blockAction(user, action, `${t.fakeSlack.url}response/${key}`);
    expect(res.status).toBe(200);
    return String(t.fakeSlack.callsOf(`response/${key}`).at(-1)?.args.text ?? "");
  };
  const button = (user: string, action_id: string, value: string) => click(user, { type: "button", action_id, value });
  const overflow = (user: string, value: string) =>
    click(user, { type: "overflow", action_id: "nomination.manage", selected_option: { value, text: { type: "plain_text", text: "x" } } });
  /** A modal submission's answer: its errors, joined. */
  const submit = async (user: string, callback_id: string, values: Record<string, Record<string, unknown>>) => {
    const res = await t.slack.viewSubmission(user, {
      id: `VF${++seq}`,
      callback_id,
      state: { values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { [k]: v }])) },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response_action?: string; errors?: Record<string, string> };
    expect(body.response_action).toBe("errors");
    return Object.values(body.errors ?? {}).join(" ");
  };
  const command = async (user: string, name: string, text: string) => {
    const reply = await t.slack.command({ command: name, text, user_id: user, trigger_id: `f.${++seq}` });
    expect(reply.response_type).toBe("ephemeral");
    return reply.text;
  };
  const text = (value: string) => ({ type: "plain_text_input", value });
  const scoreValues = (agent: string) => ({
    agent: { type: "users_select", selected_user: agent },
    reference: text("CALL-1"),
    channel: { type: "static_select", selected_option: { value: "phone" } },
    connection: { type: "radio_buttons", selected_option: { value: "1" } },
    rapport: { type: "radio_buttons", selected_option: { value: "yes" } },
    unstatedNeeds: { type: "radio_buttons", selected_option: { value: "yes" } },
    wow: { type: "radio_buttons", selected_option: { value: "yes" } },
    note: text("forged"),
  });
  const refusals = () => t.logs.filter((l) => l.msg === "chat request refused");

  beforeAll(async () => {
    t = await startTestService({ env: { WOWBOT_ADMINS: BOSS } });
    t.fakeSlack.addUsers({ [BOSS]: "boss", [LEAD]: "lena", [ADA]: "ada", [BEN]: "ben" });
    await t.slack.command({ command: "/wowbot", text: `role <@${LEAD}> lead`, user_id: BOSS });
    await t.slack.command({ command: "/wowbot", text: "token create payroll", user_id: BOSS });
    await t.slack.command({ command: "/wow", text: `<@${ADA}> ${STORY}`, user_id: BEN });
    await t.slack.command({ command: "/attendance", text: `<@${BEN}> late`, user_id: LEAD });
    await t.slack.command({ command: "/wowbot", text: "help", user_id: ADA });
    const ben = await t.prisma.member.findFirstOrThrow({ where: { platformUserId: BEN } });
    await creditOpeningBalance(t.prisma, ben, 16, "abuse:opening");
    await t.slack.viewSubmission(BEN, {
      id: "VPTO",
      callback_id: "pto.request.submit",
      state: { values: { date: { date: { type: "datepicker", selected_date: "2026-03-20" } }, note: { note: text("family") } } },
    });
    ids.nomination = (await t.prisma.nomination.findFirstOrThrow()).id;
    ids.request = (await t.prisma.ptoRequest.findFirstOrThrow()).id;
    ids.occurrence = (await t.prisma.attendanceOccurrence.findFirstOrThrow()).id;

    // Another workspace with the same kinds of rows, which this workspace's people must not reach.
    const other = await t.prisma.workspace.create({ data: { platform: "slack", externalId: "T0OTHER", name: "Other" } });
    const [x, y] = await Promise.all(
      ["U0X", "U0Y"].map((platformUserId) => t.prisma.member.create({ data: { workspaceId: other.id, platformUserId, displayName: platformUserId } })),
    );
    if (!x || !y) throw new Error("seed failed");
    foreign.nomination = (await t.prisma.nomination.create({ data: { workspaceId: other.id, nomineeId: x.id, nominatorId: y.id, story: STORY } })).id;
    await creditOpeningBalance(t.prisma, x, 16, "abuse:foreign");
    foreign.request = (
      await t.prisma.ptoRequest.create({ data: { workspaceId: other.id, memberId: x.id, date: new Date("2026-03-20"), hours: 8, requestKey: "foreign" } })
    ).id;
    foreign.occurrence = (
      await t.prisma.attendanceOccurrence.create({
        data: { workspaceId: other.id, memberId: x.id, date: new Date("2026-03-01"), type: "late", points: 0.5, recordedBy: "U0Y" },
      })
    ).id;
    expect(await t.prisma.ptoRequest.count({ where: { status: "pending" } })).toBe(2);
  });
  afterAll(() => t.stop());
  beforeEach(async () => {
    await t.deliver();
    t.fakeSlack.reset();
    t.logs.length = 0;
  });

  /** Calls the fake Slack must never see after a refusal: nothing opened, posted, updated or sent by DM. */
  const sideEffects = () => t.fakeSlack.calls.filter((c) => !c.method.startsWith("response/"));

  type Forgery = [string, () => Promise<string>, RegExp];
  const agentForgeries: Forgery[] = [
    ["the Score this button", () => button(ADA, "nomination.score", ids.nomination), /only leads/i],
    ["removing a nomination", () => overflow(ADA, `remove:${ids.nomination}`), /only admins/i],
    ["retracting someone else's nomination", () => overflow(ADA, `retract:${ids.nomination}`), /only the person who made a nomination/i],
    ["deleting an attendance record", () => button(ADA, "attendance.delete", ids.occurrence), /only leads/i],
    ["approving a paid day", () => button(ADA, "pto.approve", ids.request), /only leads and admins/i],
    ["declining a paid day", () => button(ADA, "pto.decline", ids.request), /only leads and admins/i],
    ["cancelling someone else's paid day", () => button(ADA, "pto.cancel", ids.request), /./],
    ["a score submission", () => submit(ADA, "score.submit", scoreValues(BEN)), /only leads/i],
    [
      "an attendance submission",
      () =>
        submit(ADA, "attendance.submit", {
          member: { type: "users_select", selected_user: BEN },
          date: { type: "datepicker", selected_date: "2026-03-01" },
          type: { type: "radio_buttons", selected_option: { value: "absence" } },
          note: text("forged"),
        }),
      /only leads/i,
    ],
    ["a settings submission", () => submit(ADA, "settings.submit", { scoreGoal: { type: "number_input", value: "1" } }), /only admins/i],
    ["/score", () => command(ADA, "/score", `<@${BEN}> CALL-1`), /only leads/i],
    ["/attendance", () => command(ADA, "/attendance", ""), /only leads/i],
    ["/attendance recording", () => command(ADA, "/attendance", `<@${BEN}> absent`), /only leads/i],
    ["/attendance listing", () => command(ADA, "/attendance", `<@${BEN}>`), /only leads/i],
    ["/wowbot settings", () => command(ADA, "/wowbot", "settings"), /only admins/i],
    ["/wowbot role", () => command(ADA, "/wowbot", `role <@${ADA}> admin`), /only admins/i],
    ["/wowbot token create", () => command(ADA, "/wowbot", "token create mine"), /only admins/i],
    ["/wowbot token list", () => command(ADA, "/wowbot", "token list"), /only admins/i],
    ["/wowbot token revoke", () => command(ADA, "/wowbot", "token revoke payroll"), /only admins/i],
    ["/wowbot export", () => command(ADA, "/wowbot", "export scores"), /only admins/i],
    ["/wowbot digest preview", () => command(ADA, "/wowbot", "digest"), /for leads/i],
    ["/pto for someone else", () => command(ADA, "/pto", `<@${BEN}>`), /./],
    ["/wowbot stats for someone else", () => command(ADA, "/wowbot", `stats <@${BEN}>`), /./],
    // Leads may not do what only admins may.
    ["removing a nomination, by a lead", () => overflow(LEAD, `remove:${ids.nomination}`), /only admins/i],
    ["/wowbot role, by a lead", () => command(LEAD, "/wowbot", `role <@${LEAD}> admin`), /only admins/i],
    ["/wowbot token create, by a lead", () => command(LEAD, "/wowbot", "token create mine"), /only admins/i],
    ["a settings submission, by a lead", () => submit(LEAD, "settings.submit", { scoreGoal: { type: "number_input", value: "1" } }), /only admins/i],
  ];

  it.each(agentForgeries)("refuses %s by an agent or lead, privately and logged, changing nothing", async (_what, forge, message) => {
    const { answer, changes } = await answerAndChanges(t.prisma, forge);
    expect(changes).toEqual({});
    expect(answer).toMatch(message);
    expect(sideEffects()).toEqual([]);
    expect(refusals()).toHaveLength(1);
    expect(refusals()[0]).toMatchObject({ level: "info" });
    expect(JSON.stringify(refusals()[0]?.reason)).toMatch(message);
    expect(t.logs.filter((l) => l.level === "error")).toEqual([]);
  });

  const foreignIds: Forgery[] = [
    ["seconding", () => button(ADA, "nomination.second", foreign.nomination), /doesn't exist/i],
    ["Score this", () => button(LEAD, "nomination.score", foreign.nomination), /doesn't exist/i],
    ["removing", () => overflow(BOSS, `remove:${foreign.nomination}`), /doesn't exist|not found|no longer/i],
    ["approving", () => button(LEAD, "pto.approve", foreign.request), /doesn't exist|not found|no longer|can't find|no such/i],
    ["declining", () => button(BOSS, "pto.decline", foreign.request), /doesn't exist|not found|no longer|can't find|no such/i],
    ["cancelling", () => button(ADA, "pto.cancel", foreign.request), /doesn't exist|not found|no longer|can't find|no such/i],
    ["deleting an attendance record", () => button(LEAD, "attendance.delete", foreign.occurrence), /doesn't exist|not found|no longer|can't find|no such/i],
    ["a made-up id", () => button(LEAD, "pto.approve", "00000000-0000-4000-8000-000000000000"), /doesn't exist|not found|no longer|can't find|no such/i],
    [
      "an id that is not a uuid",
      () => button(LEAD, "attendance.delete", '\'; DROP TABLE "Member"; --'),
      /doesn't exist|not found|no longer|can't find|no such/i,
    ],
    // Their members, named by Slack user id where this workspace's people pick or mention someone.
    [
      "an attendance form naming their member",
      () =>
        submit(LEAD, "attendance.submit", {
          member: { type: "users_select", selected_user: "U0X" },
          date: { type: "datepicker", selected_date: "2026-03-01" },
          type: { type: "radio_buttons", selected_option: { value: "absence" } },
          note: text(""),
        }),
      /can't find that person in this workspace/,
    ],
    ["a score form naming their member", () => submit(LEAD, "score.submit", scoreValues("U0X")), /can't find that person in this workspace/],
    [
      "a nomination form naming their member",
      () => submit(ADA, "nomination.submit", { nominee: { type: "users_select", selected_user: "U0X" }, story: text(STORY) }),
      /can't find that person/,
    ],
    ["/wow naming their member", () => command(ADA, "/wow", `<@U0X> ${STORY}`), /can't find that person in this workspace/],
    ["/pto naming their member", () => command(LEAD, "/pto", "<@U0X>"), /can't find that person in this workspace/],
    ["/attendance naming their member", () => command(LEAD, "/attendance", "<@U0X> late"), /can't find that person in this workspace/],
    ["/wowbot role naming their member", () => command(BOSS, "/wowbot", "role <@U0X> lead"), /can't find that person in this workspace/],
  ];

  it.each(foreignIds)("treats another workspace's id in %s like an unknown one, changing nothing", async (_what, forge, message) => {
    const { answer, changes } = await answerAndChanges(t.prisma, forge);
    expect(changes).toEqual({});
    expect(answer).toMatch(message);
    // This workspace's directory is asked about a person it does not know (a read, not output).
    expect(sideEffects().filter((c) => c.method !== "users.info")).toEqual([]);
    expect(refusals()).toHaveLength(1);
    expect(t.logs.filter((l) => l.level === "error")).toEqual([]);
  });
});

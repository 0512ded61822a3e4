// Hostile text in every free-text field on Slack: broadcast, user, channel, group and link markup typed into stories,
// references, notes, settings and token names never reaches what Slack receives as live markup (it shows as text),
// and oversized text (50,000 characters, multi-byte, with newlines) is refused with a specific message, stored
// nowhere, and never sent where Slack would reject it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { blockKitProblems } from "../support/block-kit-limits.js";
import { answerAndChanges } from "../support/db-snapshot.js";
import type { SlackCall } from "../support/fake-slack.js";
import { creditOpeningBalance } from "../support/seeds.js";
import { startTestService, type TestService } from "../support/service.js";

const BOSS = "U0BOSS";
const LEAD = "U0LEAD";
const ADA = "U0ADA";
const BEN = "U0BEN";

/** Markup Slack would turn into a broadcast, a mention, a channel or group link, or a disguised link. */
const LIVE_MARKUP = ["<!channel>", "<!here>", "<!everyone>", "<@U0VICTIM>", "<#C0SECRET>", "<!subteam^S0TEAM>", "<https://evil.example|click>"];
const HOSTILE = `${LIVE_MARKUP.join(" ")} and @channel too`;
/** 50,000 characters of multi-byte text with newlines and markup. */
const OVERSIZED = "Ünïcødé 🎉 <!channel>\n".repeat(2_500).slice(0, 50_000);

/** Every mrkdwn text and top-level message text in what the bot sent (plain_text never renders markup). */
function renderedTexts(calls: SlackCall[]): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (o.type === "mrkdwn" && typeof o.text === "string") out.push(o.text);
      for (const x of Object.values(o)) walk(x);
    }
  };
  for (const call of calls) {
    if (typeof call.args.text === "string") out.push(call.args.text);
    if (typeof call.args.initial_comment === "string") out.push(call.args.initial_comment);
    walk(call.args.blocks);
    walk(call.args.view);
  }
  return out;
}

/** What Slack would refuse in each message, modal or home tab sent. */
function platformRejections(calls: SlackCall[]): string[] {
  return calls.flatMap((c) => {
    const surface = (c.args.view ?? c.args) as Parameters<typeof blockKitProblems>[0];
    return Array.isArray(surface.blocks) ? blockKitProblems(surface).map((p) => `${c.method}: ${p}`) : [];
  });
}

describe("abuse: hostile and oversized text on Slack", () => {
  let t: TestService;
  let seq = 0;
  const input = (value: string) => ({ type: "plain_text_input", value });
  const submit = async (user: string, callback_id: string, values: Record<string, unknown>, blockOf = (k: string) => k) => {
    const res = await t.slack.viewSubmission(user, {
      id: `VT${++seq}`,
      callback_id,
      private_metadata: callback_id === "nomination.submit" ? JSON.stringify({ channel: "C0TEAM" }) : "",
      state: { values: Object.fromEntries(Object.entries(values).map(([k, v]) => [blockOf(k), { [k]: v }])) },
    });
    expect(res.status).toBe(200);
    const body = await res.text();
    return (body ? JSON.parse(body) : {}) as { response_action?: string; errors?: Record<string, string>; view?: unknown };
  };
  const command = (user: string, name: string, text: string) => t.slack.command({ command: name, text, user_id: user, trigger_id: `t.${++seq}` });
  const nomination = (story: string, reference: string) =>
    submit(ADA, "nomination.submit", {
      nominee: { type: "users_select", selected_user: BEN },
      story: input(story),
      reference: input(reference),
      behaviours: { type: "checkboxes", selected_options: [] },
    });
  const score = (reference: string, note: string) =>
    submit(LEAD, "score.submit", {
      agent: { type: "users_select", selected_user: BEN },
      reference: input(reference),
      channel: { type: "static_select", selected_option: { value: "chat" } },
      connection: { type: "radio_buttons", selected_option: { value: "1" } },
      rapport: { type: "radio_buttons", selected_option: { value: "yes" } },
      unstatedNeeds: { type: "radio_buttons", selected_option: { value: "yes" } },
      wow: { type: "radio_buttons", selected_option: { value: "no" } },
      note: input(note),
    });
  const attendance = (date: string, note: string) =>
    submit(LEAD, "attendance.submit", {
      member: { type: "users_select", selected_user: BEN },
      date: { type: "datepicker", selected_date: date },
      type: { type: "radio_buttons", selected_option: { value: "late" } },
      note: input(note),
    });
  const paidDay = (date: string, note: string) => submit(BEN, "pto.request.submit", { date: { type: "datepicker", selected_date: date }, note: input(note) });
  const settings = (block: string, value: string) => submit(BOSS, "settings.submit", { [block]: input(value) });

  beforeAll(async () => {
    t = await startTestService({ env: { WOWBOT_ADMINS: BOSS } });
    t.fakeSlack.addUsers({ [BOSS]: "boss", [LEAD]: "lena", [ADA]: "ada", [BEN]: "ben" });
    await command(BOSS, "/wowbot", `role <@${LEAD}> lead`);
    for (const user of [ADA, BEN]) await command(user, "/wowbot", "help");
    await creditOpeningBalance(t.prisma, await t.prisma.member.findFirstOrThrow({ where: { platformUserId: BEN } }), 40, "text:opening");
  });
  afterAll(() => t.stop());
  beforeEach(() => t.fakeSlack.reset());

  it("never turns markup typed into any free-text field into a live mention, broadcast or link", async () => {
    // Stories and references (command and form), score reference and note, attendance notes (command and form),
    // a paid-day request note, and token names: each saved (or refused) and echoed back.
    expect((await command(ADA, "/wow", `<@${BEN}> ${HOSTILE}`)).text).not.toBe("");
    expect((await nomination(HOSTILE, HOSTILE)).response_action).toBe("update");
    expect((await score(HOSTILE.slice(0, 200), HOSTILE)).response_action).toBe("update");
    await command(LEAD, "/attendance", `<@${BEN}> late 2026-02-27 ${HOSTILE}`);
    expect((await attendance("2026-02-26", HOSTILE)).response_action).toBe("update");
    expect((await paidDay("2026-03-20", HOSTILE)).response_action).toBe("update");
    await command(BOSS, "/wowbot", `token create ${HOSTILE}`);
    await command(BOSS, "/wowbot", `token revoke ${HOSTILE}`);
    // Settings text fields are validated: the problem is shown (as plain text beside the input), nothing saved.
    for (const block of ["timezone", "rewardTiers"]) expect((await settings(block, HOSTILE)).response_action).toBe("errors");
    // Everywhere the text comes back: the posts and DMs, lists, balances, stats, the App Home and the digest preview.
    for (let i = 0; i < 3; i++) await t.deliver();
    const pending = await t.prisma.ptoRequest.findFirstOrThrow({ where: { status: "pending" } });
    await t.slack.blockAction(LEAD, { type: "button", action_id: "pto.approve", value: pending.id }, `${t.fakeSlack.url}response/approve`);
    await command(LEAD, "/attendance", `<@${BEN}>`);
    await command(BEN, "/pto", "");
    await command(LEAD, "/wowbot", `stats <@${BEN}>`);
    await command(LEAD, "/wowbot", "digest");
    await command(BOSS, "/wowbot", "token list");
    for (const user of [BEN, LEAD]) await t.slack.event({ type: "app_home_opened", user, channel: `D${user}`, tab: "home" });
    for (let i = 0; i < 3; i++) await t.deliver();

    const stored = await t.prisma.nomination.findMany();
    expect(stored).toHaveLength(2);
    expect(await t.prisma.quickScore.count()).toBe(1);
    expect(await t.prisma.attendanceOccurrence.count()).toBe(2);
    const sent = t.fakeSlack.calls.filter((c) => !c.failed);
    const texts = renderedTexts(sent);
    // The stories did come back (so the check below looked at them), but only as text.
    expect(texts.filter((s) => s.includes("evil.example")).length).toBeGreaterThan(5);
    for (const markup of LIVE_MARKUP) expect(texts.filter((s) => s.includes(markup))).toEqual([]);
    expect(platformRejections(sent)).toEqual([]);
    expect(t.logs.filter((l) => l.level === "error")).toEqual([]);
  });

  const oversized: Array<[string, () => Promise<unknown>, RegExp]> = [
    ["a /wow story", () => command(ADA, "/wow", `<@${BEN}> ${OVERSIZED}`), /at most 2000 characters/],
    ["a nomination form story", () => nomination(OVERSIZED, "T-1"), /at most 2000 characters/],
    ["a nomination form reference", () => nomination("a story that is long enough to be one", OVERSIZED), /at most 200 characters/],
    ["a score reference", () => score(OVERSIZED, "fine"), /at most 200 characters/],
    ["a score note", () => score("C-1", OVERSIZED), /1000/],
    ["an /attendance note", () => command(LEAD, "/attendance", `<@${BEN}> absent 2026-02-25 ${OVERSIZED}`), /limit is 500/],
    ["an attendance form note", () => attendance("2026-02-25", OVERSIZED), /limit is 500/],
    ["a paid-day request note", () => paidDay("2026-03-23", OVERSIZED), /limit is 500/],
    ["the time zone setting", () => settings("timezone", OVERSIZED), /./],
    ["the reward tiers setting", () => settings("rewardTiers", OVERSIZED), /./],
    ["a token name", () => command(BOSS, "/wowbot", `token create ${OVERSIZED}`), /can't name a token/],
  ];

  it.each(oversized)("refuses 50,000 characters in %s with a specific message Slack can show, storing nothing", async (_what, act, message) => {
    // The person named is looked up in Slack's directory (and their row refreshed) before the text is checked.
    const { answer, changes } = await answerAndChanges(t.prisma, act, ["Member.updatedAt"]);
    expect(changes).toEqual({});
    const shown = answer as { text?: string; blocks?: unknown[]; errors?: Record<string, string> };
    const said = shown.errors ? Object.values(shown.errors).join(" ") : String(shown.text);
    expect(said).toMatch(message);
    // A modal's error beside an input, or a private reply, short enough for Slack to show.
    expect(said.length).toBeLessThan(3000);
    for (const error of Object.values(shown.errors ?? {})) expect(error.length).toBeLessThanOrEqual(2000);
    if (shown.blocks) expect(blockKitProblems({ text: shown.text, blocks: shown.blocks as Array<Record<string, unknown>> })).toEqual([]);
    // Nothing posted, opened or sent by DM (a directory read of the person named is not output).
    expect(t.fakeSlack.calls.filter((c) => !c.method.startsWith("response/") && c.method !== "users.info")).toEqual([]);
    expect(t.logs.filter((l) => l.level === "error")).toEqual([]);
  });
});

// Property-based fuzzing of every Slack handler (manifests/slack/manifest.yml, src/adapters/slack/listeners): correctly
// signed requests with arbitrary or broken payloads. Whatever arrives, Slack gets a 200, nothing logs an error, the
// service keeps answering, and whoever gets an answer gets a specific one (no generic text, errors beside real blocks).
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ACTION_IDS } from "../../src/adapters/slack/block-kit.js";
import { NOMINATE_MESSAGE_SHORTCUT } from "../../src/adapters/slack/listeners/shortcuts/nominate-message.js";
import { CALLBACK_IDS, formInputs } from "../../src/adapters/slack/modal.js";
import type { FormKind } from "../../src/views/forms.js";
import { anId, errorLinesSince, FUZZ_RUNS, genericIn, looseValue, nastyString, oddDate, oddNumberText, stillServing, wrongType } from "../support/fuzz.js";
import { startTestService, type TestService } from "../support/service.js";

const ADMIN = "U0BOSS";
const LEAD = "U0LEAD";
const AGENT = "U0AGENT";
const PEER = "U0PEER";
const PEOPLE = [ADMIN, LEAD, AGENT, PEER];

let t: TestService;
let seq = 0;
/** Ids of rows that exist, so some payloads name real records (of every kind, whatever the handler expects). */
let realIds: string[] = [];
let logMark = 0;

const person = fc.constantFrom(...PEOPLE);
const someone = fc.oneof(
  { weight: 3, arbitrary: person },
  { weight: 1, arbitrary: fc.constantFrom("U0NOBODY", "W0ENTERPRISE", "USLACKBOT") },
  { weight: 1, arbitrary: nastyString },
);
const mention = someone.map((u) => `<@${u}>`);
const word = fc.oneof(
  fc.constantFrom(
    "help",
    "settings",
    "role",
    "token",
    "create",
    "list",
    "revoke",
    "digest",
    "stats",
    "export",
    "nominations",
    "scores",
    "attendance",
    "ledger",
    "absent",
    "late",
    "excused",
    "agent",
    "lead",
    "admin",
  ),
  mention,
  oddDate,
  oddNumberText,
  nastyString,
);
/** Command text: words a person might type (keywords, mentions, dates, numbers) mixed with anything at all. */
const commandText = fc.oneof({ weight: 3, arbitrary: fc.array(word, { maxLength: 6 }).map((w) => w.join(" ")) }, { weight: 1, arbitrary: nastyString });

/** Room to shrink a failure: a listener that never acknowledges costs Bolt's 3-second timeout per run. */
const SHRINK_TIMEOUT = 180_000;

/** Answers the fake Slack got for one request: response_url posts and modals opened with its trigger id. */
function answersTo(responseId: string, trigger: string) {
  return {
    replies: t.fakeSlack.callsOf(`response/${responseId}`).map((c) => c.args),
    modals: t.fakeSlack.callsOf("views.open").filter((c) => c.args.trigger_id === trigger),
  };
}

/** Every answer must say something and never be one of the generic texts. */
function expectSpecific(answers: Array<Record<string, unknown>>) {
  for (const a of answers) {
    expect(String(a.text ?? "").trim(), JSON.stringify(a).slice(0, 400)).not.toBe("");
    expect(genericIn(JSON.stringify(a)), JSON.stringify(a).slice(0, 400)).toEqual([]);
  }
}

/** No error-level log line since `from` (each run marks its own start, so a failure is pinned to its input). */
function expectNoErrors(from = logMark) {
  expect(errorLinesSince(t.logs, from)).toEqual([]);
  logMark = t.logs.length;
}

beforeAll(async () => {
  t = await startTestService({ env: { WOWBOT_ADMINS: ADMIN } });
  t.fakeSlack.addUsers({ [ADMIN]: "boss", [LEAD]: "lena", [AGENT]: "ada", [PEER]: "pat" }, { tz: "Europe/Berlin" });
  // Everyone provisioned; the lead made a lead; one nomination, paid-day request and attendance record to aim at.
  for (const user of PEOPLE) await t.slack.command({ command: "/pto", user_id: user });
  await t.slack.command({ command: "/wowbot", text: `role <@${LEAD}> lead`, user_id: ADMIN });
  const ws = await t.prisma.workspace.findFirstOrThrow();
  const member = (id: string) => t.prisma.member.findFirstOrThrow({ where: { platformUserId: id } });
  const [agent, peer] = [await member(AGENT), await member(PEER)];
  const n = await t.prisma.nomination.create({
    data: { workspaceId: ws.id, nomineeId: agent.id, nominatorId: peer.id, story: "Rebooked a whole family after the storm, calmly and kindly." },
  });
  const r = await t.prisma.ptoRequest.create({ data: { workspaceId: ws.id, memberId: agent.id, date: new Date("2026-03-20"), hours: 8 } });
  const o = await t.prisma.attendanceOccurrence.create({
    data: { workspaceId: ws.id, memberId: agent.id, date: new Date("2026-02-27"), type: "late", points: 0.5, recordedBy: LEAD },
  });
  realIds = [n.id, r.id, o.id, ws.id, agent.id];
  logMark = t.logs.length;
}, 120_000);

afterEach(async () => {
  expectNoErrors();
  expect(await stillServing(t.url)).toEqual({ healthz: 200, readyz: 200 });
});
afterAll(() => t?.stop());

describe("every Slack slash command with arbitrary text", () => {
  it.each(["/wow", "/score", "/attendance", "/pto", "/wowbot"])(
    "%s answers 200 and the person gets a specific private answer or a form, never an error",
    async (command) => {
      await fc.assert(
        fc.asyncProperty(person, commandText, async (user, text) => {
          const from = t.logs.length;
          const id = `fuzz.${++seq}`;
          const trigger = `trig.${id}`;
          const res = await t.slack.slashCommand({ command, text, user_id: user, trigger_id: trigger, response_url: `${t.fakeSlack.url}response/${id}` });
          expect(res.status).toBe(200);
          await res.text();
          const { replies, modals } = answersTo(id, trigger);
          expect(replies.length + modals.length, "the person got no answer").toBeGreaterThan(0);
          expectSpecific(replies);
          expectNoErrors(from);
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
    SHRINK_TIMEOUT,
  );
});

/** One input's state as Slack might send it, or broken: every property optional, any of them the wrong type. */
const OPTION_VALUES = ["yes", "partly", "no", "na", "0", "1", "2", "phone", "chat", "email", "absence", "late", "excused", "week", "two-week", "month"];
const optionValue = fc.oneof(fc.constantFrom(...OPTION_VALUES), looseValue);
const slackInput = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record(
      {
        type: fc.constantFrom("plain_text_input", "users_select", "datepicker", "static_select", "radio_buttons", "checkboxes", "timepicker"),
        value: fc.oneof(oddNumberText, looseValue),
        selected_user: fc.oneof(someone, looseValue),
        selected_date: fc.oneof(oddDate, looseValue),
        selected_conversation: fc.oneof(fc.constantFrom("C0TEAM", "C0NOWHERE"), looseValue),
        selected_time: fc.oneof(fc.constantFrom("09:00", "25:61", "9:00", "23:59", ""), looseValue),
        selected_option: fc.oneof(fc.record({ value: optionValue }, { requiredKeys: [] }), wrongType),
        selected_options: fc.oneof(fc.array(fc.oneof(fc.record({ value: optionValue }, { requiredKeys: [] }), wrongType), { maxLength: 4 }), wrongType),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: wrongType },
);

/** state.values for a form's blocks: each block present or not, its action id right or wrong; or broken whole. */
const stateValues = (blocks: string[]) =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .array(
          fc.tuple(fc.constantFrom(...blocks), fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }), slackInput),
          {
            maxLength: blocks.length + 2,
          },
        )
        .map((entries) => Object.fromEntries(entries.map(([block, sameId, input]) => [block, { [sameId ? block : `${block}_x`]: input }]))),
    },
    { weight: 1, arbitrary: fc.constantFrom({}, { story: null }, { nominee: "text" }, { date: [] }) },
    { weight: 1, arbitrary: wrongType },
  );

const privateMetadata = fc.oneof(
  fc.constantFrom("", "{}", '{"channel":"C0TEAM"}', '{"channel":42}', "null", "[]", '"text"', "{", '{"__proto__":{"channel":"C0X"}}'),
  nastyString,
  fc.json(),
);

const MODALS: Array<[string, string[]]> = (Object.entries(CALLBACK_IDS) as Array<[FormKind, string]>).map(([kind, id]) => [
  id,
  formInputs(kind).map((input) => input.id),
]);

describe("every Slack modal submission with arbitrary and broken state", () => {
  it.each(MODALS)(
    "%s answers 200 with errors beside the form's own blocks, each specific, or a done screen",
    async (callbackId, blocks) => {
      await fc.assert(
        fc.asyncProperty(
          person,
          fc.oneof(fc.constant(`V${seq}`), nastyString),
          stateValues(blocks),
          privateMetadata,
          fc.boolean(),
          async (user, viewId, values, metadata, withState) => {
            const from = t.logs.length;
            const res = await t.slack.viewSubmission(user, {
              id: `${viewId}.${++seq}`,
              callback_id: callbackId,
              private_metadata: metadata,
              ...(withState ? { state: { values } } : {}),
            });
            expect(res.status).toBe(200);
            const text = await res.text();
            const body = (text ? JSON.parse(text) : {}) as { response_action?: string; errors?: Record<string, unknown> };
            if (body.response_action === "errors") {
              const errors = Object.entries(body.errors ?? {});
              expect(errors.length).toBeGreaterThan(0);
              for (const [block, message] of errors) {
                // Slack refuses errors for blocks the view does not have, and shows its own generic failure instead.
                expect(blocks).toContain(block);
                expect(typeof message === "string" && message.trim().length > 0).toBe(true);
                expect(genericIn(String(message))).toEqual([]);
              }
            } else {
              expect(["update", "clear"]).toContain(body.response_action);
              expect(genericIn(text)).toEqual([]);
            }
            expectNoErrors(from);
          },
        ),
        { numRuns: FUZZ_RUNS },
      );
    },
    SHRINK_TIMEOUT,
  );
});

/** A click by `user` whose answers are found by `id` (response_url response/<id>, trigger trig.<id>). */
const click = (user: string, id: string, action: Record<string, unknown>) =>
  t.slack.interaction({
    type: "block_actions",
    team: { id: "T0TEST", domain: "wowbot-test" },
    user: { id: user, team_id: "T0TEST" },
    api_app_id: "A0WOWBOT",
    trigger_id: `trig.${id}`,
    response_url: `${t.fakeSlack.url}response/${id}`,
    container: { type: "message", channel_id: "C0TEAM", message_ts: "1.1" },
    actions: [{ block_id: "b", action_ts: "1.2", ...action }],
  });

const BUTTONS = ACTION_IDS.filter((id) => id !== "nomination.manage");

describe("every Slack button and menu with arbitrary values", () => {
  it.each(BUTTONS)(
    "%s answers 200 and the clicker gets a specific private answer or a form",
    async (actionId) => {
      const value = fc.oneof(
        anId(() => realIds),
        wrongType,
        fc.constant(undefined),
      );
      await fc.assert(
        fc.asyncProperty(person, value, async (user, v) => {
          const from = t.logs.length;
          const id = `act.${++seq}`;
          const res = await click(user, id, { type: "button", action_id: actionId, ...(v === undefined ? {} : { value: v }) });
          expect(res.status).toBe(200);
          await res.text();
          const { replies, modals } = answersTo(id, `trig.${id}`);
          expect(replies.length + modals.length, "the clicker got no answer").toBeGreaterThan(0);
          expectSpecific(replies);
          expectNoErrors(from);
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
    SHRINK_TIMEOUT,
  );

  it(
    "the nomination overflow menu answers 200 for any chosen option, and specifically when it names an action",
    async () => {
      const chosen = fc.oneof(
        fc
          .tuple(
            fc.constantFrom("retract", "remove"),
            anId(() => realIds),
          )
          .map(([how, id]) => ({ value: `${how}:${id}` })),
        fc.record({ value: looseValue }, { requiredKeys: [] }),
        wrongType,
      );
      await fc.assert(
        fc.asyncProperty(person, chosen, async (user, option) => {
          const from = t.logs.length;
          const id = `menu.${++seq}`;
          const res = await click(user, id, { type: "overflow", action_id: "nomination.manage", selected_option: option });
          expect(res.status).toBe(200);
          await res.text();
          const replies = t.fakeSlack.callsOf(`response/${id}`).map((c) => c.args);
          const chosen = typeof option === "object" && option !== null ? (option as { value?: unknown }).value : undefined;
          const named = typeof chosen === "string" && /^(retract|remove):/.test(chosen);
          if (named) expect(replies.length, "the clicker got no answer").toBeGreaterThan(0);
          expectSpecific(replies);
          expectNoErrors(from);
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
    SHRINK_TIMEOUT,
  );
});

describe("the message shortcut and App Home with arbitrary payloads", () => {
  it(
    "Nominate for a wow answers 200 and opens the form for any message, author and channel",
    async () => {
      const message = fc.record(
        { type: fc.constant("message"), user: fc.oneof(someone, wrongType), ts: fc.oneof(fc.constant("1700000000.000100"), looseValue), text: looseValue },
        { requiredKeys: ["type"] },
      );
      await fc.assert(
        fc.asyncProperty(person, message, fc.oneof(fc.constantFrom("C0TEAM", "D0DM"), nastyString), async (user, msg, channel) => {
          const from = t.logs.length;
          const trigger = `trig.shortcut.${++seq}`;
          const res = await t.slack.interaction({
            type: "message_action",
            callback_id: NOMINATE_MESSAGE_SHORTCUT,
            team: { id: "T0TEST", domain: "wowbot-test" },
            user: { id: user, team_id: "T0TEST" },
            channel: { id: channel, name: "somewhere" },
            api_app_id: "A0WOWBOT",
            trigger_id: trigger,
            response_url: `${t.fakeSlack.url}response/shortcut`,
            message_ts: "1700000000.000100",
            message: msg,
          });
          expect(res.status).toBe(200);
          await res.text();
          expect(t.fakeSlack.callsOf("views.open").filter((c) => c.args.trigger_id === trigger)).toHaveLength(1);
          expectNoErrors(from);
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
    SHRINK_TIMEOUT,
  );

  it(
    "app_home_opened answers 200 for any user and tab, and publishes the home page of a known member",
    async () => {
      await fc.assert(
        fc.asyncProperty(someone, fc.oneof(fc.constantFrom("home", "messages"), looseValue), async (user, tab) => {
          const from = t.logs.length;
          const before = t.fakeSlack.callsOf("views.publish").length;
          const res = await t.slack.event({ type: "app_home_opened", user, channel: "D0HOME", tab, event_ts: "1700000000.000200" });
          expect(res.status).toBe(200);
          await res.text();
          const published = t.fakeSlack.callsOf("views.publish").slice(before);
          if (tab === "home" && PEOPLE.includes(user)) expect(published.map((c) => c.args.user_id)).toEqual([user]);
          expectNoErrors(from);
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
    SHRINK_TIMEOUT,
  );

  // Last: a change of a known person may deactivate or rename them, which the properties above don't expect.
  it(
    "user_change answers 200 for any user object and adds nobody",
    async () => {
      const field = fc.oneof(fc.string(), fc.boolean(), looseValue);
      const slackUser = fc.record(
        {
          id: fc.oneof(someone, looseValue),
          name: field,
          real_name: field,
          deleted: field,
          is_bot: field,
          tz: field,
          profile: fc.oneof(fc.record({ display_name: field, email: field }), looseValue),
        },
        { requiredKeys: [] },
      );
      // Not null: Bolt itself reads event.user.id of any object-typed user before a listener runs (Slack never sends one).
      const notAUser = looseValue.filter((v) => v !== null);
      await fc.assert(
        fc.asyncProperty(fc.oneof(slackUser, notAUser), async (user) => {
          const from = t.logs.length;
          const members = await t.prisma.member.count();
          const res = await t.slack.event({ type: "user_change", user, cache_ts: 1700000000, event_ts: "1700000000.000300" });
          expect(res.status).toBe(200);
          await res.text();
          expect(await t.prisma.member.count()).toBe(members);
          expectNoErrors(from);
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
    SHRINK_TIMEOUT,
  );
});

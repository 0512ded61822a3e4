// The other Teams dialogs and buttons through the shared layer: attendance (dialog and Delete button), paid-day
// requests (dialog, approve / cancel buttons updating every lead's post in place), and the settings dialog (the
// channels wowbot knows, errors beside inputs). Same rules and messages as on Slack, on the real database.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FakeTeamsUser } from "../support/fake-bot-connector.js";
import { clearAttendance, creditOpeningBalance } from "../support/seeds.js";
import { startTestService, type TestService } from "../support/service.js";
import { type Card, cardOf, dialogCard, type TaskBody } from "../support/teams-cards.js";
import { personalConversationId, TEAMS_CHANNEL } from "../support/teams-requests.js";

const user = (n: number, name: string): FakeTeamsUser => ({ id: `29:account-${n}`, aadObjectId: `ffffffff-0000-4000-8000-00000000000${n}`, name });
const boss = user(1, "Boss Admin");
const lena = user(2, "Lena Lead");
const ada = user(3, "Ada Agent");
const ben = user(4, "Ben Agent");

/** What Teams sends when the dialog's submit button is pressed: every input's current value, plus the button's data. */
const submissionOf = (card: Card, overrides: Record<string, string> = {}) => ({
  ...Object.fromEntries(card.body.filter((e) => typeof e.id === "string").map((e) => [e.id as string, e.value === undefined ? "" : String(e.value)])),
  ...card.actions?.[0]?.data,
  ...overrides,
});

describe("Teams dialogs and buttons", () => {
  let t: TestService;
  const click = async (from: FakeTeamsUser, verb: string, data: Record<string, unknown>) =>
    String(((await t.teams.post(t.teams.cardAction(from, verb, data))).body as { value?: unknown }).value ?? "");
  const open = async (from: FakeTeamsUser, form: string, prefill: Record<string, string> = {}) =>
    (await t.teams.post(t.teams.taskFetch(from, { wowbot: "form.open", form, ...prefill }))).body as TaskBody;
  const send = async (from: FakeTeamsUser, data: Record<string, unknown>) => (await t.teams.post(t.teams.taskSubmit(from, data))).body as TaskBody;
  const occurrences = () => t.prisma.attendanceOccurrence.findMany({ where: { deletedAt: null } });

  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true, env: { WOWBOT_ADMINS: boss.aadObjectId } });
    for (const u of [boss, lena, ada, ben]) {
      t.fakeTeams.addMember(u);
      await t.teams.post(t.teams.message(u, "help"));
    }
    await t.teams.post(t.teams.message(boss, `wowbot role @${lena.name} lead`, { mentions: [lena] }));
  });
  afterAll(() => t?.stop());
  beforeEach(async () => {
    await clearAttendance(t.prisma);
    t.fakeTeams.clear();
  });

  describe("attendance", () => {
    it("opens the dialog for leads dated today, records from it, and shows problems beside their inputs", async () => {
      await t.teams.post(t.teams.message(lena, "attendance"));
      const button = cardOf(t.fakeTeams.to(personalConversationId(lena)).at(-1))?.actions?.[0];
      expect(button?.data).toMatchObject({ wowbot: "form.open", form: "form.attendance" });
      const card = dialogCard(await open(lena, "form.attendance"));
      expect(card.body.find((e) => e.id === "date")).toMatchObject({ value: "2026-03-02" });

      const future = await send(lena, submissionOf(card, { member: ada.aadObjectId, date: "2026-03-03", type: "absence" }));
      const body = dialogCard(future).body;
      const at = body.findIndex((e) => e.id === "date");
      expect(body[at]).toMatchObject({ value: "2026-03-03" });
      expect(String(body[at + 1]?.text)).toContain("2026-03-03 is in the future (today is 2026-03-02)");
      expect(body.find((e) => e.id === "member")).toMatchObject({ value: ada.aadObjectId, choices: [{ title: ada.name, value: ada.aadObjectId }] });
      const self = await send(lena, submissionOf(card, { member: lena.aadObjectId, type: "absence" }));
      expect(JSON.stringify(dialogCard(self).body)).toContain("You can't record or change your own attendance: ask another lead.");
      expect(await occurrences()).toHaveLength(0);

      const saved = await send(lena, submissionOf(card, { member: ada.aadObjectId, type: "absence", note: "called in sick" }));
      expect(saved.task).toEqual({ type: "message", value: `Recorded an absence for ${ada.name} on 2026-03-02.` });
      expect(await occurrences()).toMatchObject([{ type: "absence", note: "called in sick", recordedBy: lena.aadObjectId }]);
    });

    it("deletes a record with its Delete button (leads only), and refuses agents and unknown ids", async () => {
      await t.teams.post(t.teams.message(lena, `attendance @${ben.name} late 2026-02-27 bus strike`, { mentions: [ben] }));
      const [o] = await occurrences();
      expect(await click(ada, "attendance.delete", { occurrenceId: o?.id })).toContain("Only leads and admins can record attendance.");
      expect(await click(lena, "attendance.delete", { occurrenceId: "00000000-0000-4000-8000-000000000000" })).toContain(
        "That attendance record doesn't exist in this workspace.",
      );
      expect(await occurrences()).toHaveLength(1);
      expect(await click(lena, "attendance.delete", { occurrenceId: o?.id })).toContain(`Deleted a late arrival for ${ben.name} on 2026-02-27.`);
      expect(await click(lena, "attendance.delete", { occurrenceId: o?.id })).toContain("was already deleted");
      expect(await occurrences()).toHaveLength(0);
    });

    it("refuses the dialog to agents when it opens and when a hand-made one is submitted", async () => {
      expect((await open(ada, "form.attendance")).task).toEqual({ type: "message", value: "Only leads and admins can record attendance." });
      const forged = await send(ada, { wowbot: "form.submit", form: "form.attendance", member: ben.aadObjectId, date: "2026-03-02", type: "absence" });
      expect(JSON.stringify(forged)).toContain("Only leads and admins can record attendance.");
      expect(await occurrences()).toHaveLength(0);
    });
  });

  describe("paid-day requests", () => {
    const credit = async (u: FakeTeamsUser, hours: number) => {
      const m = await t.prisma.member.findFirstOrThrow({ where: { platformUserId: u.aadObjectId } });
      await creditOpeningBalance(t.prisma, m, hours, `test:${u.name}:${hours}`);
    };
    const request = async (from: FakeTeamsUser, date: string) => {
      const card = dialogCard(await open(from, "form.paid_day"));
      return send(from, submissionOf(card, { date }));
    };

    it("refuses a request the balance does not cover, beside the date, saving nothing", async () => {
      await credit(ada, 4);
      const reply = await request(ada, "2026-03-04");
      const body = dialogCard(reply).body;
      const at = body.findIndex((e) => e.id === "date");
      expect(body[at + 1]?.text).toBe("A paid day takes 8 h; you have 4 h available.");
      expect(await t.prisma.ptoRequest.count()).toBe(0);
    });

    it("approves with the lead's button: the clicker is told, and every lead's post is updated in place", async () => {
      await credit(ada, 8);
      const done = await request(ada, "2026-03-04");
      expect(String(done.task.value)).toContain("Requested a paid day off on 2026-03-04.");
      await t.deliver();
      const posts = t.fakeTeams.activities.filter((a) => a.method === "POST" && JSON.stringify(a.activity).includes("pto.approve"));
      expect(posts.map((p) => p.conversationId).sort()).toEqual([personalConversationId(boss), personalConversationId(lena)].sort());
      const r = await t.prisma.ptoRequest.findFirstOrThrow();

      expect(await click(ben, "pto.approve", { requestId: r.id })).toContain("Only leads and admins can approve or decline paid days off.");
      expect(await click(lena, "pto.approve", { requestId: r.id })).toContain("Approved");
      expect(await t.prisma.ptoRequest.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ status: "approved" });
      t.fakeTeams.clear();
      await t.deliver();
      const updates = t.fakeTeams.activities.filter((a) => a.method === "PUT");
      expect(updates.map((u) => [u.conversationId, u.activityId]).sort()).toEqual(posts.map((p) => [p.conversationId, p.activityId]).sort());
      expect(JSON.stringify(updates.map((u) => cardOf(u)))).not.toContain("pto.approve");
    });

    it("lets the agent cancel a pending request; a later approval changes nothing", async () => {
      await credit(ada, 8);
      await request(ada, "2026-03-04");
      await t.deliver();
      const r = await t.prisma.ptoRequest.findFirstOrThrow();
      expect(await click(ben, "pto.cancel", { requestId: r.id })).toContain("You have no such paid-day request.");
      expect(await click(ada, "pto.cancel", { requestId: r.id })).toContain("Cancelled your request for 2026-03-04; its 8 h are available again.");
      expect(await click(lena, "pto.approve", { requestId: r.id })).toContain(
        "This request for 2026-03-04 was already cancelled by the requester. Nothing changed.",
      );
      expect(await t.prisma.ptoLedgerEntry.count({ where: { kind: "redemption" } })).toBe(0);
    });
  });

  describe("settings", () => {
    const settingsOf = async () => (await t.prisma.workspace.findFirstOrThrow({ where: { platform: "teams" } })).settings as Record<string, unknown>;

    it("refuses non-admins when the dialog opens", async () => {
      await t.teams.post(t.teams.message(ada, "wowbot settings"));
      expect(t.fakeTeams.textsTo(personalConversationId(ada)).at(-1)).toContain("Only admins can change wowbot's settings.");
      expect((await open(ada, "form.settings")).task).toEqual({ type: "message", value: "Only admins can change wowbot's settings." });
    });

    it("lists the channels wowbot knows, saves a valid change, and refuses bad values beside their inputs", async () => {
      // The channel is known once a message came from it.
      await t.teams.post(t.teams.channelMessage(boss, "help"));
      const card = dialogCard(await open(boss, "form.settings"));
      const picker = card.body.find((e) => e.id === "recognitionChannel") as { choices: Array<{ value: string }> };
      expect(picker.choices.map((c) => c.value)).toContain(TEAMS_CHANNEL.id);

      const before = await settingsOf();
      const bad = await send(boss, submissionOf(card, { "scoreWeights.wow": "30" }));
      const body = dialogCard(bad).body;
      const at = body.findIndex((e) => e.id === "scoreWeights.connection");
      expect(String(body[at + 1]?.text)).toContain("question weights must add up to 100");
      expect(body.find((e) => e.id === "scoreWeights.wow")).toMatchObject({ value: 30 });
      expect(await settingsOf()).toEqual(before);

      const ok = await send(boss, submissionOf(card, { recognitionChannel: TEAMS_CHANNEL.id, nominationsPerDay: "3" }));
      expect(ok.task).toEqual({ type: "message", value: "Settings saved. Changed: recognition channel and nominations per person per day." });
      expect(await settingsOf()).toMatchObject({ recognitionChannel: TEAMS_CHANNEL.id, nominationsPerDay: 3 });
    });
  });
});

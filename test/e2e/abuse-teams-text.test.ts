// Hostile text in every free-text field on Teams: markdown links, <at> tags naming someone, @channel words and HTML
// typed into stories, references, notes, settings and token names come back only as text (no link, no mention entity
// for a person nobody mentioned, no @channel); 50,000 characters are refused with a specific message, storing nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerAndChanges } from "../support/db-snapshot.js";
import { startTestService, type TestService } from "../support/service.js";
import { at, TeamsTwin, teamsUser } from "../support/teams-twins.js";
import { visibleText } from "../unit/adapters/teams/validate-card.js";

const BOSS = teamsUser(1, "Bo Boss");
const LEAD = teamsUser(2, "Lena Lead");
const ADA = teamsUser(3, "Ada Agent");
const BEN = teamsUser(4, "Ben Agent");
const VICTIM = teamsUser(5, "Vic Victim");

const HOSTILE = `[click me](https://evil.example) <at>${VICTIM.name}</at> **loud** @channel @here @everyone <script>x</script> ![img](https://evil.example/x.png)`;
const OVERSIZED = "Ünïcødé 🎉 @channel\n".repeat(2_600).slice(0, 50_000);

type Sent = { text?: unknown; attachments?: Array<{ contentType: string; content: unknown }> };

describe("abuse: hostile and oversized text on Teams", () => {
  let t: TestService;
  let twin: TeamsTwin;
  let seq = 0;
  const seen: unknown[] = [];
  /** Keeps what was sent and answered (the twin clears the connector's capture before each request). */
  const keep = <T>(answer: T): T => {
    seen.push(...t.fakeTeams.activities.map((a) => a.activity), answer);
    return answer;
  };
  const submit = (user: typeof ADA, form: string, inputs: Record<string, unknown>) =>
    twin.submit(user, form, { dialog: `dialog-abuse-${++seq}-abcdef`, ...inputs }).then(keep);
  const says = (user: typeof ADA, text: string, mentions: Array<typeof ADA> = []) => twin.says(user, text, mentions).then(keep);
  const nomination = (story: string, reference: string) => submit(ADA, "form.nomination", { nominee: BEN.aadObjectId, story, reference });
  const score = (reference: string, note: string) =>
    submit(LEAD, "form.score", { agent: BEN.aadObjectId, reference, channel: "chat", connection: "1", rapport: "yes", unstatedNeeds: "yes", wow: "no", note });
  const attendance = (date: string, note: string) => submit(LEAD, "form.attendance", { member: BEN.aadObjectId, date, type: "late", note });
  const paidDay = (date: string, note: string) => submit(BEN, "form.paid_day", { date, note });

  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true, env: { WOWBOT_ADMINS: BOSS.aadObjectId } });
    twin = new TeamsTwin(t);
    await twin.join([BOSS, LEAD, ADA, BEN, VICTIM]);
    await twin.makeLeads([LEAD]);
    const ben = await t.prisma.member.findFirstOrThrow({ where: { platformUserId: BEN.aadObjectId } });
    await t.prisma.ptoLedgerEntry.create({
      data: { workspaceId: ben.workspaceId, memberId: ben.id, hours: 40, kind: "adjustment", reason: "opening balance", actor: "test", dedupeKey: "t:open" },
    });
  });
  afterAll(() => t?.stop());

  it("never turns text typed into any free-text field into a link, a mention or @channel", async () => {
    await says(ADA, `wow ${at(BEN)} ${HOSTILE}`, [BEN]);
    await nomination(HOSTILE, HOSTILE.slice(0, 200));
    await score(HOSTILE.slice(0, 200), HOSTILE);
    await attendance("2026-02-26", HOSTILE);
    await says(LEAD, `attendance ${at(BEN)} late 2026-02-27 ${HOSTILE}`, [BEN]);
    await paidDay("2026-03-20", HOSTILE);
    await says(BOSS, `wowbot token create ${HOSTILE}`);
    await submit(BOSS, "form.settings", { timezone: HOSTILE });
    for (let i = 0; i < 3; i++) await t.deliver();
    keep(null);
    const pending = await t.prisma.ptoRequest.findFirstOrThrow({ where: { status: "pending" } });
    await twin.click(LEAD, "pto.approve", { requestId: pending.id });
    keep(null);
    await says(LEAD, `attendance ${at(BEN)}`, [BEN]);
    await says(BEN, "pto");
    await says(LEAD, `wowbot stats ${at(BEN)}`, [BEN]);
    await says(LEAD, "wowbot digest");
    await says(BEN, "home");
    for (let i = 0; i < 3; i++) await t.deliver();
    keep(null);

    expect(await t.prisma.nomination.count()).toBe(2);
    expect(await t.prisma.quickScore.count()).toBe(1);
    expect(await t.prisma.attendanceOccurrence.count()).toBe(2);
    // What Teams renders as markdown: card text (inputs' values are literal), and an activity's text unless it is
    // marked plain; dialog answers are shown as plain text.
    const withoutInputs = (node: unknown): unknown =>
      Array.isArray(node)
        ? node.map(withoutInputs)
        : node && typeof node === "object"
          ? Object.fromEntries(
              Object.entries(node)
                .filter(([k]) => !(k === "value" && String((node as { type?: unknown }).type).startsWith("Input.")))
                .map(([k, v]) => [k, withoutInputs(v)]),
            )
          : node;
    const rendered = (node: unknown): string => visibleText(withoutInputs(node));
    const textsOf = (sent: unknown[]) =>
      sent.flatMap((s) => {
        const a = (s ?? {}) as Sent & { textFormat?: string };
        return [a.textFormat === "plain" || typeof a.text !== "string" ? "" : a.text, rendered(a.attachments?.map((x) => x.content) ?? [])];
      });
    const all = textsOf(seen).join("\n");
    // The digest preview rightly lists the victim among the people nobody nominated: left out of the mention checks.
    const notDigest = seen.filter((s) => !JSON.stringify(s ?? "").includes("Only you can see this preview"));
    // The hostile text did come back (so the checks below looked at it).
    expect(all).toContain("evil.example");
    // A markdown link or image needs an unescaped "[" ... "](": every bracket from user text is escaped.
    expect(all).not.toMatch(/(^|[^\\])\[[^\]]*\]\(https:\/\/evil/m);
    expect(all).not.toMatch(/@(channel|here|everyone)/);
    expect(all).not.toContain("<script");
    // Nobody mentioned the victim: no mention entity for them anywhere, and no <at> tag with their name.
    expect(notDigest.length).toBeGreaterThan(10);
    expect(JSON.stringify(notDigest)).not.toContain(VICTIM.aadObjectId);
    expect(textsOf(notDigest).join("\n")).not.toContain(`<at>${VICTIM.name}</at>`);
    expect(t.logs.filter((l) => l.level === "error")).toEqual([]);
  });

  it.each<[string, () => Promise<unknown>, RegExp]>([
    ["a wow story", () => says(ADA, `wow ${at(BEN)} ${OVERSIZED}`, [BEN]), /at most 2000 characters/],
    ["a nomination dialog story", () => nomination(OVERSIZED, "T-1"), /at most 2000 characters/],
    ["a nomination dialog reference", () => nomination("a story that is long enough to be one", OVERSIZED), /at most 200 characters/],
    ["a score reference", () => score(OVERSIZED, "fine"), /at most 200 characters/],
    ["a score note", () => score("C-1", OVERSIZED), /1000/],
    ["an attendance note", () => attendance("2026-02-25", OVERSIZED), /limit is 500/],
    ["a paid-day request note", () => paidDay("2026-03-23", OVERSIZED), /limit is 500/],
    ["the time zone setting", () => submit(BOSS, "form.settings", { timezone: OVERSIZED }), /is not a time zone/],
    ["a token name", () => says(BOSS, `wowbot token create ${OVERSIZED}`), /can't name a token/],
  ])("refuses 50,000 characters in %s with a specific message, storing nothing", async (_what, act, message) => {
    // Every message refreshes the sender's conversation reference, and the person named is looked up.
    const { answer, changes } = await answerAndChanges(t.prisma, act, ["TeamsConversation.updatedAt", "Member.updatedAt"]);
    expect(changes).toEqual({});
    const shown = JSON.stringify(answer);
    expect(shown).toMatch(message);
    // Said in a message Teams can show: the refusal does not echo the 50,000 characters.
    expect(shown.length).toBeLessThan(20_000);
    expect(t.logs.filter((l) => l.level === "error")).toEqual([]);
  });
});

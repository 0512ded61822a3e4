// Helpers for the Teams twins of the Slack end-to-end tests: a person typing to the bot and what they were told
// privately, dialogs opened and submitted with what they show beside each input, and card buttons clicked.
import type { FakeTeamsUser } from "./fake-bot-connector.js";
import type { TestService } from "./service.js";
import { type Activity, personalConversationId, TEAMS_TENANT } from "./teams-requests.js";

/** A Teams person: account id "29:twin-n", AAD object id ending in n. */
export const teamsUser = (n: number, name: string): FakeTeamsUser => ({
  id: `29:twin-${n}`,
  aadObjectId: `bbbbbbbb-0000-4000-8000-${String(n).padStart(12, "0")}`,
  name,
  email: `${name.split(" ")[0]?.toLowerCase()}@example.com`,
});

/** The neutral mention the adapter reads "@Name" as: what a Slack test writes as `<@U0ADA>`. */
export const at = (user: FakeTeamsUser) => `@${user.name}`;

/** Card text as a person reads it: markdown escapes and zero-width spaces removed. */
export const readable = (s: string) => s.replace(/\u200B/g, "").replace(/\\(.)/g, "$1");

export type Captured = Array<Record<string, unknown> & { text?: string; attachments?: Array<{ contentType: string; content: unknown }> }>;

/** Every string in a value (activity texts, card text blocks, titles, invoke answers), one per line. */
function strings(node: unknown, out: string[] = []): string[] {
  if (typeof node === "string") out.push(node);
  else if (Array.isArray(node)) for (const n of node) strings(n, out);
  else if (node && typeof node === "object") for (const v of Object.values(node)) strings(v, out);
  return out;
}

/** Everything the person was shown in one readable string (texts and cards), for `toContain` checks. */
export const shownText = (activities: Captured, extra: unknown = "") => strings([extra, activities]).map(readable).join("\n");

export class TeamsTwin {
  constructor(private readonly t: TestService) {}

  /** Each user joins the team and says "help" to the bot once, which makes them a member. */
  async join(users: FakeTeamsUser[]): Promise<void> {
    for (const u of users) {
      this.t.fakeTeams.addMember(u);
      await this.says(u, "help");
    }
  }

  /** Makes these members leads in the database directly (set-up, not the `wowbot role` command under test). */
  async makeLeads(users: FakeTeamsUser[]): Promise<void> {
    const workspace = await this.t.prisma.workspace.findFirstOrThrow({ where: { platform: "teams", externalId: TEAMS_TENANT } });
    const { count } = await this.t.prisma.member.updateMany({
      where: { workspaceId: workspace.id, platformUserId: { in: users.map((u) => u.aadObjectId) } },
      data: { role: "lead" },
    });
    if (count !== users.length) throw new Error(`only ${count} of ${users.length} future leads are members`);
  }

  /** What `user` was sent in their 1:1 chat since the last clear. */
  privately(user: FakeTeamsUser): Captured {
    return this.t.fakeTeams.to(personalConversationId(user)).map((a) => a.activity);
  }

  /** `user` types `text` to the bot in their 1:1 chat ("@Name" of `mentions` become mentions); returns what they were sent. */
  async says(user: FakeTeamsUser, text: string, mentions: FakeTeamsUser[] = []): Promise<Captured> {
    this.t.fakeTeams.clear();
    const res = await this.t.teams.post(this.t.teams.message(user, text, { mentions }));
    if (res.status !== 200) throw new Error(`POST /api/messages answered ${res.status}: ${JSON.stringify(res.body)}`);
    return this.privately(user);
  }

  /** The same, as one readable string. */
  async told(user: FakeTeamsUser, text: string, mentions: FakeTeamsUser[] = []): Promise<string> {
    return shownText(await this.says(user, text, mentions));
  }

  /** Opens a dialog (task/fetch) with the given data; returns the invoke answer body. */
  async open(user: FakeTeamsUser, data: Record<string, unknown>): Promise<DialogAnswer> {
    this.t.fakeTeams.clear();
    const res = await this.t.teams.post(this.t.teams.taskFetch(user, data));
    if (res.status !== 200) throw new Error(`task/fetch answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as DialogAnswer;
  }

  /** Submits a dialog (task/submit) of `form` with these inputs (a hand-made submit is the same request). */
  async submit(user: FakeTeamsUser, form: string, inputs: Record<string, unknown>): Promise<DialogAnswer> {
    this.t.fakeTeams.clear();
    const res = await this.t.teams.post(this.t.teams.taskSubmit(user, { wowbot: "form.submit", form, ...inputs }));
    if (res.status !== 200) throw new Error(`task/submit answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as DialogAnswer;
  }

  /** Clicks an Action.Execute button (or forges one); returns everything the clicker was shown (card answer and private messages). */
  async click(user: FakeTeamsUser, verb: string, data: Record<string, unknown>): Promise<string> {
    this.t.fakeTeams.clear();
    const res = await this.t.teams.post(this.t.teams.cardAction(user, verb, data));
    if (res.status !== 200) throw new Error(`adaptiveCard/action answered ${res.status}: ${JSON.stringify(res.body)}`);
    return shownText(this.privately(user), res.body);
  }
}

export interface DialogAnswer {
  task?: { type: "continue" | "message"; value: unknown };
}

type Element = Record<string, unknown> & { id?: string; type?: string; text?: string; color?: string };

/** The Adaptive Card a dialog answer shows, or null when it closed the dialog with a message. */
export function dialogCard(answer: DialogAnswer): { body: Element[]; actions: Element[] } | null {
  if (answer.task?.type !== "continue") return null;
  const value = answer.task.value as { card?: { content?: { body?: Element[]; actions?: Element[] } } };
  const content = value.card?.content;
  return content ? { body: content.body ?? [], actions: content.actions ?? [] } : null;
}

/** The inputs of a dialog card by id, with their values. */
export function dialogInputs(answer: DialogAnswer): Record<string, Element> {
  const inputs: Record<string, Element> = {};
  for (const e of dialogCard(answer)?.body ?? []) if (typeof e.id === "string") inputs[e.id] = e;
  return inputs;
}

/** The problems a dialog shows right under each input (attention-coloured text after it), by input id. */
export function errorsBeside(answer: DialogAnswer): Record<string, string> {
  const errors: Record<string, string> = {};
  let last: string | null = null;
  for (const e of dialogCard(answer)?.body ?? []) {
    if (typeof e.id === "string") last = e.id;
    else if (e.type === "TextBlock" && e.color === "Attention" && last && !(last in errors)) errors[last] = readable(String(e.text));
    else if (e.type !== "TextBlock" || e.color !== "Attention") last = null;
  }
  return errors;
}

/** The message a dialog closed with (task/submit success), or null. */
export const closedWith = (answer: DialogAnswer): string | null => (answer.task?.type === "message" ? readable(String(answer.task.value)) : null);

/** The data of the first button in the activities that opens `form` in a dialog, or null. */
export function formOpener(activities: Captured, form: string): Record<string, unknown> | null {
  let found: Record<string, unknown> | null = null;
  const visit = (node: unknown): void => {
    if (found || !node || typeof node !== "object") return;
    const data = (node as Activity).data as Record<string, unknown> | undefined;
    if ((node as Activity).type === "Action.Submit" && data?.wowbot === "form.open" && data.form === form) {
      found = data;
      return;
    }
    for (const child of Object.values(node)) visit(child);
  };
  visit(activities);
  return found;
}

/** The Action.Execute buttons in the activities, as [verb, data]. */
export function executeButtons(activities: Captured | unknown): Array<[string, Record<string, unknown>]> {
  const out: Array<[string, Record<string, unknown>]> = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    const n = node as Activity;
    if (n.type === "Action.Execute") out.push([String(n.verb), (n.data ?? {}) as Record<string, unknown>]);
    for (const child of Object.values(node)) visit(child);
  };
  visit(activities);
  return out;
}

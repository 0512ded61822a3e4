// Every dialog, generically: task/fetch re-runs the neutral entry point that produces the form (so permissions are
// checked again when it opens) and shows it; task/submit reads the inputs, submits them through src/chat, and either
// keeps the dialog open with each problem beside its input (typed values kept, nothing saved) or closes it with
// the confirmation. A dialog id made at fetch time is the request key, so a retried submit saves nothing twice.
import { randomUUID } from "node:crypto";
import type { SettingsPatch } from "../../../app/settings.ports.js";
import { handleAction } from "../../../chat/actions.js";
import { runCommand } from "../../../chat/commands.js";
import { type ChatRequest, type CommandOutcome, NOT_PROVISIONED } from "../../../chat/request.js";
import { submitForm } from "../../../chat/submit-form.js";
import { channelName } from "../../../db/teams-conversation.repository.js";
import { REFERENCE_MAX } from "../../../domain/nomination.js";
import { actionIdField, actionOpens, CHAT_ACTIONS, type ChatActionKind, chatActionOf } from "../../../views/actions.js";
import { FORM_FIELDS, type FormErrors, type FormKind, type FormView } from "../../../views/forms.js";
import { FORM_NOT_OPENED, FORM_NOT_SENT, notice } from "../../../views/notice.js";
import { type CardAction, readCardAction } from "../cards/actions.js";
import { doneTaskModule, taskModule } from "../cards/dialogs.js";
import { ID_MAX, type PeopleNames, readForm } from "../cards/forms.js";
import { teamsRequest } from "../chat-request.js";
import type { TeamsTurn } from "../turn.js";
import { plainAnswer } from "./plain-text.js";
import { unknownChannels } from "./settings-channels.js";
import type { ActionData, TeamsForm } from "./types.js";

type Body = Record<string, unknown>;

/** What a dialog opens with: the prefill of the button (or of the submitted values, when reopened with errors). */
interface Prefill {
  nominee?: string | null;
  channel?: string | null;
  agent?: string | null;
  reference?: string | null;
  nominationId?: string | null;
  member?: string | null;
  /** The button that opened the form and the id it carries. */
  via?: ChatActionKind | null;
  subject?: string | null;
}

const opt = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);
/**
 * An id from card data, within the bounds of a real one: a forged 100,000-character nominee id was copied into the
 * reopened dialog (about 100 KB against Teams' 28 KB). Prefills are bounded like the values people type.
 */
const idOf = (v: unknown): string | null => {
  const id = opt(v);
  return id && id.length <= ID_MAX ? id : null;
};
const mention = (id: string | null) => (id ? `<@${id}>` : "");

/** A channel from card data only when the bot knows it in this workspace (card data can be forged). */
async function knownChannel(turn: TeamsTurn, channel: string | null | undefined): Promise<string | null> {
  if (!channel) return null;
  return (await turn.deps.conversations.findChannel(turn.workspace.id, channel)) ? channel : null;
}

/** The form as the neutral layer builds it for this person now, with the prefill applied, or its refusal. */
async function openForm(turn: TeamsTurn, req: ChatRequest, kind: FormKind, fill: Prefill): Promise<CommandOutcome> {
  let outcome: CommandOutcome | { kind: "none" };
  // A button's form: the button's action builds it, as it does on Slack.
  const via = fill.via ? chatActionOf(fill.via, fill.subject ?? "") : null;
  if (via && actionOpens(via.kind) === kind) outcome = await handleAction(req, via);
  else
    switch (kind) {
      case "form.nomination":
        outcome = await runCommand(req, "wow", mention(fill.nominee ?? null));
        break;
      case "form.score":
        outcome = fill.nominationId
          ? await handleAction(req, { kind: "nomination.score", nominationId: fill.nominationId })
          : await runCommand(req, "score", mention(fill.agent ?? null));
        break;
      case "form.attendance":
        outcome = await runCommand(req, "attendance", "");
        break;
      case "form.paid_day":
        outcome = await handleAction(req, { kind: "pto.request" });
        break;
      case "form.settings":
        outcome = await runCommand(req, "wowbot", "settings");
        break;
      default:
        // Forms that only a button opens.
        outcome = { kind: "reply", view: notice("error", FORM_NOT_OPENED) };
    }
  if (outcome.kind === "none") return { kind: "reply", view: notice("error", NOT_PROVISIONED) };
  if (outcome.kind !== "form") return outcome;
  return { kind: "form", form: await withPrefill(turn, outcome.form, fill) };
}

async function withPrefill(turn: TeamsTurn, form: FormView, fill: Prefill): Promise<FormView> {
  switch (form.kind) {
    case "form.nomination":
      return { ...form, channel: await knownChannel(turn, fill.channel ?? form.channel) };
    case "form.score":
      // From a nomination the neutral layer prefilled agent and reference; otherwise the button's prefill.
      return form.nominationId ? form : { ...form, agent: fill.agent ?? form.agent, reference: fill.reference ?? form.reference };
    case "form.attendance":
      return { ...form, member: fill.member ?? form.member };
    case "form.settings": {
      // Teams has no channel picker: the channels the bot knows in this organisation are listed.
      const channels = await turn.deps.conversations.listChannels(turn.workspace.id);
      return { ...form, channels: channels.map((c) => ({ id: c.conversationId, name: channelName(c) })) };
    }
    default:
      return form;
  }
}

/** Display names of the people a form shows, so pickers name them. */
async function namesOf(turn: TeamsTurn, ids: Array<string | null | undefined>): Promise<PeopleNames> {
  // A Map, not an object: the ids are submitted text, and "__proto__" must be just another unknown id.
  const names = new Map<string, string>();
  for (const id of ids) {
    if (!id || names.has(id)) continue;
    const person = await turn.deps.ports.members.find(turn.workspace.id, id);
    if (person) names.set(id, person.displayName);
  }
  return names;
}

const peopleOf = (form: FormView, values: Record<string, unknown> = {}) => [
  ...(form.kind === "form.nomination" ? [form.nominee] : form.kind === "form.score" ? [form.agent] : form.kind === "form.attendance" ? [form.member] : []),
  idOf(values.nominee),
  idOf(values.agent),
  idOf(values.member),
];

/** The dialog for an outcome: the form (with errors and typed values when given), else the refusal as a message. */
async function dialogOf(
  turn: TeamsTurn,
  outcome: CommandOutcome,
  dialogId: string,
  errors?: FormErrors,
  values?: Record<string, unknown>,
  fill: Prefill = {},
): Promise<Body> {
  if (outcome.kind !== "form") {
    const text = outcome.kind === "reply" ? plainAnswer(outcome.view) : "";
    return doneTaskModule(text || FORM_NOT_OPENED);
  }
  const names = await namesOf(turn, peopleOf(outcome.form, values));
  return taskModule(outcome.form, errors, names, { values, data: { dialog: dialogId, ...viaData(fill) } });
}

/** The button a form came from, kept in the dialog's data: a form reopened with problems is built by it again. */
function viaData(fill: Prefill): Record<string, string> {
  const field = fill.via ? actionIdField(fill.via) : null;
  return fill.via ? { via: fill.via, ...(field && fill.subject ? { [field]: fill.subject } : {}) } : {};
}

const prefillOf = (action: Extract<CardAction, { wowbot: "form.open" | "form.submit" }>): Prefill => {
  const a = action as Record<string, unknown>;
  return {
    nominee: idOf(a.nominee),
    channel: idOf(a.channel),
    agent: idOf(a.agent),
    reference: opt(a.reference)?.slice(0, REFERENCE_MAX) ?? null,
    nominationId: idOf(a.nominationId),
    member: idOf(a.member),
    ...viaOf(a),
  };
};

/** The button a form came from (a forged kind is no button) and the id it carries, from open or submit data. */
function viaOf(a: Record<string, unknown>): Pick<Prefill, "via" | "subject"> {
  const via = typeof a.via === "string" && Object.hasOwn(CHAT_ACTIONS, a.via) ? (a.via as ChatActionKind) : null;
  const field = via ? actionIdField(via) : null;
  return { via, subject: field ? idOf(a[field]) : null };
}

/** A dialog id from submit data: made by wowbot at fetch time, else (a forged or foreign card) the activity's. */
const dialogIdOf = (data: Body) => (typeof data.dialog === "string" && /^[\w-]{8,64}$/.test(data.dialog) ? data.dialog : null);

function teamsForm(kind: FormKind): TeamsForm {
  return {
    async fetch(turn: TeamsTurn, data: ActionData) {
      const action = readCardAction(data);
      if (action?.wowbot !== "form.open" || action.form !== kind) return doneTaskModule(FORM_NOT_OPENED);
      const fill = prefillOf(action);
      const req = teamsRequest(turn);
      return dialogOf(turn, await openForm(turn, req, kind, fill), randomUUID(), undefined, undefined, fill);
    },
    async submit(turn: TeamsTurn, submitted: ActionData) {
      // Teams sends an input left empty as "": not an id for the action reader (the form reader takes it as empty).
      const data = Object.fromEntries(Object.entries(submitted).filter(([, v]) => v !== "")) as ActionData;
      const action = readCardAction(data);
      if (action?.wowbot !== "form.submit" || action.form !== kind) return doneTaskModule(FORM_NOT_SENT);
      // Without wowbot's dialog id (a hand-made submit) the activity is the request.
      const dialogId = dialogIdOf(data);
      const fill = prefillOf(action);
      const channel = kind === "form.nomination" ? await knownChannel(turn, fill.channel) : null;
      const req = teamsRequest(turn, { dialog: dialogId ?? undefined, channel });
      const values = readForm(kind, submitted);
      const channelErrors = kind === "form.settings" ? await unknownChannels(turn, values as SettingsPatch) : null;
      const result = channelErrors ? { errors: channelErrors } : await submitForm(req, kind, values);
      if ("ok" in result) return doneTaskModule(plainAnswer(result.ok.view));
      // Reopened as it is now (permissions again), with the problems beside their inputs and what was typed kept.
      const reopened = await openForm(turn, req, kind, {
        ...fill,
        nominee: idOf(data.nominee),
        agent: idOf(data.agent) ?? fill.agent,
        member: idOf(data.member),
      });
      return dialogOf(turn, reopened, dialogId ?? randomUUID(), result.errors, submitted, fill);
    },
  };
}

export const FORM_DIALOGS = Object.fromEntries((Object.keys(FORM_FIELDS) as FormKind[]).map((k) => [k, teamsForm(k)])) as Record<FormKind, TeamsForm>;

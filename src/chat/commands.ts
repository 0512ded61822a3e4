// The member commands, platform-neutral: `wow`, `score`, `pto`, `attendance` (and `wowbot`, in wowbot.ts).
// Parsing, permission checks, member lookups and use cases happen here; the adapter renders and delivers.

import { adjustPto, readAdjustment } from "../app/adjust-pto.js";
import { may, mayActOn } from "../app/policy.js";
import { ptoOverview } from "../app/pto-overview.js";
import { recordAttendance } from "../app/record-attendance.js";
import { submitNomination } from "../app/submit-nomination.js";
import { occurrenceTypeOf } from "../domain/attendance.js";
import { readTypedDate } from "../domain/calendar-date.js";
import { addDays, localDate } from "../domain/local-time.js";
import { ok } from "../domain/result.js";
import type { View } from "../views/index.js";
import { notice } from "../views/notice.js";
import { ptoAdjusted, ptoAdjustUsage } from "../views/pto.js";
import { calibrateCommand } from "./calibrate.js";
import { commandWords, parseAttendanceText, parseScoreText, parseWowText, userIdOfMention } from "./command-text.js";
import { type ChatRequest, type CommandOutcome, cmd, isKnown, type KnownRequest, NOT_PROVISIONED, noteRefusal, PERSON_NOT_FOUND, reply } from "./request.js";
import { wowbotCommand } from "./wowbot.js";

export const CHAT_COMMANDS = ["wow", "score", "pto", "attendance", "wowbot"] as const;
export type ChatCommand = (typeof CHAT_COMMANDS)[number];

/** How far back `attendance @agent` lists records. */
const LIST_DAYS = 60;

export const wowUsage = (req: ChatRequest) =>
  `Start with who it's for, as a mention: \`${cmd(req, "wow")} @teammate what they did and why it mattered\`. Or type \`${cmd(req, "wow")}\` alone to open the form.`;
export const attendanceUsage = (req: ChatRequest) =>
  `Usage: \`${cmd(req, "attendance")}\` for the form, \`${cmd(req, "attendance")} @agent\` for their recent records, or \`${cmd(req, "attendance")} @agent absent|late|excused [YYYY-MM-DD|today|yesterday] [note]\`.`;
export const ptoUsage = (req: ChatRequest) => `Usage: \`${cmd(req, "pto")}\` for your own balance (leads: \`${cmd(req, "pto")} @agent\`).`;

/** Runs one command with the text after its name; a refusal (an error answer) is logged with its reason. */
export async function runCommand(req: ChatRequest, command: ChatCommand, text: string): Promise<CommandOutcome> {
  const outcome = await commandOutcome(req, command, text);
  if (outcome.kind === "reply" && outcome.view.kind === "notice" && outcome.view.tone === "error") noteRefusal(req, `command ${command}`, outcome.view.text);
  return outcome;
}

function commandOutcome(req: ChatRequest, command: ChatCommand, text: string): Promise<CommandOutcome> {
  switch (command) {
    case "wow":
      return wowCommand(req, text);
    case "score":
      return scoreCommand(req, text);
    case "pto":
      return ptoCommand(req, text);
    case "attendance":
      return attendanceCommand(req, text);
    case "wowbot":
      return wowbotCommand(req, text);
  }
}

/** `wow`: the form; `wow @someone` the form for them; `wow @someone story` nominates directly. */
export async function wowCommand(req: ChatRequest, text: string): Promise<CommandOutcome> {
  if (!isKnown(req)) return reply(notice("error", NOT_PROVISIONED));
  const parsed = parseWowText(text, req.platform.plain);
  if (parsed.kind === "usage") return reply(notice("info", wowUsage(req)));
  if (parsed.kind === "modal") return { kind: "form", form: { kind: "form.nomination", nominee: parsed.nominee ?? null, channel: req.channel } };
  const nominee = await req.resolveMember(parsed.nominee, { refresh: true });
  if (!nominee) return reply(notice("error", PERSON_NOT_FOUND));
  const result = await submitNomination(req.ports, {
    workspace: req.workspace,
    nominator: req.member,
    nominee,
    draft: { story: parsed.story, behaviours: [] },
    sourceChannel: req.channel,
    requestKey: req.requestKey,
  });
  if (!result.ok) return reply(notice("error", result.error.message));
  const { nomination, replayed, postChannel } = result.value;
  return reply({ kind: "nomination.confirmation", nominationId: nomination.id, nominee, postChannel, replayed });
}

/** `score [@agent] [reference]`: the Happiness Experience Form for leads; others are told why not. `score calibrate ...`: a blind calibration. */
export async function scoreCommand(req: ChatRequest, text: string): Promise<CommandOutcome> {
  if (/^calibrate(\s|$)/i.test(text.trim())) return calibrateCommand(req, text.trim().replace(/^calibrate\s*/i, ""));
  const refused = req.member ? may(req.member, "score.record") : { message: NOT_PROVISIONED };
  if (refused) return reply(notice("error", refused.message));
  const { agent, reference } = parseScoreText(text, req.platform.plain);
  return { kind: "form", form: { kind: "form.score", agent: agent ?? null, reference: reference ?? null, nominationId: null } };
}

/** `pto`: the member's own balance, streak, points and ledger; `pto @agent` for leads. */
export async function ptoCommand(req: ChatRequest, text: string): Promise<CommandOutcome> {
  if (!isKnown(req)) return reply(notice("error", NOT_PROVISIONED));
  const { workspace, member: viewer } = req;
  const trimmed = text.trim();
  if (/^adjust\b/i.test(trimmed)) return reply(await ptoAdjustCommand(req, trimmed.replace(/^adjust\s*/i, "")));
  const target = userIdOfMention(trimmed);
  if (trimmed && !target) return reply(notice("info", ptoUsage(req)));
  const member = target && target !== viewer.platformUserId ? await req.resolveMember(target) : viewer;
  if (!member) return reply(notice("error", PERSON_NOT_FOUND));
  const result = await ptoOverview(req.ports, { workspace, viewer, member });
  if (result.ok) return reply(result.value);
  // The way back to one's own page, as this platform writes the command.
  const hint = result.error.code === "PTO.PRIVATE" ? ` Try \`${cmd(req, "pto")}\`.` : "";
  return reply(notice("error", `${result.error.message}${hint}`));
}

/** `pto adjust @person +H|-H REASON` (admins). */
async function ptoAdjustCommand(req: KnownRequest, text: string): Promise<View> {
  const [mention = "", amount = ""] = commandWords(text);
  const usage = notice("info", ptoAdjustUsage(req.platform.commandPrefix));
  const target = userIdOfMention(mention);
  const hours = readAdjustment(amount);
  if (!target || hours === null) return usage;
  const refused = may(req.member, "pto.adjust");
  if (refused) return notice("error", refused.message);
  const member = await req.resolveMember(target);
  if (!member) return notice("error", PERSON_NOT_FOUND);
  // The reason is what follows the amount, as typed.
  const afterMention = text.slice(text.indexOf(mention) + mention.length).trimStart();
  const reason = req.platform.plain(afterMention.slice(amount.length)).trim();
  const result = await adjustPto(req.ports, { workspace: req.workspace, actor: req.member, member, hours, reason, requestKey: req.requestKey });
  if (!result.ok) return notice("error", result.error.message);
  return ptoAdjusted(member, hours, reason.replace(/\s+/g, " "), result.value.balance, result.value.replayed);
}

/** `attendance` (leads): the form; `attendance @agent` their recent records; `attendance @agent type [date] [note]`. */
export async function attendanceCommand(req: ChatRequest, text: string): Promise<CommandOutcome> {
  if (!isKnown(req)) return reply(notice("error", NOT_PROVISIONED));
  const { workspace, member: lead } = req;
  const refused = may(lead, "attendance.record");
  if (refused) return reply(notice("error", refused.message));
  const today = localDate(req.ports.clock.now(), workspace.timezone);
  const parsed = parseAttendanceText(text, req.platform.plain);
  switch (parsed.kind) {
    case "usage":
      return reply(notice("info", attendanceUsage(req)));
    case "modal":
      return { kind: "form", form: { kind: "form.attendance", member: null, today } };
    case "list": {
      const member = await req.resolveMember(parsed.member);
      if (!member) return reply(notice("error", PERSON_NOT_FOUND));
      const outsideTeam = await mayActOn(req.ports.teams, lead, "attendance.record", member);
      if (outsideTeam) return reply(notice("error", outsideTeam.message));
      const since = addDays(today, -LIST_DAYS);
      const occurrences = await req.ports.attendance.recentOccurrences(member.id, since, 100);
      return reply({ kind: "attendance.list", member: { platformUserId: member.platformUserId, displayName: member.displayName }, since, occurrences });
    }
    case "record": {
      const type = occurrenceTypeOf(parsed.type);
      if (!type) return reply(notice("error", `"${parsed.type}" is not a type of attendance record: use absent, late or excused.`));
      const date = parsed.date === null ? ok(today) : readTypedDate(parsed.date, { today });
      if (!date.ok) return reply(notice("error", date.error.message));
      const member = await req.resolveMember(parsed.member, { refresh: true });
      if (!member) return reply(notice("error", PERSON_NOT_FOUND));
      const result = await recordAttendance(req.ports, { workspace, lead, member, date: date.value, type, note: parsed.note });
      if (!result.ok) return reply(notice("error", result.error.message));
      return reply(notice(result.value.status === "recorded" ? "success" : "info", result.value.message));
    }
  }
}

// Blind calibration views, platform-neutral (PRODUCT.md §9): each lead's invitation with its Score button, the
// comparison every lead gets once revealed, and the sentences of starting and scoring one. The agent never sees any.
import { type CalibrationComparison, compareCalibration } from "../domain/calibration.js";
import { answerLabel, attemptsLabel, type ScoreAnswers } from "../domain/scorecard.js";
import { actions, bold, emoji, fields, heading, line, list, type Message, note, person, reference, type Text, t } from "./elements.js";
import type { PersonRef } from "./person.js";

/** Everything the calibration messages show, read when they are delivered. */
export interface CalibrationFacts {
  id: string;
  agent: PersonRef;
  startedBy: PersonRef;
  reference: string;
  deadline: Date;
  /** The workspace's time zone: the deadline is shown in it. */
  timezone: string;
  revealedAt: Date | null;
  seats: Array<{ person: PersonRef; answers: ScoreAnswers | null; score: number | null; note: string | null }>;
}

export interface CalibrationInviteView {
  kind: "calibration.invite";
  calibrationId: string;
  agent: PersonRef;
  startedBy: PersonRef;
  reference: string;
  /** The deadline as people read it, in the workspace's time zone. */
  deadline: string;
  leads: number;
}

export interface CalibrationRevealView {
  kind: "calibration.reveal";
  calibrationId: string;
  agent: PersonRef;
  reference: string;
  comparison: CalibrationComparison<PersonRef>;
  notes: Array<{ person: PersonRef; note: string }>;
}

const WEEKDAY = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTH = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "Wednesday 11 March, 10:00 (Europe/Berlin)": a deadline in the workspace's time zone. */
export function formatDeadline(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const y = Number(parts.year);
  const m = Number(parts.month);
  const d = Number(parts.day);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return `${WEEKDAY[weekday]} ${d} ${MONTH[m - 1]}, ${parts.hour}:${parts.minute} (${timeZone})`;
}

export function calibrationInviteView(f: CalibrationFacts): CalibrationInviteView {
  return {
    kind: "calibration.invite",
    calibrationId: f.id,
    agent: f.agent,
    startedBy: f.startedBy,
    reference: f.reference,
    deadline: formatDeadline(f.deadline, f.timezone),
    leads: f.seats.length,
  };
}

export function calibrationInviteMessage(view: CalibrationInviteView): Message {
  return {
    summary: t`Blind calibration: score ${view.agent.displayName}'s interaction ${view.reference}`,
    blocks: [
      line(
        t`${emoji("clipboard")} ${person(view.startedBy)} started a blind calibration: ${view.leads} leads score ${person(view.agent)}'s interaction ${reference(view.reference)} on the Happiness Experience Form.`,
      ),
      line(
        t`Nobody sees anyone else's answers until all of you have scored or the deadline passes: ${bold(view.deadline)}. Then each of you gets the comparison. The agent is never told.`,
      ),
      actions({ label: "Score", emoji: "dart", style: "primary", action: { kind: "calibration.score", calibrationId: view.calibrationId } }),
    ],
  };
}

export function calibrationRevealView(f: CalibrationFacts): CalibrationRevealView {
  return {
    kind: "calibration.reveal",
    calibrationId: f.id,
    agent: f.agent,
    reference: f.reference,
    comparison: compareCalibration(f.seats),
    notes: f.seats.flatMap((s) => (s.answers && s.note ? [{ person: s.person, note: s.note }] : [])),
  };
}

/** A lead's answers in one line: "1. connection attempts 2 or more · 2. rapport yes · ...". */
const answersText = (a: ScoreAnswers): string =>
  `1. connection attempts ${attemptsLabel(a.connection)} · 2. rapport ${answerLabel(a.rapport)} · 3. unstated needs ${answerLabel(a.unstatedNeeds)} · 4. wow ${answerLabel(a.wow)}`;

export function calibrationRevealMessage(view: CalibrationRevealView): Message {
  const { scored, missing, spread, agreement } = view.comparison;
  const people = (ps: PersonRef[]): Text => ps.flatMap((p, i) => [...(i ? [i === ps.length - 1 ? " and " : ", "] : []), person(p)]);
  const blocks = [heading(t`${emoji("clipboard")} Calibration of ${person(view.agent)}'s interaction ${reference(view.reference)}: the comparison`)];
  if (!spread) {
    blocks.push(line(t`Nobody scored before the deadline, so there is nothing to compare.`));
  } else {
    blocks.push(
      fields(scored.map((s) => ({ label: [person(s.person)], value: t`${bold(`${s.score}/100`)}: ${answersText(s.answers)}` }))),
      line(t`Spread: ${bold(`${spread.points} points`)} (highest ${spread.max}, lowest ${spread.min}).`),
      line([bold("Agreement per question")]),
      list(agreement.map((a) => t`${a.question}: ${a.count} of ${a.of} answered ${bold(a.answer)}`)),
    );
    if (view.notes.length) blocks.push(line([bold("Notes")]), list(view.notes.map((n) => t`${person(n.person)}: ${n.note.slice(0, 500)}`)));
  }
  if (missing.length) blocks.push(line(t`Did not score: ${people(missing)}.`, "warning"));
  blocks.push(note(["Calibration scores never count for the agent, and the agent is never told."]));
  return { summary: t`Calibration of ${view.agent.displayName}'s interaction ${view.reference}: the comparison`, blocks };
}

/** The form's words about what is being scored. */
export const calibrationFormIntro = (agent: PersonRef, ref: string): Text =>
  t`Blind calibration of ${person(agent)}'s interaction ${reference(ref)}. Nobody sees your answers until all have scored or the deadline passes.`;

/** Usage of `score calibrate`, as the platform writes the command. */
export const calibrateUsage = (commandPrefix: string) =>
  `Usage: \`${commandPrefix}score calibrate @agent REF @lead...\`: the agent, the interaction's reference, and at least one other lead to score it blind with you.`;

/** The starter's private confirmation; `<@ID>` of the people named (written with the notice's light markup). */
export function calibrationStarted(agent: PersonRef, ref: string, others: PersonRef[], deadline: string, replayed: boolean): string {
  const names = others.map((p) => `<@${p.platformUserId}>`);
  const who = `${names.join(", ")} and you`;
  return `${replayed ? "Already started" : "Blind calibration started"}: ${who} each get a Score button by DM for <@${agent.platformUserId}>'s interaction *${ref.replace(/[*`]/g, "")}*. Nobody sees another's answers until all ${others.length + 1} of you have scored or the deadline, *${deadline}*. <@${agent.platformUserId}> is never told.`;
}

/** A lead's confirmation after scoring: their own score, and how many have scored, nothing more. */
export function calibrationScored(score: number, scored: number, of: number, revealed: boolean, replaced: boolean): string {
  const again = replaced ? " It replaces your earlier answers." : "";
  if (revealed) return `Saved: you scored it *${score}/100*.${again} All ${of} of you have scored: the comparison is on its way to each of you by DM.`;
  return `Saved: you scored it *${score}/100*.${again} ${scored} of ${of} have scored. You'll each get the comparison when all have scored, or at the deadline.`;
}

export const CALIBRATION_CLOSED = "This calibration is closed: everyone taking part gets the comparison by DM.";
export const CALIBRATION_NOT_FOUND = "That calibration doesn't exist.";
export const CALIBRATION_NOT_PARTICIPANT = "Only the leads taking part in this calibration can score it.";

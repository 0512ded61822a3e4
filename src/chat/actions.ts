// Buttons and menus on wowbot's messages, platform-neutral: second, score this, retract/remove, the paid-day
// buttons and deleting an attendance record. Every rule is re-checked in the use cases, whatever the payload claims;
// the clicker gets a private answer or a form, and the message itself changes through the outbox.

import { closeNomination } from "../app/close-nomination.js";
import { decideCandidate } from "../app/decide-candidate.js";
import { cancelPaidDay, decidePaidDay } from "../app/paid-days.js";
import { may } from "../app/policy.js";
import { deleteAttendance } from "../app/record-attendance.js";
import { calibrationForm } from "../app/score-calibration.js";
import { markScoreSeen, rescoreForm, reviewForm, upholdReview } from "../app/score-reviews.js";
import { secondNomination } from "../app/second-nomination.js";
import { localDate } from "../domain/local-time.js";
import type { ChatAction } from "../views/actions.js";
import type { FormView } from "../views/forms.js";
import type { View } from "../views/index.js";
import { notice } from "../views/notice.js";
import { type ChatRequest, isKnown, type KnownRequest, noteRefusal } from "./request.js";

/** What the clicker gets: a private answer, a form to open, or nothing (an unknown person: nothing was done). */
export type ActionOutcome = { kind: "reply"; view: View } | { kind: "form"; form: FormView } | { kind: "none" };

const answer = (view: View): ActionOutcome => ({ kind: "reply", view });
const told = (result: { ok: true; value: { changed: boolean; message: string } } | { ok: false; error: { message: string } }) =>
  answer(result.ok ? notice(result.value.changed ? "success" : "info", result.value.message) : notice("error", result.error.message));

/** Handles one click; a refusal (an error answer) is logged with its reason. */
export async function handleAction(req: ChatRequest, action: ChatAction): Promise<ActionOutcome> {
  const outcome = await actionOutcome(req, action);
  if (outcome.kind === "reply" && outcome.view.kind === "notice" && outcome.view.tone === "error") noteRefusal(req, `action ${action.kind}`, outcome.view.text);
  return outcome;
}

async function actionOutcome(req: ChatRequest, action: ChatAction): Promise<ActionOutcome> {
  if (!isKnown(req)) return { kind: "none" };
  const { ports, workspace, member } = req;
  switch (action.kind) {
    case "nomination.second": {
      const result = await secondNomination(ports, { workspace, member, nominationId: action.nominationId });
      if (!result.ok) return answer(notice("error", result.error.message));
      const { added, seconds } = result.value;
      return answer(
        added
          ? notice("success", `You seconded this wow moment. It now has ${seconds} second${seconds === 1 ? "" : "s"}.`)
          : notice("info", "You've already seconded this one."),
      );
    }
    case "nomination.score":
      return scoreThis(req, action.nominationId);
    case "nomination.retract":
    case "nomination.remove": {
      const how = action.kind === "nomination.retract" ? "retract" : "remove";
      const result = await closeNomination(ports, { workspace, member, nominationId: action.nominationId, how });
      if (!result.ok) return answer(notice("error", result.error.message));
      return answer(
        notice(
          "success",
          result.value.status === "retracted" ? "You retracted your nomination; the post now says so." : "Nomination removed; the post now says so.",
        ),
      );
    }
    case "pto.request":
      return {
        kind: "form",
        form: { kind: "form.paid_day", today: localDate(ports.clock.now(), workspace.timezone), hoursPerPaidDay: workspace.settings.hoursPerPaidDay },
      };
    case "pto.cancel":
      return told(await cancelPaidDay(ports, { workspace, member, requestId: action.requestId }));
    case "pto.approve":
    case "pto.decline": {
      const decision = action.kind === "pto.approve" ? "approved" : "declined";
      // The post itself updates through the outbox for every lead who got it; the clicker is told privately.
      return told(await decidePaidDay(ports, { workspace, lead: member, requestId: action.requestId, decision }));
    }
    case "calibration.score": {
      const result = await calibrationForm(ports, { workspace, member, calibrationId: action.calibrationId });
      return result.ok ? { kind: "form", form: result.value } : answer(notice("error", result.error.message));
    }
    case "attendance.delete": {
      const result = await deleteAttendance(ports, { workspace, lead: member, occurrenceId: action.occurrenceId });
      return answer(result.ok ? notice(result.value.status === "deleted" ? "success" : "info", result.value.message) : notice("error", result.error.message));
    }
    case "candidate.recognise":
    case "candidate.dismiss": {
      const decision = action.kind === "candidate.recognise" ? "recognised" : "dismissed";
      return told(await decideCandidate(ports, { workspace, lead: member, candidateId: action.candidateId, decision }));
    }
    case "score.review": {
      const result = await reviewForm(ports, { workspace, member, scoreId: action.scoreId });
      return result.ok ? { kind: "form", form: result.value } : answer(notice("error", result.error.message));
    }
    case "score.seen":
      return told(await markScoreSeen(ports, { workspace, member, scoreId: action.scoreId }));
    case "review.uphold":
      return told(await upholdReview(ports, { workspace, lead: member, reviewId: action.reviewId }));
    case "review.rescore": {
      const result = await rescoreForm(ports, { workspace, lead: member, reviewId: action.reviewId });
      if (!result.ok) return answer(notice("error", result.error.message));
      return "form" in result.value ? { kind: "form", form: result.value.form } : answer(notice("info", result.value.decided));
    }
  }
}

/** The quick-score form prefilled with the nominee and reference, for leads; anyone else is refused. */
async function scoreThis(req: KnownRequest, nominationId: string): Promise<ActionOutcome> {
  const refused = may(req.member, "score.record");
  if (refused) return answer(notice("error", refused.message));
  const nomination = await req.ports.nominations.find(nominationId);
  const nominee = nomination && nomination.workspaceId === req.workspace.id ? await req.ports.members.findById(nomination.nomineeId) : null;
  if (!nomination || !nominee) return answer(notice("error", "That nomination doesn't exist any more."));
  return { kind: "form", form: { kind: "form.score", agent: nominee.platformUserId, reference: nomination.reference, nominationId } };
}

// Every view as the message a person reads: the one place each platform's converter gets its content from.
import { attendancePostMessage, occurrenceListMessage } from "./attendance.js";
import { calibrationInviteMessage, calibrationRevealMessage } from "./calibration.js";
import { candidateAgentDmMessage, candidateCardMessage, candidatePostMessage } from "./candidate.js";
import { digestMessage } from "./digest.js";
import type { Message } from "./elements.js";
import { helpMessage } from "./help.js";
import { type HomeView, homeMessage } from "./home.js";
import type { View } from "./index.js";
import { confirmationMessage, nominationPostMessage, nomineeDmMessage } from "./nomination.js";
import { noticeMessage } from "./notice.js";
import { ledgerDmMessage, ptoMessage, ptoOutcomeMessage, ptoRequestPostMessage } from "./pto.js";
import { reviewOutcomeMessage, reviewRequestMessage } from "./review.js";
import { scoreDmMessage } from "./score.js";
import { teamCardMessage, teamListMessage } from "./teams.js";

export function messageOf(view: View | HomeView): Message {
  switch (view.kind) {
    case "help":
      return helpMessage(view);
    case "notice":
      return noticeMessage(view);
    case "nomination.post":
      return nominationPostMessage(view);
    case "nomination.nominee_dm":
      return nomineeDmMessage(view);
    case "nomination.confirmation":
      return confirmationMessage(view);
    case "score.agent_dm":
      return scoreDmMessage(view);
    case "review.request":
      return reviewRequestMessage(view);
    case "review.outcome":
      return reviewOutcomeMessage(view);
    case "candidate.card":
      return candidateCardMessage(view);
    case "candidate.post":
      return candidatePostMessage(view);
    case "candidate.agent_dm":
      return candidateAgentDmMessage(view);
    case "calibration.invite":
      return calibrationInviteMessage(view);
    case "calibration.reveal":
      return calibrationRevealMessage(view);
    case "pto":
      return ptoMessage(view);
    case "pto.request":
      return ptoRequestPostMessage(view);
    case "pto.outcome":
      return ptoOutcomeMessage(view);
    case "pto.ledger_dm":
      return ledgerDmMessage(view);
    case "attendance.post":
      return attendancePostMessage(view);
    case "attendance.list":
      return occurrenceListMessage(view);
    case "digest":
      return digestMessage(view);
    case "team.list":
      return teamListMessage(view);
    case "team.show":
      return teamCardMessage(view);
    case "stats":
    case "home":
      return homeMessage(view);
  }
}

// Every view a platform adapter must know how to render.
import type { AttendancePostView, OccurrenceListView } from "./attendance.js";
import type { CalibrationInviteView, CalibrationRevealView } from "./calibration.js";
import type { CandidateAgentDmView, CandidateCardView, CandidatePostView } from "./candidate.js";
import type { DigestView } from "./digest.js";
import type { HelpView } from "./help.js";
import type { StatsView } from "./home.js";
import type { NominationConfirmationView, NominationPostView, NomineeDmView } from "./nomination.js";
import type { NoticeView } from "./notice.js";
import type { LedgerDmView, PtoOutcomeDmView, PtoRequestPostView, PtoView } from "./pto.js";
import type { ReviewOutcomeView, ReviewRequestView } from "./review.js";
import type { ScoreDmView } from "./score.js";
import type { TeamCardView, TeamListView } from "./teams.js";

export type View =
  | HelpView
  | NoticeView
  | NominationPostView
  | NomineeDmView
  | NominationConfirmationView
  | ScoreDmView
  | CalibrationInviteView
  | CalibrationRevealView
  | ReviewRequestView
  | ReviewOutcomeView
  | CandidateCardView
  | CandidatePostView
  | CandidateAgentDmView
  | PtoView
  | PtoRequestPostView
  | PtoOutcomeDmView
  | LedgerDmView
  | AttendancePostView
  | OccurrenceListView
  | DigestView
  | StatsView
  | TeamListView
  | TeamCardView;

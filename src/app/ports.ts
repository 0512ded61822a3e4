// The ports of every feature, bundled: what the service (and the CLI) wire up once and the use cases pick from.
import type { Clock } from "../domain/clock.js";
import type { ApiTokenStore } from "./api-tokens.js";
import type { AttendanceStore } from "./attendance.ports.js";
import type { CalibrationStore } from "./calibration.ports.js";
import type { DigestSource } from "./digest.js";
import type { DirectorySyncStore } from "./directory.ports.js";
import type { ExportStore } from "./exports.js";
import type { FeedbackStore } from "./feedback.ports.js";
import type { HomeStore } from "./home.ports.js";
import type { MemberStore } from "./members.ports.js";
import type { NominationStore } from "./nominations.ports.js";
import type { ReviewStore } from "./reviews.ports.js";
import type { ScoreStore } from "./scores.ports.js";
import type { SettingsStore } from "./settings.ports.js";
import type { TeamStore } from "./teams.ports.js";

export interface Ports {
  clock: Clock;
  nominations: NominationStore;
  scores: ScoreStore;
  members: MemberStore;
  /** Teams of agents with their leads. */
  teams: TeamStore;
  /** Where each workspace's directory read stands. */
  directorySyncs: DirectorySyncStore;
  home: HomeStore;
  settings: SettingsStore;
  attendance: AttendanceStore;
  tokens: ApiTokenStore;
  /** The daily lead digest's reads. */
  digest: DigestSource;
  exports: ExportStore;
  /** Customer feedback and the wow candidates it becomes. */
  feedback: FeedbackStore;
  /** Reviews of quick scores and "Seen" on them. */
  reviews: ReviewStore;
  /** Blind calibrations and their seats. */
  calibrations: CalibrationStore;
  /** Platform user ids that are admins wherever they appear (WOWBOT_ADMINS). */
  admins: readonly string[];
}

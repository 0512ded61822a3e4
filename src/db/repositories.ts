// Every repository on one database, made once: `wowbot serve` and the `wowbot` commands wire the same set, and the
// use cases' ports and the outbox's view facts are read from it.
import { buildDigest, type DigestSource } from "../app/digest.js";
import type { Ports } from "../app/ports.js";
import type { ViewFacts } from "../app/view-source.js";
import type { Clock } from "../domain/clock.js";
import { ApiTokenRepository } from "./api-token.repository.js";
import { AttendanceRepository } from "./attendance.repository.js";
import { CalibrationRepository, calibrationFacts } from "./calibration.repository.js";
import { ContactDataRepository } from "./contact-data.repository.js";
import type { Database } from "./database.js";
import { readDigestFacts } from "./digest-facts.js";
import { DirectorySyncRepository } from "./directory-sync.repository.js";
import { ExportRepository } from "./export.repository.js";
import { FeedbackRepository } from "./feedback.repository.js";
import { HomeRepository } from "./home.repository.js";
import { JobRunRepository } from "./job-run.repository.js";
import { MemberRepository } from "./member.repository.js";
import { NominationRepository, nominationFacts } from "./nomination.repository.js";
import { OutboxRepository } from "./outbox.repository.js";
import { attendancePostFacts, ledgerDmFacts, requestFacts } from "./pto-facts.js";
import { ScoreRepository, scoreFacts } from "./score.repository.js";
import { reviewFacts, ScoreReviewRepository } from "./score-review.repository.js";
import { SlackInstallationRepository } from "./slack-installation.repository.js";
import { TeamRepository } from "./team.repository.js";
import { TeamsConversationRepository } from "./teams-conversation.repository.js";
import { WorkspaceRepository } from "./workspace.repository.js";

export function createRepositories(db: Database) {
  const workspaces = new WorkspaceRepository(db);
  const feedback = new FeedbackRepository(db);
  const digest: DigestSource = { facts: (w, day, teamId) => readDigestFacts(db, w, day, { teamId }) };
  return {
    db,
    workspaces,
    members: new MemberRepository(db),
    directorySyncs: new DirectorySyncRepository(db),
    teams: new TeamRepository(db),
    nominations: new NominationRepository(db),
    scores: new ScoreRepository(db),
    calibrations: new CalibrationRepository(db),
    reviews: new ScoreReviewRepository(db),
    home: new HomeRepository(db.prisma),
    attendance: new AttendanceRepository(db.prisma),
    tokens: new ApiTokenRepository(db.prisma),
    exports: new ExportRepository(db.prisma),
    contactData: new ContactDataRepository(db.prisma),
    feedback,
    outbox: new OutboxRepository(db),
    jobRuns: new JobRunRepository(db.prisma),
    slackInstallations: new SlackInstallationRepository(db.prisma),
    teamsConversations: new TeamsConversationRepository(db.prisma),
    digest,
    /** What outbox views are built from, read when a message is delivered. */
    viewFacts: {
      nomination: (id) => nominationFacts(db, id),
      score: (id) => scoreFacts(db, id),
      calibration: (id) => calibrationFacts(db, id),
      review: (id) => reviewFacts(db, id),
      candidate: (id) => feedback.findCandidate(id),
      ledgerEntry: (key) => ledgerDmFacts(db.prisma, key),
      ptoRequest: (id) => requestFacts(db.prisma, id),
      attendancePost: async (workspaceId, date, closed) => {
        const workspace = await workspaces.findById(workspaceId);
        return workspace && attendancePostFacts(db.prisma, workspace, date, closed);
      },
      digest: async (workspaceId, day, closePending, teamId) => {
        const workspace = await workspaces.findById(workspaceId);
        return workspace && buildDigest(digest, workspace, day, { closePending, teamId });
      },
    } satisfies ViewFacts,
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

/** The use cases' ports on the repositories. */
export function portsOf(repos: Repositories, clock: Clock, admins: readonly string[]): Ports {
  const { nominations, scores, members, directorySyncs, teams, home, workspaces, attendance, tokens, digest, exports, feedback, reviews } = repos;
  return {
    clock,
    nominations,
    scores,
    members,
    directorySyncs,
    teams,
    home,
    settings: workspaces,
    attendance,
    tokens,
    digest,
    exports,
    feedback,
    reviews,
    calibrations: repos.calibrations,
    admins,
  };
}

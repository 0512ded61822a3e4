// Who may do what: every "is this person allowed" question wowbot asks, answered in one place with a stable code and
// the sentence the person is told. Use cases (and the chat layer, before it opens a form or looks anyone up) ask
// `may`, or `mayActOn` where the answer depends on the member's team; adapters never decide rights.

import type { MemberRecord } from "../domain/records.js";
import type { DomainError } from "../domain/result.js";
import { hasRole } from "../domain/roles.js";
import type { TeamStore } from "./teams.ports.js";

/** What a person may be asked about; `subject` is the member it is done to, where there is one. */
export type Action =
  | "attendance.record"
  | "score.record"
  /** Starting a blind calibration, and taking part in one. */
  | "calibration.start"
  | "pto.decide"
  /** Adding or taking hours by hand: opening balances and corrections. */
  | "pto.adjust"
  | "settings.change"
  | "tokens.manage"
  | "data.export"
  | "roles.change"
  | "nomination.remove"
  | "digest.preview"
  /** Creating, changing and deleting teams, their members, leads and leads channel. */
  | "teams.manage"
  /** Seeing who is in which team. */
  | "teams.view"
  /** Seeing someone's PTO balance, attendance points and ledger. */
  | "pto.view"
  /** Seeing someone's stats: service level and idle chats included. */
  | "stats.view"
  /** Recognising or dismissing a customer-voiced wow candidate. */
  | "candidate.decide";

/**
 * `scoped`: once teams exist, a lead may do it only to the agents of a team they lead (PRODUCT.md §8: "leads act on
 * their own teams"); admins to anyone. Quick scores are not scoped: quality reviewers work across teams.
 */
const RULES: Record<Action, { role: "lead" | "admin"; refusal: DomainError; ownAllowed?: true; scoped?: true }> = {
  "attendance.record": {
    role: "lead",
    scoped: true,
    refusal: { code: "ATTENDANCE.NOT_LEAD", message: "Only leads and admins can record attendance." },
  },
  "score.record": { role: "lead", refusal: { code: "SCORE.NOT_LEAD", message: "Only leads and admins can score interactions." } },
  "calibration.start": { role: "lead", refusal: { code: "CALIBRATION.NOT_LEAD", message: "Only leads and admins can start a calibration." } },
  "pto.decide": {
    role: "lead",
    scoped: true,
    refusal: { code: "PTO.NOT_LEAD", message: "Only leads and admins can approve or decline paid days off." },
  },
  "pto.adjust": { role: "admin", refusal: { code: "PTO.NOT_ADMIN", message: "Only admins can adjust PTO balances." } },
  "settings.change": { role: "admin", refusal: { code: "SETTINGS.NOT_ADMIN", message: "Only admins can change wowbot's settings." } },
  "tokens.manage": { role: "admin", refusal: { code: "TOKEN.NOT_ADMIN", message: "Only admins can manage ingest API tokens." } },
  "data.export": { role: "admin", refusal: { code: "EXPORT.NOT_ADMIN", message: "Only admins can export wowbot's data." } },
  "roles.change": { role: "admin", refusal: { code: "ROLE.NOT_ADMIN", message: "Only admins can change roles." } },
  "nomination.remove": { role: "admin", refusal: { code: "REMOVE.NOT_ADMIN", message: "Only admins can remove a nomination." } },
  "teams.manage": { role: "admin", refusal: { code: "TEAM.NOT_ADMIN", message: "Only admins can change teams." } },
  "teams.view": { role: "lead", refusal: { code: "TEAM.LEADS_ONLY", message: "Teams are listed for leads and admins." } },
  "digest.preview": {
    role: "lead",
    refusal: { code: "DIGEST.LEADS_ONLY", message: "The digest is for leads and admins: it shows the whole team's attendance, scores and service level." },
  },
  "pto.view": {
    role: "lead",
    ownAllowed: true,
    scoped: true,
    refusal: { code: "PTO.PRIVATE", message: "PTO balances and attendance points are private: you can only see your own." },
  },
  "candidate.decide": {
    role: "lead",
    scoped: true,
    refusal: { code: "CANDIDATE.NOT_LEAD", message: "Only the agent's team leads and admins can recognise or dismiss a customer's feedback." },
  },
  "stats.view": {
    role: "lead",
    ownAllowed: true,
    scoped: true,
    refusal: { code: "STATS.PRIVATE", message: "Stats are private: you can only see your own." },
  },
};

/**
 * Where the subject stands among teams: `teams: false` when the workspace has none (every lead acts on anyone), else
 * the ids of the leads of the team the subject is an agent of (none when they are in no team: admins only).
 */
export type TeamScope = { teams: false } | { teams: true; leadIds: readonly string[] };

/**
 * Null when `actor` may do `action` (to `subject`), else the refusal to tell them. The operator's CLI may do anything.
 * A scoped action on someone else needs `scope` (see mayActOn); without it only the role is checked.
 */
export function may(actor: MemberRecord | "cli", action: Action, subject?: MemberRecord, scope?: TeamScope): DomainError | null {
  if (actor === "cli") return null;
  const rule = RULES[action];
  if (rule.ownAllowed && subject && subject.id === actor.id) return null;
  if (!hasRole(actor.role, rule.role)) return rule.refusal;
  if (!rule.scoped || !subject || !scope?.teams || actor.role === "admin" || scope.leadIds.includes(actor.id)) return null;
  return { code: "TEAM.NOT_YOURS", field: "member", message: `${subject.displayName} is not in your team.` };
}

/** `may` for an action on a member, with the member's team looked up when the action is scoped and teams exist. */
export async function mayActOn(teams: TeamStore, actor: MemberRecord, action: Action, subject: MemberRecord): Promise<DomainError | null> {
  const first = may(actor, action, subject);
  if (first || !RULES[action].scoped || subject.id === actor.id || actor.role === "admin") return first;
  return may(actor, action, subject, await teamScope(teams, subject));
}

async function teamScope(teams: TeamStore, subject: MemberRecord): Promise<TeamScope> {
  if (!(await teams.anyTeam(subject.workspaceId))) return { teams: false };
  const team = await teams.teamOf(subject.id);
  return { teams: true, leadIds: team?.leads.map((l) => l.id) ?? [] };
}

/**
 * Null when `actor` may decide a review of the score (uphold or rescore it): one of its reviewers (scoreReviewers in
 * audience.ts) or an admin, never the agent or the scorer; else the refusal.
 */
export function mayDecideReview(
  actor: MemberRecord,
  review: { agent: Pick<MemberRecord, "id" | "displayName">; scorerId: string },
  reviewerIds: readonly string[],
): DomainError | null {
  if (actor.id === review.agent.id) return { code: "REVIEW.OWN", message: "You asked for this review: a lead who didn't score it decides it." };
  if (actor.id === review.scorerId) return { code: "REVIEW.SCORER", message: "You gave this score, so another lead decides its review." };
  if (actor.role === "admin" || reviewerIds.includes(actor.id)) return null;
  return { code: "REVIEW.NOT_REVIEWER", message: `Only ${review.agent.displayName}'s team leads and the admins can decide this review.` };
}

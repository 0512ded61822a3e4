// Who may do what: every "is this person allowed" question wowbot asks, answered in one place with a stable code and
// the sentence the person is told. Use cases (and the chat layer, before it opens a form or looks anyone up) ask
// `may`; adapters never decide rights. Teams of leads (PRODUCT.md §8) will change the answers here, not in the callers.

import type { MemberRecord } from "../domain/records.js";
import type { DomainError } from "../domain/result.js";
import { hasRole } from "../domain/roles.js";

/** What a person may be asked about; `subject` is the member it is done to, where there is one. */
export type Action =
  | "attendance.record"
  | "score.record"
  | "pto.decide"
  | "settings.change"
  | "tokens.manage"
  | "data.export"
  | "roles.change"
  | "nomination.remove"
  | "digest.preview"
  /** Seeing someone's PTO balance, attendance points and ledger. */
  | "pto.view"
  /** Seeing someone's stats: service level and idle chats included. */
  | "stats.view";

const RULES: Record<Action, { role: "lead" | "admin"; refusal: DomainError; ownAllowed?: true }> = {
  "attendance.record": { role: "lead", refusal: { code: "ATTENDANCE.NOT_LEAD", message: "Only leads and admins can record attendance." } },
  "score.record": { role: "lead", refusal: { code: "SCORE.NOT_LEAD", message: "Only leads and admins can score interactions." } },
  "pto.decide": { role: "lead", refusal: { code: "PTO.NOT_LEAD", message: "Only leads and admins can approve or decline paid days off." } },
  "settings.change": { role: "admin", refusal: { code: "SETTINGS.NOT_ADMIN", message: "Only admins can change wowbot's settings." } },
  "tokens.manage": { role: "admin", refusal: { code: "TOKEN.NOT_ADMIN", message: "Only admins can manage ingest API tokens." } },
  "data.export": { role: "admin", refusal: { code: "EXPORT.NOT_ADMIN", message: "Only admins can export wowbot's data." } },
  "roles.change": { role: "admin", refusal: { code: "ROLE.NOT_ADMIN", message: "Only admins can change roles." } },
  "nomination.remove": { role: "admin", refusal: { code: "REMOVE.NOT_ADMIN", message: "Only admins can remove a nomination." } },
  "digest.preview": {
    role: "lead",
    refusal: { code: "DIGEST.LEADS_ONLY", message: "The digest is for leads and admins: it shows the whole team's attendance, scores and service level." },
  },
  "pto.view": {
    role: "lead",
    ownAllowed: true,
    refusal: { code: "PTO.PRIVATE", message: "PTO balances and attendance points are private: you can only see your own." },
  },
  "stats.view": { role: "lead", ownAllowed: true, refusal: { code: "STATS.PRIVATE", message: "Stats are private: you can only see your own." } },
};

/** Null when `actor` may do `action` (to `subject`), else the refusal to tell them. The operator's CLI may do anything. */
export function may(actor: MemberRecord | "cli", action: Action, subject?: MemberRecord): DomainError | null {
  if (actor === "cli") return null;
  const rule = RULES[action];
  if (rule.ownAllowed && subject && subject.id === actor.id) return null;
  return hasRole(actor.role, rule.role) ? null : rule.refusal;
}

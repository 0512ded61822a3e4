// Finds the members that rows of an import or ingest request name by platform user id (exact) or email (any case),
// with one read for the whole batch, and says why a row's member can't be used: unknown, ambiguous, a bot, deactivated.
import { outsideProgramme } from "../domain/programme.js";
import type { MemberRecord } from "../domain/records.js";
import type { MemberStore } from "./members.ports.js";

export type MemberLookup = (key: string) => { member: MemberRecord } | { reason: string };

export interface LookupRules {
  /** What a bot can't have, for the refusal: "attendance to record". */
  forWhat: string;
  /** Deactivated members may be named (data about days they worked); attendance refuses them. */
  allowInactive?: boolean;
}

/** Reads every member the keys could name, then resolves each key without another query. */
export async function lookUpMembers(
  members: Pick<MemberStore, "findByIdOrEmail">,
  workspaceId: string,
  keys: string[],
  rules: LookupRules,
): Promise<MemberLookup> {
  const distinct = [...new Set(keys.map((k) => k.trim()).filter(Boolean))];
  return memberLookup(distinct.length ? await members.findByIdOrEmail(workspaceId, distinct) : [], rules);
}

export function memberLookup(known: MemberRecord[], rules: LookupRules): MemberLookup {
  const usable = (m: MemberRecord) => !outsideProgramme(m) && (rules.allowInactive || m.active);
  const byId = new Map(known.map((m) => [m.platformUserId, m]));
  const byEmail = new Map<string, MemberRecord[]>();
  for (const m of known) {
    if (!m.email) continue;
    const email = m.email.toLowerCase();
    byEmail.set(email, [...(byEmail.get(email) ?? []), m]);
  }
  return (raw) => {
    const key = raw.trim();
    if (!key) return { reason: "the member is missing: give their user id (U...) or email." };
    let member = byId.get(key);
    if (!member) {
      const matches = byEmail.get(key.toLowerCase()) ?? [];
      // Several people can carry one email (an account deactivated and created again): the one who can be named
      // wins; when that is still not one person, the row must say whom it means.
      const candidates = matches.length > 1 ? matches.filter((m) => m.active && !outsideProgramme(m)) : matches;
      if (matches.length > 1 && candidates.length !== 1) {
        return {
          reason: `"${key}" is the email of ${matches.length} members (${matches
            .map((m) => m.platformUserId)
            .sort()
            .join(", ")}): use the user id instead.`,
        };
      }
      member = candidates[0];
    }
    if (!member) {
      return { reason: `"${key}" is not in the workspace's directory: use their user id or the email the workspace knows them by.` };
    }
    const outside = outsideProgramme(member);
    if (outside) return { reason: `${member.displayName} (${member.platformUserId}) is ${outside}, so there's no ${rules.forWhat}.` };
    if (!usable(member)) return { reason: `${member.displayName} (${member.platformUserId}) is deactivated.` };
    return { member };
  };
}

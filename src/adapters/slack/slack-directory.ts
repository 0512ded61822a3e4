// Slack users as platform-neutral PlatformUsers (users.info): name, time zone, bot and deactivated flags, email.
import type { webApi } from "@slack/bolt";
import type { PlatformUser } from "../../domain/records.js";
import type { SlackUserCache } from "./user-cache.js";

/** A user object as users.info and the user_change event carry it: read field by field, whatever their types. */
export type SlackUser = Record<string, unknown>;

const text = (v: unknown): string => (typeof v === "string" ? v : "");
const flag = (v: unknown): boolean => v === true;
/** Text up to `max` characters, or "" when longer: no real id, address or time zone is, and they are indexed. */
const bounded = (v: unknown, max: number): string => {
  const t = text(v);
  return t.length <= max ? t : "";
};

/**
 * Whether the user belongs to another organisation than `homeTeamId`'s: Slack marks strangers of a shared channel
 * (`is_stranger`), and lists Slack Connect people with their own `team_id`. People of the same Enterprise Grid org
 * list the workspace among their teams. Without `homeTeamId` only the mark counts.
 */
function isExternal(u: SlackUser, homeTeamId: string | undefined): boolean {
  if (flag(u.is_stranger)) return true;
  if (!homeTeamId || typeof u.team_id !== "string" || u.team_id === homeTeamId) return false;
  const enterprise = typeof u.enterprise_user === "object" && u.enterprise_user !== null ? (u.enterprise_user as Record<string, unknown>) : {};
  return !(Array.isArray(enterprise.teams) && enterprise.teams.includes(homeTeamId));
}

/** A Slack user object as a PlatformUser; `homeTeamId` (the workspace's team id) tells who is of another organisation. */
export function toPlatformUser(u: SlackUser, homeTeamId?: string): PlatformUser {
  const profile = typeof u.profile === "object" && u.profile !== null ? (u.profile as Record<string, unknown>) : {};
  const id = bounded(u.id, 64);
  const displayName = text(profile.display_name) || text(profile.real_name) || text(u.real_name) || text(u.name) || id || "unknown";
  return {
    platformUserId: id,
    displayName: displayName.slice(0, 200),
    // 254 characters: the longest address SMTP carries (a longer one overflowed the email index, found by fuzzing).
    email: bounded(profile.email, 254) || null,
    timezone: bounded(u.tz, 64) || null,
    // USLACKBOT is a bot that Slack does not flag as one.
    isBot: flag(u.is_bot) || flag(u.is_app_user) || id === "USLACKBOT",
    deleted: flag(u.deleted),
    isGuest: flag(u.is_restricted) || flag(u.is_ultra_restricted),
    isExternal: isExternal(u, homeTeamId),
    isPlatformAdmin: flag(u.is_admin) || flag(u.is_owner),
  };
}

/** Slack never says a person departed: a deactivated account is a user with `deleted` set. */
type SlackLookUp = (platformUserId: string, options?: { fresh?: boolean }) => Promise<PlatformUser | null>;

/** A lone UTF-16 surrogate: such text can't be URL-encoded, so no Slack user id contains one. */
const LONE_SURROGATE = /\p{Cs}/u;

/** users.info through the cache when one is given: a remembered answer is marked so, and `fresh` skips it. */
export function slackDirectory(client: webApi.WebClient, token: string, teamId: string | undefined, cache?: SlackUserCache): { lookUp: SlackLookUp } {
  return {
    async lookUp(platformUserId, options) {
      // The Web API client form-encodes the id; encodeURIComponent threw URIError on a lone surrogate, failing the
      // whole request (an App Home event or a mention in a payload) instead of finding nobody.
      if (LONE_SURROGATE.test(platformUserId)) return null;
      const remembered = options?.fresh ? undefined : cache?.get(token, platformUserId);
      if (remembered) return { ...remembered, remembered: true };
      try {
        const r = await client.users.info({ token, user: platformUserId });
        if (!r.user) return null;
        const user = toPlatformUser(r.user as unknown as SlackUser, teamId);
        cache?.set(token, user);
        return user;
      } catch (error) {
        if ((error as { data?: { error?: string } }).data?.error === "user_not_found") return null;
        throw error;
      }
    },
  };
}

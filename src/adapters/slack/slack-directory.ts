// Slack users as platform-neutral PlatformUsers (users.info): name, time zone, bot and deactivated flags, email.
import type { webApi } from "@slack/bolt";
import type { Directory, PlatformUser } from "../../app/ports.js";

interface SlackUser {
  id?: string;
  name?: string;
  real_name?: string;
  deleted?: boolean;
  is_bot?: boolean;
  is_app_user?: boolean;
  is_admin?: boolean;
  is_owner?: boolean;
  tz?: string;
  profile?: { display_name?: string; real_name?: string; email?: string };
}

export function toPlatformUser(u: SlackUser): PlatformUser {
  const displayName = u.profile?.display_name || u.profile?.real_name || u.real_name || u.name || u.id || "unknown";
  return {
    platformUserId: u.id ?? "",
    displayName: displayName.slice(0, 200),
    email: u.profile?.email ?? null,
    timezone: u.tz ?? null,
    // USLACKBOT is a bot that Slack does not flag as one.
    isBot: Boolean(u.is_bot || u.is_app_user || u.id === "USLACKBOT"),
    deleted: Boolean(u.deleted),
    isPlatformAdmin: Boolean(u.is_admin || u.is_owner),
  };
}

/** A lone UTF-16 surrogate: such text can't be URL-encoded, so no Slack user id contains one. */
const LONE_SURROGATE = /\p{Cs}/u;

export function slackDirectory(client: webApi.WebClient, token: string): Directory {
  return {
    async lookUp(platformUserId) {
      // The Web API client form-encodes the id; encodeURIComponent threw URIError on a lone surrogate, failing the
      // whole request (an App Home event or a mention in a payload) instead of finding nobody.
      if (LONE_SURROGATE.test(platformUserId)) return null;
      try {
        const r = await client.users.info({ token, user: platformUserId });
        return r.user ? toPlatformUser(r.user as SlackUser) : null;
      } catch (error) {
        if ((error as { data?: { error?: string } }).data?.error === "user_not_found") return null;
        throw error;
      }
    },
  };
}

// Slack's answers about users (users.info), remembered for a few minutes per installation, as Slack asks apps to.

import type { Clock } from "../../domain/clock.js";
import type { PlatformUser } from "../../domain/records.js";

/**
 * How long an answer is used. users.info is rate-limited (Tier 4, about 100 calls a minute per workspace, and the
 * client rejects rate-limited calls rather than sleep through Slack's 3 s): asking on every /wow and score would fail
 * requests at a busy centre's pace. A change Slack announces (user_change) replaces the answer at once.
 */
export const USER_CACHE_TTL_MS = 5 * 60_000;
/** Enough for the people of several large workspaces; the least recently asked are forgotten first. */
export const USER_CACHE_MAX_ENTRIES = 20_000;

interface Entry {
  user: PlatformUser;
  at: number;
}

export class SlackUserCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = USER_CACHE_TTL_MS,
    private readonly maxEntries = USER_CACHE_MAX_ENTRIES,
  ) {}

  /** The remembered answer for a user of the installation the token belongs to, while it is fresh enough. */
  get(token: string, platformUserId: string): PlatformUser | undefined {
    const key = keyOf(token, platformUserId);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    const age = this.clock.now().getTime() - entry.at;
    if (age < 0 || age >= this.ttlMs) return undefined;
    this.entries.set(key, entry); // most recently asked last, so the oldest is the first key
    return entry.user;
  }

  set(token: string, user: PlatformUser): void {
    const key = keyOf(token, user.platformUserId);
    this.entries.delete(key);
    this.entries.set(key, { user, at: this.clock.now().getTime() });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  forget(token: string, platformUserId: string): void {
    this.entries.delete(keyOf(token, platformUserId));
  }
}

const keyOf = (token: string, platformUserId: string) => `${token}\u0000${platformUserId}`;

import { describe, expect, it } from "vitest";
import { SlackUserCache } from "../../../../src/adapters/slack/user-cache.js";
import type { PlatformUser } from "../../../../src/domain/records.js";
import { ManualClock } from "../../../support/clock.js";

const person = (id: string, displayName = id): PlatformUser => ({
  platformUserId: id,
  displayName,
  email: null,
  timezone: null,
  isBot: false,
  deleted: false,
  isGuest: false,
  isExternal: false,
  isPlatformAdmin: false,
});

describe("Slack's answers about users, remembered", () => {
  it("answers until the time to live has passed, per installation", () => {
    const clock = new ManualClock();
    const cache = new SlackUserCache(clock, 60_000);
    cache.set("xoxb-a", person("U1", "Ann"));
    clock.advance(59_999);
    expect(cache.get("xoxb-a", "U1")?.displayName).toBe("Ann");
    expect(cache.get("xoxb-b", "U1")).toBeUndefined();
    clock.advance(1);
    expect(cache.get("xoxb-a", "U1")).toBeUndefined();
  });

  it("forgets an answer from the future (a clock set back) and the least recently asked when full", () => {
    const clock = new ManualClock();
    const cache = new SlackUserCache(clock, 60_000, 2);
    cache.set("t", person("U1"));
    cache.set("t", person("U2"));
    expect(cache.get("t", "U1")).toBeDefined(); // U2 is now the least recently asked
    cache.set("t", person("U3"));
    expect([cache.get("t", "U1"), cache.get("t", "U2"), cache.get("t", "U3")].map((u) => u?.platformUserId)).toEqual(["U1", undefined, "U3"]);

    clock.advance(-1);
    expect(cache.get("t", "U1")).toBeUndefined();
  });
});

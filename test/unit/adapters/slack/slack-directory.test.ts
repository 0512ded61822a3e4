import { describe, expect, it } from "vitest";
import { toPlatformUser } from "../../../../src/adapters/slack/slack-directory.js";

describe("Slack's user objects read as platform users", () => {
  it("reads the fields Slack sends, preferring the display name", () => {
    const user = toPlatformUser({
      id: "U0ANN",
      name: "ann",
      real_name: "Ann Example",
      tz: "Europe/Berlin",
      is_admin: true,
      profile: { display_name: "Ann E.", email: "ann@example.com" },
    });
    expect(user).toEqual({
      platformUserId: "U0ANN",
      displayName: "Ann E.",
      email: "ann@example.com",
      timezone: "Europe/Berlin",
      isBot: false,
      deleted: false,
      isPlatformAdmin: true,
    });
  });

  it("drops fields of the wrong type or longer than any real one, instead of storing them", () => {
    const user = toPlatformUser({
      id: "U0BEN",
      name: 7,
      deleted: "yes",
      tz: "x".repeat(65),
      profile: { display_name: { nested: true }, email: `${"a".repeat(250)}@example.com` },
    });
    expect(user).toMatchObject({ platformUserId: "U0BEN", displayName: "U0BEN", email: null, timezone: null, deleted: false });
    expect(toPlatformUser({ id: "U".repeat(65) }).platformUserId).toBe("");
  });
});

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
      isGuest: false,
      isExternal: false,
      isPlatformAdmin: true,
    });
  });

  it("marks guests and people of another organisation (Slack Connect), and people of the same Enterprise Grid org as neither", () => {
    expect(toPlatformUser({ id: "U1", is_restricted: true }, "T0HOME")).toMatchObject({ isGuest: true, isExternal: false });
    expect(toPlatformUser({ id: "U2", is_ultra_restricted: true }, "T0HOME")).toMatchObject({ isGuest: true });
    expect(toPlatformUser({ id: "U3", team_id: "T0HOME" }, "T0HOME")).toMatchObject({ isGuest: false, isExternal: false });
    expect(toPlatformUser({ id: "U4", team_id: "T0OTHER" }, "T0HOME")).toMatchObject({ isExternal: true });
    expect(toPlatformUser({ id: "U5", team_id: "T0HOME", is_stranger: true }, "T0HOME")).toMatchObject({ isExternal: true });
    expect(toPlatformUser({ id: "U6", team_id: "T0SISTER", enterprise_user: { teams: ["T0SISTER", "T0HOME"] } }, "T0HOME")).toMatchObject({
      isExternal: false,
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

// The neutral command parsers read Slack mentions (<@U…|name>) and Teams mentions (<@AAD-UUID|Display Name>) alike.
import { describe, expect, it } from "vitest";
import { plainFromSlack } from "../../../src/adapters/slack/slack-text.js";
import { commandWords, parseAttendanceText, parseScoreText, parseWowText, userIdOfMention } from "../../../src/chat/command-text.js";
import { COMMANDS, helpView } from "../../../src/views/help.js";

const AAD = "3f2b9c1e-8d4a-4e6b-9f0a-1c2d3e4f5a6b";

describe("mentions of either platform", () => {
  it("reads a Slack or a Teams mention as the user id, with or without a name", () => {
    expect(userIdOfMention("<@U123ABC>")).toBe("U123ABC");
    expect(userIdOfMention("<@W42|ann>")).toBe("W42");
    expect(userIdOfMention(` <@${AAD}|Ann Lee> `)).toBe(AAD);
    expect(userIdOfMention(`<@${AAD}>`)).toBe(AAD);
  });

  it("is undefined for anything but exactly one mention", () => {
    expect(userIdOfMention("")).toBeUndefined();
    expect(userIdOfMention("@ann")).toBeUndefined();
    expect(userIdOfMention(`<@${AAD}|Ann Lee> extra`)).toBeUndefined();
    expect(userIdOfMention("<@U1>x")).toBeUndefined();
  });

  it("keeps a mention whose name has spaces as one word", () => {
    expect(commandWords(`role <@${AAD}|Ann Lee> lead`)).toEqual(["role", `<@${AAD}|Ann Lee>`, "lead"]);
    expect(commandWords("  role <@U1|ann>   admin ")).toEqual(["role", "<@U1|ann>", "admin"]);
    expect(commandWords("   ")).toEqual([]);
  });
});

describe("wow", () => {
  it("opens the form alone or with only a mention, and nominates directly with a story", () => {
    expect(parseWowText("  ")).toEqual({ kind: "modal" });
    expect(parseWowText(`<@${AAD}|Ann Lee>`)).toEqual({ kind: "modal", nominee: AAD });
    expect(parseWowText(`<@${AAD}|Ann Lee> stayed late to fix a refund`)).toEqual({ kind: "direct", nominee: AAD, story: "stayed late to fix a refund" });
    expect(parseWowText("<@U1|ann> calmed an angry caller")).toEqual({ kind: "direct", nominee: "U1", story: "calmed an angry caller" });
  });

  it("asks for a mention first", () => {
    expect(parseWowText("Ann was great")).toEqual({ kind: "usage" });
  });

  it("reads the story through the platform's plain text, so Slack markup reads as typed", () => {
    const parsed = parseWowText("<@U1> helped <@U2|bob> &amp; fixed <https://x.example/t/1|the ticket>", plainFromSlack);
    expect(parsed).toEqual({ kind: "direct", nominee: "U1", story: "helped @bob & fixed https://x.example/t/1" });
    // Teams text is plain already: nothing is unescaped.
    expect(parseWowText(`<@${AAD}|Ann> tom &amp; jerry`)).toEqual({ kind: "direct", nominee: AAD, story: "tom &amp; jerry" });
  });
});

describe("score", () => {
  it("reads an optional agent and reference", () => {
    expect(parseScoreText("")).toEqual({ agent: undefined, reference: undefined });
    expect(parseScoreText(`<@${AAD}|Ann Lee> T-1234`)).toEqual({ agent: AAD, reference: "T-1234" });
    expect(parseScoreText("CHAT-9")).toEqual({ agent: undefined, reference: "CHAT-9" });
    expect(parseScoreText("<@U1> <https://x.example/c/9>", plainFromSlack)).toEqual({ agent: "U1", reference: "https://x.example/c/9" });
  });
});

describe("attendance", () => {
  it("reads the form, a list, and a record with optional date and note", () => {
    expect(parseAttendanceText("")).toEqual({ kind: "modal" });
    expect(parseAttendanceText(`<@${AAD}|Ann Lee>`)).toEqual({ kind: "list", member: AAD });
    expect(parseAttendanceText(`<@${AAD}|Ann Lee> late 2026-03-02 bus strike`)).toEqual({
      kind: "record",
      member: AAD,
      type: "late",
      date: "2026-03-02",
      note: "bus strike",
    });
    expect(parseAttendanceText("<@U1|ann> absent")).toEqual({ kind: "record", member: "U1", type: "absent", date: null, note: null });
    expect(parseAttendanceText("ann absent")).toEqual({ kind: "usage" });
  });

  it("takes whatever looks like a date as the date, to be read or refused, and the rest as the note", () => {
    const dateAndNote = (text: string) => {
      const parsed = parseAttendanceText(`<@U1> late ${text}`);
      return parsed.kind === "record" ? [parsed.date, parsed.note] : parsed;
    };
    expect(dateAndNote("12/07/2026")).toEqual(["12/07/2026", null]);
    expect(dateAndNote("2026/12/04  flu, then fever")).toEqual(["2026/12/04", "flu, then fever"]);
    expect(dateAndNote("yesterday")).toEqual(["yesterday", null]);
    expect(dateAndNote("Monday traffic")).toEqual(["Monday", "traffic"]);
    expect(dateAndNote("7 Dec")).toEqual(["7 Dec", null]);
    expect(dateAndNote("dec. 7th bus")).toEqual(["dec. 7th", "bus"]);
    // Words that only resemble dates stay in the note: a month name without a day, a lone number.
    expect(dateAndNote("may be back by noon")).toEqual([null, "may be back by noon"]);
    expect(dateAndNote("3 buses late")).toEqual([null, "3 buses late"]);
  });
});

describe("help per platform", () => {
  it("writes commands with a slash on Slack and without on Teams", () => {
    expect(helpView().commands).toEqual(COMMANDS);
    const teams = helpView(undefined, "").commands.map((c) => c.usage);
    expect(teams).toContain("wow @teammate what they did");
    expect(teams).toContain("wowbot help");
    expect(teams.some((u) => u.startsWith("/"))).toBe(false);
  });
});

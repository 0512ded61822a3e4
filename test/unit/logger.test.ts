// Logs are JSON lines and never carry tokens or secrets, whatever shape the object that holds them has.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, scrubSecrets } from "../../src/logger.js";

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _e, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger("info", sink), lines };
}

describe("logger", () => {
  it("writes JSON lines with a level label", () => {
    const { logger, lines } = capture();
    logger.info({ port: 3000 }, "listening");
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({ level: "info", msg: "listening", port: 3000, service: "wowbot" });
  });

  it("redacts secret fields at any of the first levels of nesting", () => {
    const { logger, lines } = capture();
    logger.info({ token: "a1", config: { slack: { botToken: "a2", signingSecret: "a3" } }, req: { headers: { authorization: "Bearer a4" } } }, "x");
    const out = lines.join("");
    for (const secret of ["a1", "a2", "a3", "Bearer a4"]) expect(out).not.toContain(`"${secret}"`);
    expect(out).toContain("[redacted]");
  });

  it("scrubs Slack tokens, bearer values and URL passwords out of messages and errors", () => {
    const { logger, lines } = capture();
    logger.error(new Error("call failed with xoxb-123-456-abcdef"), "postgres://wowbot:s3cret@db:5432/x unreachable");
    const out = lines.join("");
    expect(out).not.toContain("xoxb-123");
    expect(out).not.toContain("s3cret");
    expect(scrubSecrets("Authorization: Bearer abc.def")).toBe("Authorization: Bearer [redacted]");
    expect(scrubSecrets("postgres://u:p@h/db")).toBe("postgres://u:[redacted]@h/db");
  });
});

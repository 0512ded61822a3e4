// Bolt's logger interface on top of our pino logger, so Slack's own messages are JSON lines with secrets redacted.
import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../logger.js";

export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: "slack" });
  const join = (msg: unknown[]) => msg.map((m) => (typeof m === "string" ? m : m instanceof Error ? m.message : JSON.stringify(m))).join(" ");
  return {
    debug: (...msg) => log.debug(join(msg)),
    info: (...msg) => log.info(join(msg)),
    warn: (...msg) => log.warn(join(msg)),
    error: (...msg) => log.error(join(msg)),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}

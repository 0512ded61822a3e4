// Refuses Slack requests stamped more than five minutes in the future, before Bolt reads them.
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "../../logger.js";

/** Slack's replay window; Bolt refuses requests older than this. */
const WINDOW_SECONDS = 5 * 60;

/**
 * Bolt checks only that a signed request is not older than five minutes, so a timestamp far ahead of our clock
 * would keep a captured request replayable until then (a signing secret leaked once, or a skewed sender). Slack
 * stamps each request when it sends it: a timestamp more than the window ahead is refused like a stale one (401).
 */
export function refuseFutureTimestamps(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const stamp = Number(req.get("x-slack-request-timestamp"));
    const ahead = stamp - Math.floor(Date.now() / 1000);
    if (Number.isFinite(stamp) && ahead > WINDOW_SECONDS) {
      logger.warn({ component: "slack", aheadSeconds: ahead }, "Slack request refused: its timestamp is more than 5 minutes in the future");
      res.status(401).send();
      return;
    }
    next();
  };
}

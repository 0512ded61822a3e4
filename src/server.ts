// Builds the HTTP app (Slack receiver, /api/messages, /api/v1, health, metrics) without listening, so tests and
// main.ts share it. JSON parsing is mounted per route: Slack signatures are checked on the raw body.
import express, { type Application, type NextFunction, type Request, type Response, type Router } from "express";
import type { Database } from "./db/database.js";
import { healthRouter } from "./http/health.js";
import { BODY_LIMIT, BODY_LIMIT_BYTES } from "./http/ingest/limits.js";
import { NOT_FOUND_MESSAGE } from "./http/ingest/router.js";
import type { Metrics } from "./http/metrics.js";
import type { Logger } from "./logger.js";

export interface HttpAppOptions {
  db: Database;
  metrics: Metrics;
  logger: Logger;
  isStopping: () => boolean;
}

/** The parts that come before platform receivers: metrics, health and metrics endpoints. */
export function createHttpApp({ db, metrics, isStopping }: HttpAppOptions): Application {
  const app = express();
  app.disable("x-powered-by");
  app.use(metrics.middleware);
  app.use(healthRouter(db, isStopping));
  app.get("/metrics", async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return app;
}

/** Routes after the platform receivers: reserved prefixes, JSON 404s and the one error handler. */
export function finishHttpApp(
  app: Application,
  { logger, slackEnabled, teamsEnabled, ingest }: { logger: Logger; slackEnabled: boolean; teamsEnabled: boolean; ingest?: Router },
): void {
  if (!slackEnabled) {
    app.post("/slack/events", (_req, res) => {
      res.status(404).json({ error: "slack_disabled", message: "Slack is not configured on this wowbot." });
    });
  }
  if (!teamsEnabled) {
    app.post("/api/messages", (_req, res) => {
      res.status(404).json({ error: "teams_disabled", message: "Microsoft Teams is not configured on this wowbot." });
    });
  }
  if (ingest) app.use("/api/v1", ingest);
  // The body is read before answering, so a client streaming one to a wrong path sees the 404, not a reset.
  app.use("/api/v1", express.json({ limit: BODY_LIMIT_BYTES }), (_req, res) => {
    res.status(404).json({ error: "not_found", message: NOT_FOUND_MESSAGE });
  });
  app.use((_req, res) => {
    res.status(404).json({ error: "not_found" });
  });
  app.use((error: Error & { status?: number; type?: string }, req: Request, res: Response, _next: NextFunction) => {
    // A body the client got wrong is logged at info with why (not as an error with a stack): bad input is normal.
    if (error.status && error.status >= 400 && error.status < 500) {
      logger.info({ method: req.method, path: req.path, status: error.status, reason: error.type ?? error.message.slice(0, 200) }, "request body refused");
    }
    if (error.type === "entity.too.large") {
      // The batching advice (and the 5 MB) is the ingest API's; Teams' /api/messages has its own, smaller limit.
      const message = req.path.startsWith("/api/v1")
        ? `The request body is larger than ${BODY_LIMIT}: send the rows in smaller batches.`
        : "The request body is larger than this endpoint accepts.";
      res.status(413).json({ error: "payload_too_large", message });
      return;
    }
    if (error.type === "entity.parse.failed") {
      res.status(400).json({ error: "invalid_json", message: `The body is not valid JSON: ${error.message.slice(0, 200)}` });
      return;
    }
    if (error.type === "charset.unsupported" || error.type === "encoding.unsupported") {
      res.status(415).json({ error: "unsupported_media_type", message: `${error.message}: send UTF-8 JSON without a content encoding.` });
      return;
    }
    // Other body-reading failures the client caused (an aborted upload, a length that doesn't match the body).
    if (error.status && error.status >= 400 && error.status < 500) {
      res.status(error.status).json({ error: "bad_request", message: error.message.slice(0, 200) });
      return;
    }
    logger.error({ err: error }, "request failed");
    res.status(500).json({ error: "internal_error" });
  });
}

// Liveness (/healthz: the process answers) and readiness (/readyz: the database answers and is fully migrated).
import { Router } from "express";
import type { Database } from "../db/database.js";
import { describeDriverError } from "../db/errors.js";
import { migrationState } from "../db/migrate.js";

export function healthRouter(db: Database, isStopping: () => boolean): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    // A stopping instance reports not-ready so load balancers drain it before it closes.
    if (isStopping()) {
      res.status(503).json({ status: "stopping" });
      return;
    }
    try {
      const state = await migrationState(db);
      const ready = state.pending.length === 0;
      res.status(ready ? 200 : 503).json({
        status: ready ? "ready" : "migrations pending",
        database: db.kind,
        migrations: { applied: state.applied.length, pending: state.pending },
      });
    } catch (error) {
      res.status(503).json({ status: "database unavailable", database: db.kind, error: describeDriverError(error) });
    }
  });
  return router;
}

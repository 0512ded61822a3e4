// Prometheus metrics: requests and latency by route, outbox depth, job runs, plus Node process metrics.
import { getHeapStatistics } from "node:v8";
import type { NextFunction, Request, Response } from "express";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

export interface Metrics {
  registry: Registry;
  /** Counts every request once it has finished, labelled by the route that matched (never the raw URL). */
  middleware(req: Request, res: Response, next: NextFunction): void;
  jobRuns: Counter<"job" | "outcome">;
  /** Requests received since start, a plain number: the outbox job reads it every second (src/jobs/busy.ts). */
  requestsReceived(): number;
}

export function createMetrics(outboxDepth: () => Promise<number>): Metrics {
  // One registry per service instance: tests run several in one process.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "wowbot_" });
  const requests = new Counter({
    name: "wowbot_http_requests_total",
    help: "HTTP requests by method, route and status code",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "wowbot_http_request_duration_seconds",
    help: "HTTP request latency by method and route",
    labelNames: ["method", "route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: "wowbot_outbox_depth",
    help: "Chat messages waiting for delivery",
    registers: [registry],
    async collect() {
      this.set(await outboxDepth().catch(() => Number.NaN));
    },
  });
  // prom-client reports the heap in use but not its limit; `wowbot serve` starts with 512 MB (bin/entrypoint.sh),
  // so an alert on used / limit warns before the process dies of an out-of-memory error.
  new Gauge({
    name: "wowbot_nodejs_heap_size_limit_bytes",
    help: "V8 heap size limit of this process (old generation limit plus young generation)",
    registers: [registry],
    collect() {
      this.set(getHeapStatistics().heap_size_limit);
    },
  });
  const jobRuns = new Counter({
    name: "wowbot_job_runs_total",
    help: "Scheduled job runs by job and outcome (done, failed)",
    labelNames: ["job", "outcome"] as const,
    registers: [registry],
  });

  let received = 0;
  return {
    registry,
    jobRuns,
    requestsReceived: () => received,
    middleware(req, res, next) {
      received++;
      const stop = latency.startTimer();
      res.on("finish", () => {
        const route = req.route?.path ? `${req.baseUrl}${req.route.path}` : "unmatched";
        requests.inc({ method: req.method, route, status: String(res.statusCode) });
        stop({ method: req.method, route });
      });
      next();
    },
  };
}

// The HTTP surface every deployment relies on: liveness, readiness, metrics, JSON errors and reserved prefixes.
import { getHeapStatistics } from "node:v8";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../support/service.js";

describe("health, readiness and metrics", () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService({ slack: false });
  });
  afterAll(() => t.stop());

  it("/healthz says the process is alive", async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("/readyz says the database answers and every migration is applied", async () => {
    const res = await fetch(`${t.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ready", migrations: { applied: expect.any(Number), pending: [] } });
  });

  it("/metrics exposes request counts by route, latency, outbox depth and job runs in Prometheus format", async () => {
    await fetch(`${t.url}/healthz`);
    const res = await fetch(`${t.url}/metrics`);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toMatch(/wowbot_http_requests_total\{method="GET",route="\/healthz",status="200"\} [1-9]/);
    expect(text).toContain("wowbot_http_request_duration_seconds_bucket");
    expect(text).toMatch(/^wowbot_outbox_depth 0$/m);
    expect(text).toContain("# TYPE wowbot_job_runs_total counter");
  });

  it("/metrics reports the heap limit next to the heap in use, so an alert can fire before an out-of-memory crash", async () => {
    const text = await (await fetch(`${t.url}/metrics`)).text();
    const limit = Number(/^wowbot_nodejs_heap_size_limit_bytes (\S+)$/m.exec(text)?.[1]);
    const used = Number(/^wowbot_nodejs_heap_size_used_bytes (\S+)$/m.exec(text)?.[1]);
    expect(limit).toBe(getHeapStatistics().heap_size_limit);
    expect(used).toBeGreaterThan(0);
    expect(used).toBeLessThan(limit);
  });

  it("outbox depth counts messages waiting for delivery", async () => {
    const ws = await t.prisma.workspace.create({ data: { platform: "slack", externalId: "T0DEPTH", name: "Depth" } });
    await t.prisma.outbox.create({ data: { workspaceId: ws.id, target: { kind: "channel", id: "C1" }, payload: { text: "hi" }, dedupeKey: "depth-1" } });
    const text = await (await fetch(`${t.url}/metrics`)).text();
    expect(text).toMatch(/^wowbot_outbox_depth 1$/m);
  });

  it("answers unknown paths, disabled platforms and the reserved ingest prefix with JSON errors", async () => {
    const unknown = await fetch(`${t.url}/nope`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: "not_found" });

    const slack = await fetch(`${t.url}/slack/events`, { method: "POST", body: "x" });
    expect(slack.status).toBe(404);
    expect(await slack.json()).toMatchObject({ error: "slack_disabled" });

    const teams = await fetch(`${t.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(teams.status).toBe(404);
    expect(await teams.json()).toMatchObject({ error: "teams_disabled" });

    const ingest = await fetch(`${t.url}/api/v1/no-such-thing`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(ingest.status).toBe(404);
    expect(await ingest.json()).toMatchObject({ error: "not_found", message: expect.stringContaining("POST /api/v1/service-level") });
  });

  it("logs that Slack is disabled, with the variables to set", () => {
    expect(t.logs.map((l) => l.msg)).toContain("Slack disabled: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN, or the OAuth variables");
  });
});

// Abuse of the ingest API on every endpoint: bad tokens and token guessing (slowed down), oversized, non-JSON,
// malformed and mis-shaped bodies, and rows naming another workspace's members. Each is refused with its status and
// a specific message, logged at info or warn with why (never the token), and changes no row anywhere.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../../src/app/api-tokens.js";
import { ApiTokenRepository } from "../../src/db/api-token.repository.js";
import { MemberRepository } from "../../src/db/member.repository.js";
import { WorkspaceRepository } from "../../src/db/workspace.repository.js";
import type { WorkspaceRecord } from "../../src/domain/records.js";
import { changesMadeBy } from "../support/db-snapshot.js";
import { startTestService, type TestService } from "../support/service.js";

const ENDPOINTS = ["service-level", "chat-sessions", "attendance"] as const;
type Endpoint = (typeof ENDPOINTS)[number];

/** One good row per endpoint for `member` (an id or an email). */
const rowFor = (endpoint: Endpoint, member: string) =>
  endpoint === "service-level"
    ? { member, date: "2026-02-20", customerFacingSeconds: 1, availableSeconds: 2 }
    : endpoint === "chat-sessions"
      ? { member, sessionId: `s-${member}`, startedAt: "2026-02-20T08:00:00Z", customerLeftAt: "2026-02-20T08:10:00Z", agentClosedAt: "2026-02-20T08:12:00Z" }
      : { member, date: "2026-02-20", type: "absent" };

describe("abuse: the ingest API", () => {
  let t: TestService;
  let ws: WorkspaceRecord;
  let secret: string;
  let otherSecret: string;

  const newToken = async (name: string, workspace: WorkspaceRecord) => {
    const created = await createApiToken({ tokens: new ApiTokenRepository(t.prisma), clock: t.clock }, { workspace, actor: "cli", name });
    if (!created.ok) throw new Error(created.error.message);
    return created.value.secret;
  };
  const post = (endpoint: string, body: string, headers: Record<string, string>) =>
    fetch(`${t.url}/api/v1/${endpoint}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  /**
   * Runs `act`, expecting it to change no row. A refused token leaves lastUsedAt alone too; a good token refused for
   * its rows may record its use (`ignore`).
   */
  const unchanged = async (act: () => Promise<void>, ignore: string[] = []) => expect(await changesMadeBy(t.prisma, act, ignore)).toEqual({});
  const logged = (msg: string) => t.logs.filter((l) => l.msg === msg);

  beforeAll(async () => {
    t = await startTestService({ slack: false });
    const workspaces = new WorkspaceRepository(t.service.db);
    const members = new MemberRepository(t.service.db);
    const joined = new Date("2026-01-01T00:00:00Z");
    ws = await workspaces.ensure({ platform: "slack", externalId: "T_MINE", name: "Mine", timezone: "Europe/Berlin" });
    const other = await workspaces.ensure({ platform: "slack", externalId: "T_OTHER", name: "Other", timezone: "Europe/Berlin" });
    await members.upsert({ workspaceId: ws.id, platformUserId: "U_ADA", displayName: "Ada", email: "ada@example.com" }, "agent", joined);
    await members.upsert({ workspaceId: other.id, platformUserId: "U_OTTO", displayName: "Otto", email: "otto@example.com" }, "agent", joined);
    secret = await newToken("mine", ws);
    otherSecret = await newToken("theirs", other);
  });
  afterAll(() => t.stop());

  it.each(ENDPOINTS)("refuses missing, malformed and wrong tokens on /api/v1/%s with 401, logged without the token", async (endpoint) => {
    const body = JSON.stringify({ rows: [rowFor(endpoint, "U_ADA")] });
    const cases: Array<Record<string, string>> = [
      {},
      { authorization: secret },
      { authorization: `Basic ${Buffer.from(`x:${secret}`).toString("base64")}` },
      bearer(`${secret.slice(0, -3)}abc`),
      bearer(`${secret}x`),
      bearer("wowbot_"),
      bearer("x".repeat(10_000)),
    ];
    for (const headers of cases) {
      t.logs.length = 0;
      await unchanged(async () => {
        const res = await post(endpoint, body, headers);
        expect(res.status).toBe(401);
        expect(res.headers.get("www-authenticate")).toBe('Bearer realm="wowbot"');
        expect(await res.json()).toEqual({ error: "unauthorized", message: expect.stringMatching(/token|Authorization/) });
      });
      expect(logged("ingest refused: unauthorized")).toEqual([expect.objectContaining({ level: "info", reason: expect.any(String) })]);
    }
    // A success clears this address's failures, so the tests stay independent of the brake.
    expect((await post(endpoint, JSON.stringify({ rows: [] }), bearer(secret))).status).toBe(200);
    expect(JSON.stringify(t.logs)).not.toContain(secret);
  });

  it.each(ENDPOINTS)("refuses rows naming another workspace's member on /api/v1/%s (by id and by email) with 422, changing nothing", async (endpoint) => {
    t.logs.length = 0;
    await unchanged(async () => {
      const res = await post(
        endpoint,
        JSON.stringify({ rows: [rowFor(endpoint, "U_ADA"), rowFor(endpoint, "U_OTTO"), rowFor(endpoint, "otto@example.com")] }),
        bearer(secret),
      );
      expect(res.status).toBe(422);
      const answer = (await res.json()) as { error: string; problems: Array<{ index: number; field: string; reason: string }> };
      expect(answer.error).toBe("invalid_rows");
      expect(answer.problems.map((p) => [p.index, p.field])).toEqual([
        [1, "member"],
        [2, "member"],
      ]);
      // Said as for any unknown member: nothing tells the caller the other workspace has them.
      expect(JSON.stringify(answer)).not.toContain("Other");
    }, ["ApiToken.lastUsedAt"]);
    expect(logged("ingest refused")).toEqual([expect.objectContaining({ level: "info", problems: 2, tokenName: "mine" })]);
    // The other workspace's own token cannot reach this workspace's member either.
    await unchanged(async () => {
      const res = await post(endpoint, JSON.stringify({ rows: [rowFor(endpoint, "U_ADA")] }), bearer(otherSecret));
      expect(res.status).toBe(422);
    }, ["ApiToken.lastUsedAt"]);
  });

  const huge = JSON.stringify({ rows: Array.from({ length: 70_000 }, () => rowFor("service-level", "U_ADA")) });
  const bodies: Array<[string, string, Record<string, string>, number, string, string]> = [
    ["a body over 5 MB", huge, {}, 413, "payload_too_large", "request body refused"],
    ["a CSV body", "member,date\nU_ADA,2026-02-20", { "content-type": "text/csv" }, 415, "unsupported_media_type", "ingest refused: the body is not JSON"],
    ["a form body", "rows=1", { "content-type": "application/x-www-form-urlencoded" }, 415, "unsupported_media_type", "ingest refused: the body is not JSON"],
    ["JSON without a content type", '{"rows":[]}', { "content-type": "" }, 415, "unsupported_media_type", "ingest refused: the body is not JSON"],
    ["a Latin-1 body", '{"rows":[]}', { "content-type": "application/json; charset=latin1" }, 415, "unsupported_media_type", "request body refused"],
    ["a body in an unsupported encoding", '{"rows":[]}', { "content-encoding": "compress" }, 415, "unsupported_media_type", "request body refused"],
    ["a body claiming gzip that is not", '{"rows":[]}', { "content-encoding": "gzip" }, 400, "bad_request", "request body refused"],
    ["malformed JSON", '{"rows": [', {}, 400, "invalid_json", "request body refused"],
    ["a JSON array", "[]", {}, 400, "invalid_body", "ingest refused: the body is not {rows: [...]}"],
    ["rows that are not an array", '{"rows": {"0": 1}}', {}, 400, "invalid_body", "ingest refused: the body is not {rows: [...]}"],
    ["an extra property", '{"rows": [], "dryRun": true}', {}, 400, "invalid_body", "ingest refused: the body is not {rows: [...]}"],
  ];

  it.each(bodies)(
    "refuses %s with its status and a specific message on every endpoint, logged, changing nothing",
    async (_what, body, headers, status, error, log) => {
      for (const endpoint of ENDPOINTS) {
        t.logs.length = 0;
        await unchanged(async () => {
          const res = await post(endpoint, body, { ...bearer(secret), ...headers });
          expect(res.status).toBe(status);
          expect(await res.json()).toEqual({ error, message: expect.any(String) });
        });
        expect(logged(log)).toHaveLength(1);
        expect(logged(log)[0]?.level).toBe("info");
        expect(t.logs.filter((l) => l.level === "error")).toEqual([]);
      }
    },
  );

  it("slows token guessing down: after 10 failures in any endpoints, 429 with Retry-After even for the good token, logged", async () => {
    for (let i = 0; i < 10; i++) {
      const endpoint = ENDPOINTS[i % ENDPOINTS.length] as Endpoint;
      expect((await post(endpoint, JSON.stringify({ rows: [] }), bearer(`wowbot_guess${i}`))).status).toBe(401);
    }
    t.logs.length = 0;
    for (const endpoint of ENDPOINTS) {
      await unchanged(async () => {
        const res = await post(endpoint, JSON.stringify({ rows: [rowFor(endpoint, "U_ADA")] }), bearer(secret));
        expect(res.status).toBe(429);
        expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
        expect(await res.json()).toEqual({ error: "too_many_failures", message: expect.stringContaining("Too many failed authentications") });
      });
    }
    expect(logged("ingest refused: too many failed authentications from this address")).toHaveLength(3);
    expect(logged("ingest refused: too many failed authentications from this address")[0]).toMatchObject({ level: "warn" });
    // Guessing on goes nowhere: still 429, without the token even being looked at.
    expect((await post("attendance", "{}", bearer(`${secret.slice(0, -1)}0`))).status).toBe(429);
    t.clock.advance(15 * 60_000);
    expect((await post("service-level", JSON.stringify({ rows: [] }), bearer(secret))).status).toBe(200);
  });
});

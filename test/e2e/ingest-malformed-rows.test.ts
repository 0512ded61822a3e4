// Shrunk counterexamples from the ingest fuzz tests (test/fuzz/ingest-bodies.test.ts), kept as plain cases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../../src/app/api-tokens.js";
import { ApiTokenRepository } from "../../src/db/api-token.repository.js";
import { MemberRepository } from "../../src/db/member.repository.js";
import { WorkspaceRepository } from "../../src/db/workspace.repository.js";
import { startTestService, type TestService } from "../support/service.js";

describe("malformed ingest rows", () => {
  let t: TestService;
  let secret = "";
  const post = async (path: string, rows: unknown[]) => {
    const res = await fetch(`${t.url}/api/v1/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
      body: JSON.stringify({ rows }),
    });
    return { status: res.status, body: (await res.json()) as { problems?: unknown[] } };
  };

  beforeAll(async () => {
    t = await startTestService({ slack: false });
    const ws = await new WorkspaceRepository(t.service.db).ensure({ platform: "slack", externalId: "T_NUL", name: "Nul", timezone: "Europe/Berlin" });
    await new MemberRepository(t.service.db).upsert(
      { workspaceId: ws.id, platformUserId: "U_ADA", displayName: "Ada" },
      "agent",
      new Date("2025-01-01T00:00:00Z"),
    );
    const created = await createApiToken({ tokens: new ApiTokenRepository(t.prisma), clock: t.clock }, { workspace: ws, actor: "cli", name: "nul" });
    if (!created.ok) throw new Error(created.error.message);
    secret = created.value.secret;
  });
  afterAll(() => t?.stop());

  it.each([
    ["attendance", "note", { member: "U_ADA", date: "2026-02-27", type: "late", note: "a\u0000b" }],
    ["attendance", "member", { member: "U\u0000ADA", date: "2026-02-27", type: "late" }],
    ["chat-sessions", "sessionId", { member: "U_ADA", sessionId: "S\u00001", startedAt: "2026-02-27T10:00:00Z" }],
    ["chat-sessions", "member", { member: "\u0000\u0001\u001f", sessionId: "S-1", startedAt: "2026-02-27T10:00:00Z" }],
  ])("refuses a %s row whose %s has a NUL character with 422 naming that field, saving nothing", async (path, field, row) => {
    const { status, body } = await post(path, [row]);
    expect(status).toBe(422);
    expect(body.problems).toEqual([{ index: 0, field, reason: `the ${field} contains a NUL character (\\u0000), which can't be stored: remove it.` }]);
    expect(await t.prisma.attendanceOccurrence.count()).toBe(0);
    expect(await t.prisma.chatSession.count()).toBe(0);
  });
});

// Shrunk counterexamples from the Teams fuzz tests (test/fuzz/teams-activities.test.ts), kept as plain cases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeTeamsUser } from "../support/fake-bot-connector.js";
import { errorLinesSince } from "../support/fuzz.js";
import { startTestService, type TestService } from "../support/service.js";

const ada: FakeTeamsUser = { id: "29:account-1", aadObjectId: "ffffffff-0000-4000-8000-000000000001", name: "Ada Agent" };
const ben: FakeTeamsUser = { id: "29:account-2", aadObjectId: "ffffffff-0000-4000-8000-000000000002", name: "Ben Agent" };

describe("malformed Teams activities", () => {
  let t: TestService;

  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true });
    t.fakeTeams.addMember(ada).addMember(ben);
  });
  afterAll(() => t?.stop());

  it.each(["composeExtension/query", "0"])("answers an invoke wowbot does not handle (%s) with a 400 naming it, not a server error", async (name) => {
    const from = t.logs.length;
    const { status, body } = await t.teams.post(t.teams.invoke(ada, name, { wowbot: "nomination.second" }));
    expect(status).toBe(400);
    expect(body).toEqual({ error: "unknown_invoke", message: `wowbot does not handle "${name}" invokes.` });
    expect(errorLinesSince(t.logs, from)).toEqual([]);
  });

  it("takes a nomination whose story has NUL characters as if they were not there", async () => {
    const from = t.logs.length;
    const sentFrom = t.fakeTeams.activities.length;
    const { status } = await t.teams.post(
      t.teams.message(ada, `wow @${ben.name} stayed late to rebook a whole family\u0000 after the storm`, { mentions: [ben] }),
    );
    expect(status).toBe(200);
    expect(await t.prisma.nomination.findFirst({ select: { story: true } })).toEqual({ story: "stayed late to rebook a whole family after the storm" });
    expect(t.fakeTeams.activities.slice(sentFrom).map((a) => String(a.activity.text))).not.toContain(expect.stringContaining("went wrong"));
    expect(errorLinesSince(t.logs, from)).toEqual([]);
  });
});

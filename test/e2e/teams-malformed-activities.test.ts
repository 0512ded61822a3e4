// Shrunk counterexamples from the Teams fuzz tests (test/fuzz/teams-activities.test.ts), kept as plain cases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeTeamsUser } from "../support/fake-bot-connector.js";
import { errorLinesSince } from "../support/fuzz.js";
import { startTestService, type TestService } from "../support/service.js";

const ada: FakeTeamsUser = { id: "29:account-1", aadObjectId: "ffffffff-0000-4000-8000-000000000001", name: "Ada Agent" };

describe("malformed Teams activities", () => {
  let t: TestService;

  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true });
    t.fakeTeams.addMember(ada);
  });
  afterAll(() => t?.stop());

  it.each(["composeExtension/query", "0"])("answers an invoke wowbot does not handle (%s) with a 400 naming it, not a server error", async (name) => {
    const from = t.logs.length;
    const { status, body } = await t.teams.post(t.teams.invoke(ada, name, { wowbot: "nomination.second" }));
    expect(status).toBe(400);
    expect(body).toEqual({ error: "unsupported_invoke", message: `wowbot does not handle "${name}" invokes.` });
    expect(errorLinesSince(t.logs, from)).toEqual([]);
  });
});

// A forged dialog submit cannot make wowbot echo a huge card (issue 18.6): every value a reopened dialog is prefilled
// with is bounded like a typed value, so the answer stays far inside Teams' 28 KB for a card.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeTeamsUser } from "../support/fake-bot-connector.js";
import { startTestService, type TestService } from "../support/service.js";

const ada: FakeTeamsUser = { id: "29:bounds-1", aadObjectId: "eeeeeeee-0000-4000-8000-000000000001", name: "Ada Agent" };
const HUGE = "x".repeat(100_000);

describe("dialogs reopened with forged values", () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true });
    t.fakeTeams.addMember(ada);
    await t.teams.post(t.teams.message(ada, "help"));
  });
  afterAll(() => t?.stop());

  it.each([
    ["a 100,000-character nominee id", { nominee: HUGE, story: "too short" }],
    ["a 100,000-character reference", { nominee: ada.aadObjectId, reference: HUGE, story: "too short" }],
    ["a 100,000-character channel and dialog id", { nominee: ada.aadObjectId, channel: HUGE, dialog: HUGE, story: "too short" }],
  ])("answers a nomination submit with %s in a small card, without the value", async (_what, inputs) => {
    const res = await t.teams.post(t.teams.taskSubmit(ada, { wowbot: "form.submit", form: "form.nomination", ...inputs }));
    expect(res.status).toBe(200);
    const body = JSON.stringify(res.body);
    expect(body.length).toBeLessThan(8_000);
    expect(body).not.toContain("x".repeat(300));
  });
});

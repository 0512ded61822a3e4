// Digests once teams exist (issue 20.4, PRODUCT.md §8): each team's digest, about its agents only, to its leads channel
// or its leads by DM; the workspace's digest, with a line per team, to the admins; a lead's preview is their team's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../support/clock.js";
import { startTestService, type TestService } from "../support/service.js";
import { setUpTwoTeams, TWO_TEAMS } from "../support/two-teams.js";

const { BOSS, LENA, TOM, ADA, BEN } = TWO_TEAMS;

describe("digests with teams on Slack", () => {
  let t: TestService;
  const clock = new ManualClock("2026-03-01T12:00:00Z");
  const say = async (command: string, text: string, user: string) => t.slack.command({ command, text, user_id: user });
  const digestsTo = (channel: string) =>
    t.fakeSlack
      .acceptedCallsOf("chat.postMessage")
      .filter((c) => c.args.channel === channel && JSON.stringify(c.args.blocks).includes("digest for"))
      .map((c) => JSON.stringify(c.args.blocks));

  beforeAll(async () => {
    t = await startTestService({ env: { WOWBOT_ADMINS: BOSS }, clock });
    t.fakeSlack.addUsers({ [BOSS]: "boss", [LENA]: "lena", [TOM]: "tom", [ADA]: "ada", [BEN]: "ben" }, { tz: "UTC" });
    await setUpTwoTeams(t);
    clock.set("2026-03-02T12:00:00Z"); // Monday
    await say("/attendance", `<@${ADA}> late 2026-03-02`, LENA);
    await say("/attendance", `<@${BEN}> absent 2026-03-02 flu`, TOM);
  });
  afterAll(() => t.stop());

  it("sends each team its own digest and the admins the workspace's with a line per team", async () => {
    clock.set("2026-03-03T09:00:00Z"); // Tuesday, digest time
    t.fakeSlack.reset();
    await t.service.scheduler.runNow(t.service.jobs.daily);
    await t.deliver();

    const [billing] = digestsTo("C0BILLING");
    expect(billing).toContain("Billing digest for 2026-03-02");
    expect(billing).toContain(`<@${ADA}> (late arrival)`);
    expect(billing).not.toContain(BEN);

    const [support, ...more] = digestsTo(TOM);
    expect(more).toEqual([]);
    expect(support).toContain("Support digest for 2026-03-02");
    expect(support).toContain(`<@${BEN}> (absence)`);
    expect(support).not.toContain(ADA);
    expect(digestsTo(LENA)).toEqual([]); // her team's digest went to its channel

    const [workspace] = digestsTo(BOSS);
    expect(workspace).toContain("Lead digest for 2026-03-02");
    expect(workspace).toContain("*Billing* (lena): 0 of 1 agent at zero points, 0 nominations, no quick scores, 0 paid-day requests waiting.");
    expect(workspace).toContain("*Support* (tom): 0 of 1 agent at zero points");
  });

  it("previews a lead's own team, another team only for its leads and admins", async () => {
    const own = JSON.stringify(await say("/wowbot", "digest", LENA));
    expect(own).toContain("Preview: Billing digest for");
    expect((await say("/wowbot", "digest team Support", LENA)).text).toBe(":no_entry_sign: You don't lead Support: only its leads and admins see its digest.");
    expect(JSON.stringify(await say("/wowbot", "digest team support", BOSS))).toContain("Preview: Support digest for");
    expect(JSON.stringify(await say("/wowbot", "digest", BOSS))).toContain("Preview: Lead digest for");
    expect((await say("/wowbot", "digest team", BOSS)).text).toContain("Usage: `/wowbot digest`");
  });
});

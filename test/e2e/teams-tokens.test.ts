// "wowbot token create|list|revoke" on Teams (twin of slack-tokens): admins only; the secret is shown once (in the
// admin's private chat), stored only as its SHA-256, never logged or audit-logged; revoked tokens stay listed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../../src/app/api-tokens.js";
import type { FakeTeamsUser } from "../support/fake-bot-connector.js";
import { startTestService, type TestService } from "../support/service.js";
import { personalConversationId, TEAMS_CHANNEL } from "../support/teams-requests.js";

const boss: FakeTeamsUser = { id: "29:account-1", aadObjectId: "eeeeeeee-0000-4000-8000-000000000001", name: "Boss Admin" };
const ada: FakeTeamsUser = { id: "29:account-2", aadObjectId: "eeeeeeee-0000-4000-8000-000000000002", name: "Ada Agent" };

describe("wowbot token on Teams", () => {
  let t: TestService;
  const token = async (text: string, from = boss) => {
    await t.teams.post(t.teams.message(from, `wowbot token ${text}`));
    return String(t.fakeTeams.to(personalConversationId(from)).at(-1)?.activity.text ?? "");
  };

  beforeAll(async () => {
    t = await startTestService({ slack: false, teams: true, env: { WOWBOT_ADMINS: boss.aadObjectId } });
    t.fakeTeams.addMember(boss).addMember(ada);
  });
  afterAll(() => t?.stop());

  it("creates a token, shows its secret once, and stores only the hash", async () => {
    const reply = await token("create Genesys nightly");
    const secret = /"(wowbot_[A-Za-z0-9_-]{43})"/.exec(reply)?.[1];
    expect(secret).toBeDefined();
    expect(reply).toContain('Token "Genesys nightly" created. Copy it now, it is shown only this once');
    const [stored] = await t.prisma.apiToken.findMany();
    expect(stored).toMatchObject({ name: "Genesys nightly", hash: hashToken(secret ?? ""), createdBy: boss.aadObjectId, revokedAt: null });
    expect(stored?.prefix).toBe(secret?.slice(0, 13));
    const everything = JSON.stringify([await t.prisma.apiToken.findMany(), await t.prisma.auditLog.findMany(), t.logs]);
    expect(everything).not.toContain(secret);
    expect(await t.prisma.auditLog.findFirst({ where: { action: "token.create" } })).toMatchObject({ actor: boss.aadObjectId });

    const listed = await token("list");
    // Created by a person with a name, not an AAD object id (issue 18.7).
    expect(listed).toMatch(new RegExp(`Genesys nightly \\(${secret?.slice(0, 13)}…\\): created \\d{4}-\\d\\d-\\d\\d by ${boss.name},`));
    expect(listed).not.toContain(boss.aadObjectId);
    expect(listed).toContain("never used");
    expect(listed).not.toContain(secret);
  });

  it("sends the secret to the admin's private chat, never to the channel it was asked in", async () => {
    t.fakeTeams.clear();
    await t.teams.post(t.teams.channelMessage(boss, "wowbot token create From channel"));
    const privately = t.fakeTeams.textsTo(personalConversationId(boss)).join("\n");
    expect(privately).toMatch(/wowbot_[A-Za-z0-9_-]{43}/);
    expect(JSON.stringify(t.fakeTeams.to(TEAMS_CHANNEL.id))).not.toMatch(/wowbot_[A-Za-z0-9_-]{43}/);
    await token("revoke From channel");
  });

  it("refuses a duplicate or unusable name, and agents, saving nothing", async () => {
    const before = await t.prisma.apiToken.count();
    const revokedBefore = await t.prisma.apiToken.count({ where: { revokedAt: { not: null } } });
    expect(await token("create Genesys nightly")).toContain('There is already an active token named "Genesys nightly"');
    expect(await token("create <!channel>")).toContain("can't name a token");
    expect(await token("create probe", ada)).toContain("Only admins can manage ingest API tokens.");
    expect(await token("list", ada)).toContain("Only admins can manage ingest API tokens.");
    expect(await token("revoke Genesys nightly", ada)).toContain("Only admins can manage ingest API tokens.");
    expect(await token("")).toContain('Usage: "wowbot token create NAME"');
    expect(await t.prisma.apiToken.count()).toBe(before);
    expect(await t.prisma.apiToken.count({ where: { revokedAt: { not: null } } })).toBe(revokedBefore);
  });

  it("revokes by name, audit-logged; the name can then be reused", async () => {
    expect(await token("revoke Genesys nightly")).toContain('Token "Genesys nightly" revoked');
    expect(await token("revoke Genesys nightly")).toContain('There is no active token named "Genesys nightly".');
    expect(await t.prisma.auditLog.findFirst({ where: { action: "token.revoke", actor: boss.aadObjectId } })).toBeTruthy();
    expect(await token("create Genesys nightly")).toContain("created");
    const listed = await token("list");
    expect(listed.match(/Genesys nightly/g)).toHaveLength(2);
    expect(listed).toMatch(/revoked \d{4}-\d{2}-\d{2}/);
  });
});

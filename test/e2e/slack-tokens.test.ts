// `/wowbot token create|list|revoke`: admins only; the secret is shown once, stored only as its SHA-256, never
// logged or audit-logged; names are checked; revoked tokens stay listed as revoked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../../src/app/api-tokens.js";
import { startTestService, type TestService } from "../support/service.js";

describe("/wowbot token", () => {
  let t: TestService;
  const token = (text: string, user = "U0BOSS") => t.slack.command({ command: "/wowbot", text: `token ${text}`, user_id: user });

  beforeAll(async () => {
    t = await startTestService({ env: { WOWBOT_ADMINS: "U0BOSS" } });
    t.fakeSlack.addUser({ id: "U0BOSS", name: "boss" });
    t.fakeSlack.addUser({ id: "U0AGENT", name: "ada" });
  });
  afterAll(() => t.stop());

  it("creates a token, shows its secret once, and stores only the hash", async () => {
    const reply = await token("create Genesys nightly");
    const secret = /`(wowbot_[A-Za-z0-9_-]{43})`/.exec(reply.text)?.[1];
    expect(secret).toBeDefined();
    expect(reply.text).toContain('Token "Genesys nightly" created. Copy it now, it is shown only this once');
    const [stored] = await t.prisma.apiToken.findMany();
    expect(stored).toMatchObject({ name: "Genesys nightly", hash: hashToken(secret ?? ""), createdBy: "U0BOSS", revokedAt: null });
    expect(stored?.prefix).toBe(secret?.slice(0, 13));
    const everything = JSON.stringify([await t.prisma.apiToken.findMany(), await t.prisma.auditLog.findMany(), t.logs]);
    expect(everything).not.toContain(secret);
    expect(await t.prisma.auditLog.findFirst({ where: { action: "token.create" } })).toMatchObject({ actor: "U0BOSS" });

    const listed = await token("list");
    expect(listed.text).toContain(`Genesys nightly (${secret?.slice(0, 13)}…): created`);
    expect(listed.text).toContain("never used");
    expect(listed.text).not.toContain(secret);
  });

  it("refuses a duplicate or unusable name, and agents, saving nothing", async () => {
    const before = await t.prisma.apiToken.count();
    expect((await token("create Genesys nightly")).text).toContain('There is already an active token named "Genesys nightly"');
    expect((await token("create <!channel>")).text).toContain("can't name a token");
    expect((await token("create probe", "U0AGENT")).text).toContain("Only admins can manage ingest API tokens.");
    expect((await token("list", "U0AGENT")).text).toContain("Only admins can manage ingest API tokens.");
    expect((await token("revoke Genesys nightly", "U0AGENT")).text).toContain("Only admins can manage ingest API tokens.");
    expect((await token("")).text).toContain("Usage: `/wowbot token create NAME`");
    expect(await t.prisma.apiToken.count()).toBe(before);
    expect(await t.prisma.apiToken.count({ where: { revokedAt: { not: null } } })).toBe(0);
  });

  it("revokes by name, audit-logged; the name can then be reused", async () => {
    expect((await token("revoke Genesys nightly")).text).toContain('Token "Genesys nightly" revoked');
    expect((await token("revoke Genesys nightly")).text).toContain('There is no active token named "Genesys nightly".');
    expect(await t.prisma.auditLog.findFirst({ where: { action: "token.revoke" } })).toMatchObject({ actor: "U0BOSS" });
    expect((await token("create Genesys nightly")).text).toContain("created");
    const listed = await token("list");
    expect(listed.text.match(/Genesys nightly/g)).toHaveLength(2);
    expect(listed.text).toMatch(/revoked \d{4}-\d{2}-\d{2}/);
  });
});

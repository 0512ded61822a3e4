// `wowbot token create|list|revoke` on a real database (a DATA_DIR PGlite, or a fresh PostgreSQL database): the secret
// alone on stdout, only its hash stored, audit-logged as "cli"; refusals exit 1, usage errors exit 2.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../../src/app/api-tokens.js";
import type { Database } from "../../src/db/database.js";
import { type CliDatabase, cliDatabase } from "../support/cli-database.js";

describe("wowbot token (the command on a database of its own)", () => {
  let c: CliDatabase;
  const cli = (...argv: string[]) => c.cli(...argv);
  const withDb = <T>(fn: (db: Database) => Promise<T>) => c.withDb(fn);

  beforeAll(async () => {
    c = await cliDatabase("token");
  });
  afterAll(() => c.close());

  const tokens = () => withDb((db) => db.prisma.apiToken.findMany({ orderBy: { createdAt: "asc" } }));

  it("create prints the secret alone on stdout, stores only its hash and audit-logs it as the CLI", async () => {
    const r = await cli("token", "create", "Genesys nightly");
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    const secret = r.out[0] ?? "";
    expect(secret).toMatch(/^wowbot_[A-Za-z0-9_-]{43}$/);
    expect(r.err[0]).toBe('Token "Genesys nightly" created for CLI team. Its secret (above) is shown only this once.');
    const [stored] = await tokens();
    expect(stored).toMatchObject({ name: "Genesys nightly", hash: hashToken(secret), createdBy: "cli", prefix: secret.slice(0, 13), revokedAt: null });
    const audit = await withDb((db) => db.prisma.auditLog.findMany({ where: { action: "token.create" } }));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor).toBe("cli");
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it("list shows names and prefixes, never secrets; a taken name is refused with exit 1", async () => {
    const taken = await cli("token", "create", "Genesys", "nightly", "--workspace", "T_CLI");
    expect(taken).toEqual({
      code: 1,
      out: [],
      err: ['wowbot token: There is already an active token named "Genesys nightly": revoke it first or pick another name.'],
    });
    const bad = await cli("token", "create", "<!channel>");
    expect(bad.code).toBe(1);
    expect(bad.err[0]).toContain("can't name a token");
    const listed = await cli("token", "list");
    expect(listed.code).toBe(0);
    const [stored] = await tokens();
    expect(listed.out).toEqual([
      "name\tprefix\tcreated\tcreated by\tlast used\trevoked",
      `Genesys nightly\t${stored?.prefix}\t${stored?.createdAt.toISOString().slice(0, 10)}\tcli\t-\t-`,
    ]);
    expect(await tokens()).toHaveLength(1);
  });

  it("revoke refuses the token from then on; revoking again is refused with exit 1", async () => {
    const r = await cli("token", "revoke", "Genesys nightly");
    expect(r).toEqual({ code: 0, out: ['Token "Genesys nightly" revoked: requests with it are refused from now on.'], err: [] });
    const [stored] = await tokens();
    expect(stored?.revokedAt).not.toBeNull();
    expect(stored?.revokedBy).toBe("cli");
    const again = await cli("token", "revoke", "Genesys nightly");
    expect(again).toEqual({ code: 1, out: [], err: ['wowbot token: There is no active token named "Genesys nightly".'] });
    const listed = await cli("token", "list");
    expect(listed.out[1]).toMatch(/\t\d{4}-\d{2}-\d{2}$/);
  });

  it("usage errors exit 2 before touching the database", async () => {
    expect(await cli("token")).toMatchObject({ code: 2, err: [expect.stringContaining("wowbot token: say what to do"), expect.any(String)] });
    expect((await cli("token", "create")).err[0]).toBe("wowbot token: name the token: wowbot token create NAME");
    expect((await cli("token", "revoke")).code).toBe(2);
    expect((await cli("token", "list", "extra")).err[0]).toContain('unexpected argument "extra"');
    expect((await cli("token", "rotate", "x")).err[0]).toBe('wowbot token: unknown action "rotate": use create, list or revoke');
    expect((await cli("token", "list", "--workspace", "T_NOPE")).code).toBe(2);
    expect(await tokens()).toHaveLength(1);
  });
});

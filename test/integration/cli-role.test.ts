// `wowbot role` on a real database: the operator's way back in. Same rules as /wowbot role, audit-logged as "cli".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemberRepository } from "../../src/db/member.repository.js";
import { type CliDatabase, cliDatabase } from "../support/cli-database.js";

describe("wowbot role (the command on a database of its own)", () => {
  let c: CliDatabase;
  const cli = (...argv: string[]) => c.cli(...argv);
  const roleOf = (id: string) => c.withDb(async (db) => (await db.prisma.member.findFirst({ where: { platformUserId: id } }))?.role);

  beforeAll(async () => {
    c = await cliDatabase("role");
    await c.withDb(async (db) => {
      const members = new MemberRepository(db);
      for (const [id, name, email, active] of [
        ["U0ADA", "Ada", "ada@example.com", true],
        ["U0BEN", "Ben", "ben@example.com", true],
        ["U0GUS", "Gus", "gus@example.com", false],
      ] as const) {
        await members.upsert({ workspaceId: c.workspace.id, platformUserId: id, displayName: name, email, active });
      }
    });
  });
  afterAll(() => c.close());

  it("makes a member admin by id or email, audit-logged as the CLI", async () => {
    expect(await cli("role", "@U0ADA", "admin")).toEqual({ code: 0, out: ["Ada is now an admin in CLI team."], err: [] });
    expect(await cli("role", "BEN@example.com", "lead", "--workspace", "T_CLI")).toEqual({ code: 0, out: ["Ben is now a lead in CLI team."], err: [] });
    expect(await cli("role", "U0BEN", "lead")).toEqual({ code: 0, out: ["Ben is already a lead in CLI team."], err: [] });
    expect([await roleOf("U0ADA"), await roleOf("U0BEN")]).toEqual(["admin", "lead"]);
    const audit = await c.withDb((db) => db.prisma.auditLog.findMany({ where: { action: "member.role" }, orderBy: { at: "asc" } }));
    expect(audit.map((a) => [a.actor, a.subject, a.before, a.after])).toEqual([
      ["cli", "member:U0ADA", { role: "agent" }, { role: "admin" }],
      ["cli", "member:U0BEN", { role: "agent" }, { role: "lead" }],
    ]);
  });

  it("refuses promoting a deactivated person, demoting the last admin, and an unknown person, with exit 1", async () => {
    expect(await cli("role", "U0GUS", "lead")).toEqual({ code: 1, out: [], err: ["wowbot role: Gus is deactivated, so they can't be made a lead."] });
    expect(await cli("role", "U0ADA", "agent")).toEqual({ code: 1, out: [], err: ["wowbot role: Ada is the only admin. Make someone else admin first."] });
    expect(await cli("role", "nobody@example.com", "admin")).toEqual({
      code: 1,
      out: [],
      err: ['wowbot role: nobody in CLI team is known as "nobody@example.com": use their platform user id or email.'],
    });
    expect([await roleOf("U0GUS"), await roleOf("U0ADA")]).toEqual(["agent", "admin"]);
  });

  it("explains its usage with exit 2", async () => {
    expect((await cli("role", "U0ADA")).code).toBe(2);
    const bad = await cli("role", "U0ADA", "boss");
    expect(bad.code).toBe(2);
    expect(bad.err[0]).toBe('wowbot role: "boss" is not a role: use agent, lead or admin');
  });
});

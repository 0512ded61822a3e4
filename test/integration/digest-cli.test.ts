// `wowbot digest --print` on a database of its own (PostgreSQL when DATABASE_URL is set, else the command's embedded
// PGlite in a temp DATA_DIR): the digest of a chosen day as text, names instead of mentions; usage errors exit 2.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemberRepository } from "../../src/db/member.repository.js";
import { type CliDatabase, cliDatabase } from "../support/cli-database.js";

describe("wowbot digest --print", () => {
  let c: CliDatabase;
  let workspaceId: string;

  async function cli(...argv: string[]) {
    const r = await c.cli(...argv);
    return { code: r.code, out: r.out.join("\n"), err: r.err.join("\n") };
  }

  beforeAll(async () => {
    c = await cliDatabase("digest-cli");
    workspaceId = await c.withDb(async (db) => {
      const ws = c.workspace;
      const repo = new MemberRepository(db);
      const ada = await repo.upsert({ workspaceId: ws.id, platformUserId: "U_ADA", displayName: "Ada" });
      const bob = await repo.upsert({ workspaceId: ws.id, platformUserId: "U_BOB", displayName: "Bob" });
      await db.prisma.serviceLevelDay.createMany({
        data: [
          { workspaceId: ws.id, memberId: ada.id, date: new Date("2026-03-11T00:00:00Z"), customerFacingSeconds: 6000, availableSeconds: 8000 },
          { workspaceId: ws.id, memberId: bob.id, date: new Date("2026-03-11T00:00:00Z"), customerFacingSeconds: 7000, availableSeconds: 8000 },
        ],
      });
      await db.prisma.nomination.create({
        data: {
          workspaceId: ws.id,
          nomineeId: bob.id,
          nominatorId: ada.id,
          story: "Calmed an angry caller\nand fixed the order",
          behaviours: ["wow"],
          createdAt: new Date("2026-03-11T10:00:00Z"),
        },
      });
      return ws.id;
    });
  });
  afterAll(() => c.close());

  it("prints the digest of the day given, covering the days since the previous digest's", async () => {
    const r = await cli("digest", "--workspace", "T_CLI", "--date", "2026-03-12", "--print");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Lead digest for 2026-03-11 (CLI team), delivered 2026-03-12");
    expect(r.out).toContain(
      "Recognition\n  1 nomination on 2026-03-11. Top stories by seconds:\n  • Bob (by Ada, 0 seconds): Calmed an angry caller and fixed the order",
    );
    expect(r.out).toContain("Service level\n  Team: 81.3 % (target 80 %, 2 members reporting).\n  Below target (1): Ada 75 %.");
    expect(r.out).toContain("Quality\n  No quick scores on 2026-03-11.");
    expect(r.out).not.toContain("<@");
    // Monday's digest covers Friday to Sunday (no digest ran on Friday 13th here: it starts at the previous workday).
    const monday = await cli("digest", "--print", `--workspace=${workspaceId}`, "--date", "2026-03-16");
    expect(monday.out).toContain("Lead digest for Friday 2026-03-13 to Sunday 2026-03-15");
    expect(monday.out).toContain("No service-level data from Friday 2026-03-13 to Sunday 2026-03-15.");
  });

  it("needs --print and a real date: usage errors exit 2 and print nothing", async () => {
    const noPrint = await cli("digest", "--workspace", "T_CLI");
    expect(noPrint.code).toBe(2);
    expect(noPrint.err).toContain("wowbot digest: --print is required");
    const badDate = await cli("digest", "--print", "--date", "2026-02-30");
    expect(badDate.code).toBe(2);
    expect(badDate.err).toContain('--date "2026-02-30" is not a date: use YYYY-MM-DD');
    // A date far outside any digest's range used to end in a raw stack trace ("time zone displacement out of range").
    const farOff = await cli("digest", "--print", "--date", "9999-12-31");
    expect(farOff.code).toBe(2);
    expect(farOff.err).toBe(
      "wowbot digest: --date 9999-12-31 is outside the dates wowbot works with (2000-01-01 to 2099-12-31).\nRun `wowbot digest --help` for usage.",
    );
    const unknown = await cli("digest", "--print", "--workspace", "T_NOPE");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('there is no workspace "T_NOPE"');
    expect([noPrint.out, badDate.out, farOff.out, unknown.out]).toEqual(["", "", "", ""]);
  });
});

// The neutral command layer on a real database, as the Teams adapter will call it: AAD object ids in
// "<@id|Display Name>" mentions, commands written without a slash, problems by domain field name.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureMember } from "../../src/app/ensure-member.js";
import type { Ports } from "../../src/app/ports.js";
import { handleAction } from "../../src/chat/actions.js";
import { runCommand } from "../../src/chat/commands.js";
import type { ChatRequest } from "../../src/chat/request.js";
import { submitForm } from "../../src/chat/submit-form.js";
import { createRepositories, portsOf } from "../../src/db/repositories.js";
import type { WorkspaceRepository } from "../../src/db/workspace.repository.js";
import type { MemberRecord, PlatformUser, WorkspaceRecord } from "../../src/domain/records.js";
import { ManualClock } from "../support/clock.js";
import { openTestDatabase, type TestDatabase } from "../support/db-fixture.js";

const ADMIN = "0b7e1f7c-1111-4a4a-8b8b-000000000001";
const ANN = "0b7e1f7c-2222-4a4a-8b8b-000000000002";
const PEOPLE: Record<string, string> = { [ADMIN]: "Ada Admin", [ANN]: "Ann Lee" };

let t: TestDatabase;
let workspaces: WorkspaceRepository;
let ports: Ports;
let workspace: WorkspaceRecord;
let admin: MemberRecord;

/** The Teams directory, as TeamsInfo would answer: only the people above exist. */
const directory = {
  lookUp: async (id: string): Promise<PlatformUser | null> =>
    PEOPLE[id]
      ? {
          platformUserId: id,
          displayName: PEOPLE[id],
          email: null,
          timezone: null,
          isBot: false,
          deleted: false,
          isGuest: false,
          isExternal: false,
          isPlatformAdmin: false,
        }
      : null,
};

function teamsRequest(member: MemberRecord | null, requestKey = "teams:activity:1"): ChatRequest {
  return {
    ports,
    workspace,
    member,
    channel: null,
    requestKey,
    platform: { commandPrefix: "", plain: (text) => text },
    resolveMember: (platformUserId, options) => ensureMember(ports, { workspaceId: workspace.id, platformUserId, directory, refresh: options?.refresh }),
  };
}

beforeAll(async () => {
  t = await openTestDatabase();
  const repos = createRepositories(t.db);
  workspaces = repos.workspaces;
  ports = portsOf(repos, new ManualClock("2026-03-02T09:00:00Z"), [ADMIN]);
  workspace = await workspaces.ensure({ platform: "teams", externalId: "tenant-1", name: "Contoso", timezone: "Europe/Berlin", createdAt: ports.clock.now() });
  admin = (await ensureMember(ports, { workspaceId: workspace.id, platformUserId: ADMIN, directory })) as MemberRecord;
});
afterAll(() => t.close());

describe("chat commands with Teams mentions", () => {
  it("changes a role named by a mention whose display name has a space", async () => {
    const outcome = await runCommand(teamsRequest(admin), "wowbot", `role <@${ANN}|Ann Lee> lead`);
    expect(outcome).toEqual({ kind: "reply", view: { kind: "notice", tone: "success", text: "Ann Lee is now a lead." } });
    expect((await ports.members.find(workspace.id, ANN))?.role).toBe("lead");
  });

  it("nominates directly and stores the nomination once for a retried request", async () => {
    const text = `<@${ANN}|Ann Lee> stayed on the line until the refund went through`;
    const first = await runCommand(teamsRequest(admin, "teams:activity:wow"), "wow", text);
    const again = await runCommand(teamsRequest(admin, "teams:activity:wow"), "wow", text);
    expect(first.kind === "reply" && first.view.kind === "nomination.confirmation" && first.view.replayed).toBe(false);
    expect(again.kind === "reply" && again.view.kind === "nomination.confirmation" && again.view.replayed).toBe(true);
  });

  it("writes usage hints and help the way Teams commands are typed", async () => {
    const usage = await runCommand(teamsRequest(admin), "wow", "Ann was great");
    expect(usage.kind === "reply" && usage.view.kind === "notice" && usage.view.text).toContain("`wow @teammate what they did");
    const help = await runCommand(teamsRequest(null), "wowbot", "help");
    expect(help.kind === "reply" && help.view.kind === "help" && help.view.commands.map((c) => c.usage)).toContain("attendance @agent");
    const unknown = await runCommand(teamsRequest(admin), "pto", `<@${"9".repeat(8)}|Nobody>`);
    expect(unknown).toEqual({ kind: "reply", view: { kind: "notice", tone: "error", text: "I can't find that person in this workspace." } });
  });

  it("opens forms as neutral form views", async () => {
    expect(await runCommand(teamsRequest(admin), "score", `<@${ANN}|Ann Lee> CHAT-7`)).toEqual({
      kind: "form",
      form: { kind: "form.score", agent: ANN, reference: "CHAT-7", nominationId: null },
    });
    expect(await handleAction(teamsRequest(admin), { kind: "pto.request" })).toEqual({
      kind: "form",
      form: { kind: "form.paid_day", today: "2026-03-02", hoursPerPaidDay: 8 },
    });
  });
});

describe("neutral form submissions", () => {
  it("keys problems by the form's domain field names and saves nothing", async () => {
    const short = await submitForm(teamsRequest(admin, "teams:form:1"), "form.nomination", {
      nominee: ANN,
      story: "too short",
      reference: null,
      behaviours: [],
    });
    expect(Object.keys("errors" in short ? short.errors : {})).toEqual(["story"]);
    const settings = await submitForm(teamsRequest(admin), "form.settings", {
      pointsPerType: { absence: Number.NaN, late: 0.5, excused: 0 },
      scoreWeights: { connection: 50, rapport: 50, unstatedNeeds: 50, wow: 50 },
    });
    expect("errors" in settings && Object.keys(settings.errors).sort()).toEqual(["pointsPerType.absence", "scoreWeights.connection"]);
    expect((await workspaces.findById(workspace.id))?.settings.pointsPerType.absence).toBe(1);
  });

  it("confirms a paid-day request with the Teams way of writing /pto", async () => {
    const refused = await submitForm(teamsRequest(admin, "teams:form:pto0"), "form.paid_day", { date: "2026-03-20", note: null });
    expect(refused).toEqual({ errors: { date: "A paid day takes 8 h; you have 0 h available." } });
    await ports.attendance.inMemberLock(admin.id, (tx) =>
      tx.addLedger(
        { workspaceId: workspace.id, memberId: admin.id, hours: 8, kind: "adjustment", reason: "test", actor: "test", dedupeKey: "test:credit" },
        ports.clock.now(),
      ),
    );
    const done = await submitForm(teamsRequest(admin, "teams:form:pto"), "form.paid_day", { date: "2026-03-20", note: null });
    expect("ok" in done && done.ok.view.kind === "notice" ? done.ok.view.text : done).toMatch(/Cancel it from `pto` while it's pending\.$/);
  });
});

// Directory reads: each page's people stored in one statement (a fixed number per page, however many people), with
// the read's cursor in the same transaction, and the claim that lets one replica read a workspace at a time.
import type { DirectorySyncState, DirectorySyncStore, ListedPerson } from "../app/directory.ports.js";
import type { Database } from "./database.js";

/** A row as the driver returns it: the state's columns (timestamps as the driver gives them, made Dates below). */
type SyncRow = DirectorySyncState;

const toState = (r: SyncRow): DirectorySyncState => ({
  workspaceId: r.workspaceId,
  cursor: r.cursor,
  startedAt: r.startedAt && new Date(r.startedAt),
  completedAt: r.completedAt && new Date(r.completedAt),
  requestedAt: r.requestedAt && new Date(r.requestedAt),
  failedAt: r.failedAt && new Date(r.failedAt),
  listed: r.listed,
});

/** The profile columns a directory page writes, as jsonb_to_recordset reads them. */
const PROFILE = `"platformUserId" text, role text, "displayName" text, email text, timezone text, active boolean, "isBot" boolean,
  "isGuest" boolean, "isExternal" boolean, "platformAccountId" text`;
const CHANGED = ["displayName", "email", "timezone", "active", "isBot", "isGuest", "isExternal"];

export class DirectorySyncRepository implements DirectorySyncStore {
  constructor(private readonly db: Database) {}

  async states(): Promise<DirectorySyncState[]> {
    const rows = await this.db.query<SyncRow>(`SELECT * FROM "DirectorySync"`);
    return rows.map(toState);
  }

  async claim(workspaceId: string, now: Date, leaseMs: number): Promise<DirectorySyncState | null> {
    await this.db.query(`INSERT INTO "DirectorySync" ("workspaceId") VALUES ($1::uuid) ON CONFLICT DO NOTHING`, [workspaceId]);
    // Compare-and-set on the claim: two replicas cannot both take it. A read not in progress starts from its first page.
    const [row] = await this.db.query<SyncRow>(
      `UPDATE "DirectorySync" SET "claimedAt" = $2,
         "startedAt" = coalesce("startedAt", $2), listed = CASE WHEN "startedAt" IS NULL THEN 0 ELSE listed END,
         cursor = CASE WHEN "startedAt" IS NULL THEN NULL ELSE cursor END,
         -- A read that starts now answers the requests made so far; one made during it asks for another.
         "requestedAt" = CASE WHEN "startedAt" IS NULL THEN NULL ELSE "requestedAt" END
       WHERE "workspaceId" = $1::uuid AND ("claimedAt" IS NULL OR "claimedAt" <= $3)
       RETURNING *`,
      [workspaceId, now, new Date(now.getTime() - leaseMs)],
    );
    return row ? toState(row) : null;
  }

  async savePage(workspaceId: string, people: ListedPerson[], next: string | null, now: Date): Promise<{ added: number; changed: number }> {
    const rows = people.map((p) => ({
      platformUserId: p.platformUserId,
      role: p.initialRole,
      displayName: p.displayName,
      email: p.email,
      timezone: p.timezone,
      active: !p.deleted,
      isBot: p.isBot,
      isGuest: p.isGuest,
      isExternal: p.isExternal,
      platformAccountId: p.platformAccountId ?? null,
    }));
    return this.db.transaction(async (tx) => {
      // New people are enrolled from now (the day the directory first showed them); a known member keeps their role
      // and enrolment, and is written only when the directory says something new (an unchanged re-read writes nothing).
      const written = await tx.query<{ inserted: boolean }>(
        `INSERT INTO "Member" (id, "workspaceId", "platformUserId", role, "joinedAt", "displayName", email, timezone, active, "isBot", "isGuest", "isExternal", "platformAccountId", "updatedAt")
         SELECT gen_random_uuid(), $1::uuid, p."platformUserId", p.role::"Role", $2, p."displayName", p.email, p.timezone, p.active, p."isBot", p."isGuest", p."isExternal", p."platformAccountId", $2
         FROM jsonb_to_recordset($3::jsonb) AS p(${PROFILE})
         ON CONFLICT ("workspaceId", "platformUserId") DO UPDATE SET
           ${CHANGED.map((c) => `"${c}" = EXCLUDED."${c}"`).join(", ")},
           "platformAccountId" = coalesce(EXCLUDED."platformAccountId", "Member"."platformAccountId"), "updatedAt" = EXCLUDED."updatedAt"
         WHERE (${CHANGED.map((c) => `"Member"."${c}"`).join(", ")}, "Member"."platformAccountId")
           IS DISTINCT FROM (${CHANGED.map((c) => `EXCLUDED."${c}"`).join(", ")}, coalesce(EXCLUDED."platformAccountId", "Member"."platformAccountId"))
         RETURNING (xmax = 0) AS inserted`,
        [workspaceId, now, JSON.stringify(rows)],
      );
      await tx.query(`UPDATE "DirectorySync" SET cursor = $2, listed = listed + $3, "claimedAt" = $4 WHERE "workspaceId" = $1::uuid`, [
        workspaceId,
        next,
        rows.length,
        now,
      ]);
      const added = written.filter((w) => w.inserted).length;
      return { added, changed: written.length - added };
    });
  }

  async complete(workspaceId: string, now: Date): Promise<void> {
    await this.db.query(
      `UPDATE "DirectorySync" SET cursor = NULL, "startedAt" = NULL, "claimedAt" = NULL, "completedAt" = $2, "failedAt" = NULL, "lastError" = NULL
       WHERE "workspaceId" = $1::uuid`,
      [workspaceId, now],
    );
  }

  async fail(workspaceId: string, now: Date, reason: string): Promise<void> {
    await this.db.query(`UPDATE "DirectorySync" SET "claimedAt" = NULL, "failedAt" = $2, "lastError" = $3 WHERE "workspaceId" = $1::uuid`, [
      workspaceId,
      now,
      reason.slice(0, 500),
    ]);
  }

  async request(workspaceId: string, now: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO "DirectorySync" ("workspaceId", "requestedAt") VALUES ($1::uuid, $2) ON CONFLICT ("workspaceId") DO UPDATE SET "requestedAt" = EXCLUDED."requestedAt"`,
      [workspaceId, now],
    );
  }

  async release(workspaceId: string): Promise<void> {
    await this.db.query(`UPDATE "DirectorySync" SET "claimedAt" = NULL WHERE "workspaceId" = $1::uuid`, [workspaceId]);
  }
}

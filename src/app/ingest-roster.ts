// The roster through the ingest API: the rows' shape is checked with the shared schema, then they go through the same
// use case as `wowbot import roster` (all or nothing), by "api:<token name>"; problems come back by row index.
import type { WorkspaceRecord } from "../domain/records.js";
import { fail, ok, type Result } from "../domain/result.js";
import { importRoster } from "./import-roster.js";
import { type IngestCounts, type IngestRefusal, ROSTER_API_FIELDS, type RosterApiRow, refusal, rosterRow, schemaProblems } from "./ingest-rows.js";
import type { Ports } from "./ports.js";

export interface RosterIngestCounts extends IngestCounts {
  teamsCreated: number;
  openingBalances: number;
}

export async function ingestRoster(
  ports: Pick<Ports, "members" | "teams" | "clock">,
  input: { workspace: WorkspaceRecord; rows: readonly unknown[]; actor: string },
): Promise<Result<RosterIngestCounts, IngestRefusal>> {
  const { parsed, problems } = schemaProblems(rosterRow, input.rows, "a roster row", ROSTER_API_FIELDS);
  const rows = parsed.flatMap((row: RosterApiRow | null, index) =>
    row
      ? [
          {
            line: index,
            member: row.member,
            team: row.team,
            role: row.role ?? "",
            since: row.since ?? "",
            openingBalance: row.openingBalance == null ? "" : String(row.openingBalance),
          },
        ]
      : [],
  );
  const result = await importRoster(ports, { workspace: input.workspace, rows, actor: input.actor, rowsAre: "indexes", dryRun: problems.length > 0 });
  if (!result.ok) problems.push(...result.error.problems.map((p) => ({ index: p.line, field: p.field, reason: p.reason })));
  if (problems.length || !result.ok) return fail(refusal(problems, ROSTER_API_FIELDS));
  const { received, created, updated, unchanged, teamsCreated, openingBalances } = result.value;
  return ok({ received, created, updated, unchanged, teamsCreated, openingBalances });
}

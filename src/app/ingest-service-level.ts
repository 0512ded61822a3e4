// Service-level days in (PRODUCT.md §5, the ingest API and `wowbot import service-level`): every row is checked first
// and every problem of every row reported; only a batch without problems is saved, as one upsert by member + date, so
// sending the same rows again changes nothing and corrected figures replace the old ones.
import { localDate } from "../domain/local-time.js";
import type { WorkspaceRecord } from "../domain/records.js";
import { fail, ok, type Result } from "../domain/result.js";
import { dedupe, fieldOk, flagged, type IngestPorts, memberKeys, resolve, type ServiceLevelDayInput, validDate } from "./ingest-batch.js";
import { type IngestCounts, type IngestRefusal, refusal, SERVICE_LEVEL_FIELDS, type ServiceLevelRow, schemaProblems, serviceLevelRow } from "./ingest-rows.js";
import { lookUpMembers } from "./member-keys.js";

export async function ingestServiceLevel(
  ports: IngestPorts,
  /** `dryRun`: check only, save nothing (the caller found problems of its own); created and updated are then 0. */
  input: { workspace: WorkspaceRecord; rows: readonly unknown[]; dryRun?: boolean },
): Promise<Result<IngestCounts, IngestRefusal>> {
  const { workspace, rows } = input;
  const now = ports.clock.now();
  const today = localDate(now, workspace.timezone);
  const { parsed, problems } = schemaProblems(serviceLevelRow, rows, "a service-level row", SERVICE_LEVEL_FIELDS);
  const memberOf = await lookUpMembers(ports.members, workspace.id, memberKeys(rows), { forWhat: "service level to record", allowInactive: true });

  const said = flagged(problems);
  const valid: Array<{ index: number; key: string; value: ServiceLevelDayInput; same: typeof sameDay }> = [];
  for (const [index, raw] of rows.entries()) {
    const row = parsed[index] as ServiceLevelRow | null;
    const member = fieldOk(said, index, "member") ? resolve(memberOf, raw, index, problems) : null;
    const date = row?.date ?? validDate(raw, said, index);
    const future = date !== null && date > today;
    if (future) {
      const reason = `${date} is in the future (today is ${today} in ${workspace.timezone}): send a day once it has happened.`;
      problems.push({ index, field: "date", reason });
    }
    if (row && member && !future) {
      const { date, customerFacingSeconds, availableSeconds } = row;
      valid.push({ index, key: `${member.id}:${date}`, value: { memberId: member.id, date, customerFacingSeconds, availableSeconds }, same: sameDay });
    }
  }
  const { unique, problems: conflicts } = dedupe(valid, (first) => `conflicts with row ${first}: the same member and date with other figures.`);
  problems.push(...conflicts);
  if (problems.length) return fail(refusal(problems, SERVICE_LEVEL_FIELDS));

  const { created, updated } =
    unique.length && !input.dryRun ? await ports.contactData.upsertServiceLevel(workspace.id, unique, now) : { created: 0, updated: 0 };
  return ok({ received: rows.length, created, updated, unchanged: rows.length - created - updated });
}

const sameDay = (a: ServiceLevelDayInput, b: ServiceLevelDayInput) =>
  a.customerFacingSeconds === b.customerFacingSeconds && a.availableSeconds === b.availableSeconds;

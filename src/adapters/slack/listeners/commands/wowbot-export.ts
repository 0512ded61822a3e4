// `/wowbot export nominations|scores|attendance|ledger [from] [to]` (admins): builds the CSV with the export use case
// and sends it to the admin by DM as a file (Slack's external upload flow, through files.uploadV2). Every answer,
// including a failure to deliver, is private.
import type { webApi } from "@slack/bolt";
import { EXPORT_COLUMNS, exportCsv, exportFileName, exportRequest, mayExport } from "../../../../app/exports.js";
import type { MemberRecord, WorkspaceRecord } from "../../../../app/ports.js";
import type { View } from "../../../../views/index.js";
import { notice } from "../../../../views/notice.js";
import type { SlackDeps } from "../../deps.js";

export const EXPORT_USAGE = "Usage: `/wowbot export nominations|scores|attendance|ledger [from YYYY-MM-DD] [to YYYY-MM-DD]` (admins).";
/** Excel reads a CSV file as UTF-8 only when it starts with a byte-order mark; the CLI's stdout has none. */
const BOM = "\uFEFF";

/** Stops building an export that has outgrown EXPORT_MAX_MB. */
class ExportTooLarge extends Error {}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Slack's error code from a failed Web API call, or the error's message. */
function slackError(error: unknown): string {
  const e = error as { data?: { error?: string }; message?: string };
  return e?.data?.error ?? e?.message ?? String(error);
}

export async function exportToDm(
  deps: SlackDeps,
  client: webApi.WebClient,
  workspace: WorkspaceRecord,
  member: MemberRecord,
  args: string[],
  reply: (view: View) => Promise<void>,
): Promise<void> {
  const refused = mayExport(member);
  if (refused) return reply(notice("error", refused.message));
  const [kind, from, to, extra] = args;
  if (!kind) return reply(notice("info", EXPORT_USAGE));
  if (extra !== undefined) return reply(notice("error", `"${extra.slice(0, 40)}" is one word too many. ${EXPORT_USAGE}`));
  const parsed = exportRequest(kind, from, to);
  if (!parsed.ok) return reply(notice("error", `${parsed.error.message} ${EXPORT_USAGE}`));
  const request = parsed.value;
  await reply(notice("info", `Preparing your ${request.kind} export… I'll send it to you in a direct message.`));

  // Slack's client sends a file from one buffer; batches are kept as UTF-8 bytes, not strings, until it is joined.
  // The buffer is what the service holds in memory, so its size is capped (EXPORT_MAX_MB): the CLI streams any size.
  const chunks: Buffer[] = [Buffer.from(BOM, "utf8")];
  let bytes = 0;
  let built: Awaited<ReturnType<typeof exportCsv>>;
  try {
    built = await exportCsv(deps.ports, { workspace, actor: member, request }, (chunk) => {
      const buffer = Buffer.from(chunk, "utf8");
      bytes += buffer.length;
      if (bytes > deps.exportMaxBytes) throw new ExportTooLarge();
      chunks.push(buffer);
    });
  } catch (error) {
    if (!(error instanceof ExportTooLarge)) throw error;
    const cli = `wowbot export ${request.kind}${request.from ? ` --from ${request.from}` : ""}${request.to ? ` --to ${request.to}` : ""}`;
    return reply(
      notice(
        "error",
        `This export is larger than ${deps.exportMaxBytes / 1024 / 1024} MB, too large to send in chat. Nothing was sent: ask for a shorter range (from and to dates), or run \`${cli}\` on the server, which has no size limit.`,
      ),
    );
  }
  if (!built.ok) return reply(notice("error", built.error.message));
  const rows = built.value.rows;
  const filename = exportFileName(request);
  const range = request.from || request.to ? ` from ${request.from ?? "the start"} to ${request.to ?? "today"}` : "";
  try {
    const dm = await client.conversations.open({ users: member.platformUserId });
    const channel = dm.channel?.id;
    if (!channel) throw new Error("conversations.open returned no channel");
    await client.files.uploadV2({
      channel_id: channel,
      file: Buffer.concat(chunks),
      filename,
      title: filename,
      initial_comment: `Your ${request.kind} export${range}: ${rows === 0 ? "nothing in that range, so the file has the header row only" : plural(rows, "row", "rows")}. Columns: ${EXPORT_COLUMNS[request.kind].length}; text that looks like a formula starts with an apostrophe.`,
    });
  } catch (error) {
    deps.logger.warn({ err: slackError(error), workspace: workspace.id, kind: request.kind }, "export: Slack refused the file");
    return reply(notice("error", `I couldn't send the export to you (Slack said: ${slackError(error)}). Nothing was shared; try again in a moment.`));
  }
  return reply(notice("success", `Sent ${filename} (${plural(rows, "row", "rows")}) to you in a direct message.`));
}

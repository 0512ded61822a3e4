// `wowbot export nominations|scores|attendance|ledger|calibrations|feedback [from] [to]` (admins), platform-neutral: the request is checked
// here and the CSV built here (capped at EXPORT_MAX_MB); the adapter only delivers the file to the person privately.

import { EXPORT_COLUMNS, type ExportRequest, exportCsv, exportFileName, exportRequest } from "../app/exports.js";
import { may } from "../app/policy.js";
import type { View } from "../views/index.js";
import { notice } from "../views/notice.js";
import { type ChatRequest, type CommandOutcome, cmd, type KnownRequest, reply } from "./request.js";

/** Excel reads a CSV file as UTF-8 only when it starts with a byte-order mark; the CLI's stdout has none. */
const BOM = "\uFEFF";

export const exportUsage = (req: ChatRequest) =>
  `Usage: \`${cmd(req, "wowbot export")} nominations|scores|attendance|ledger|calibrations|feedback [from YYYY-MM-DD] [to YYYY-MM-DD]\` (admins).`;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Stops building an export that has outgrown EXPORT_MAX_MB. */
class ExportTooLarge extends Error {}

export function exportCommand(req: KnownRequest, args: string[]): CommandOutcome {
  const refused = may(req.member, "data.export");
  if (refused) return reply(notice("error", refused.message));
  const [kind, from, to, extra] = args;
  if (!kind) return reply(notice("info", exportUsage(req)));
  if (extra !== undefined) return reply(notice("error", `"${extra.slice(0, 40)}" is one word too many. ${exportUsage(req)}`));
  const parsed = exportRequest(kind, from, to);
  if (!parsed.ok) return reply(notice("error", `${parsed.error.message} ${exportUsage(req)}`));
  const request = parsed.value;
  return { kind: "export", request, preparing: notice("info", `Preparing your ${request.kind} export… I'll send it to you in a direct message.`) };
}

/** A built export: the file and the words that go with it. */
export interface ExportFile {
  filename: string;
  content: Buffer;
  rows: number;
  /** The message sent with the file. */
  comment: string;
  /** The private confirmation once the file is delivered. */
  sent: View;
}

/**
 * Builds the CSV (with a BOM) of a checked export request; a private answer instead when it is refused or too large.
 * `audit: false` only measures it (Teams asks for consent with the size first, and builds it again on accept).
 */
export async function buildExport(
  req: KnownRequest,
  request: ExportRequest,
  maxBytes: number,
  options: { audit?: boolean } = {},
): Promise<{ file: ExportFile } | { reply: View }> {
  // Batches are kept as UTF-8 bytes, not strings, until they are joined; the total is what the service holds in
  // memory, so its size is capped (EXPORT_MAX_MB): the CLI streams any size.
  const chunks: Buffer[] = [Buffer.from(BOM, "utf8")];
  let bytes = 0;
  let built: Awaited<ReturnType<typeof exportCsv>>;
  try {
    built = await exportCsv(req.ports, { workspace: req.workspace, actor: req.member, request, audit: options.audit }, (chunk) => {
      const buffer = Buffer.from(chunk, "utf8");
      bytes += buffer.length;
      if (bytes > maxBytes) throw new ExportTooLarge();
      chunks.push(buffer);
    });
  } catch (error) {
    if (!(error instanceof ExportTooLarge)) throw error;
    const cli = `wowbot export ${request.kind}${request.from ? ` --from ${request.from}` : ""}${request.to ? ` --to ${request.to}` : ""}`;
    return {
      reply: notice(
        "error",
        `This export is larger than ${maxBytes / 1024 / 1024} MB, too large to send in chat. Nothing was sent: ask for a shorter range (from and to dates), or run \`${cli}\` on the server, which has no size limit.`,
      ),
    };
  }
  if (!built.ok) return { reply: notice("error", built.error.message) };
  const rows = built.value.rows;
  const filename = exportFileName(request);
  const range = request.from || request.to ? ` from ${request.from ?? "the start"} to ${request.to ?? "today"}` : "";
  return {
    file: {
      filename,
      content: Buffer.concat(chunks),
      rows,
      comment: `Your ${request.kind} export${range}: ${rows === 0 ? "nothing in that range, so the file has the header row only" : plural(rows, "row", "rows")}. Columns: ${EXPORT_COLUMNS[request.kind].length}; text that looks like a formula starts with an apostrophe.`,
      sent: notice("success", `Sent ${filename} (${plural(rows, "row", "rows")}) to you in a direct message.`),
    },
  };
}

/** When the platform refused the file: nothing was shared. */
export const exportNotDelivered = (platformError: string, platformName: string): View =>
  notice("error", `I couldn't send the export to you (${platformName} said: ${platformError}). Nothing was shared; try again in a moment.`);

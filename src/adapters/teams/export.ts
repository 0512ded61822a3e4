// "wowbot export" on Teams: bots can only hand over files through the file-consent flow in a 1:1 chat. The admin
// gets a FileConsentCard whose context names the export (never its content); on accept the CSV is built again (so
// a restart or another replica can answer), the permission checked again, uploaded to the URL Teams gave, and shown
// as a FileInfoCard. Every answer is private.
import type { Activity } from "botbuilder";
import { z } from "zod";
import { type ExportRequest, exportRequest } from "../../app/exports.js";
import { buildExport, exportNotDelivered } from "../../chat/export.js";
import type { KnownRequest } from "../../chat/request.js";
import type { View } from "../../views/index.js";
import { EXPORT_UNREADABLE, exportOffer, notice, SENT_PRIVATELY } from "../../views/notice.js";
import { teamsRequest } from "./chat-request.js";
import { toActivity } from "./teams-sender.js";
import { isPersonal, replyPrivately, type TeamsTurn } from "./turn.js";

export const FILE_CONSENT_CARD = "application/vnd.microsoft.teams.card.file.consent";
export const FILE_INFO_CARD = "application/vnd.microsoft.teams.card.file.info";
export const EXPORT_CANCELLED = "Export cancelled.";

/** What a consent card carries back on accept or decline: the checked request, never the data. */
const ExportContext = z.object({
  wowbot: z.literal("export"),
  kind: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});

/** The consent answer Teams sends (fileConsent/invoke), as far as wowbot reads it. */
export interface FileConsentAnswer {
  action?: string;
  context?: unknown;
  uploadInfo?: { name?: string; uploadUrl?: string; contentUrl?: string; uniqueId?: string; fileType?: string };
}

/** A Teams turn always has its workspace and member. */
const knownRequest = (turn: TeamsTurn) => teamsRequest(turn) as KnownRequest;

/** Several messages to the person only: inline in their 1:1 chat, or there with one pointer where they asked. */
async function sendPrivately(turn: TeamsTurn, activities: Array<Partial<Activity>>): Promise<void> {
  if (isPersonal(turn.context)) {
    for (const activity of activities) await turn.context.sendActivity(activity);
    return;
  }
  for (const activity of activities) await turn.sender.sendToPerson(turn.workspace, turn.member.platformUserId, activity);
  await turn.context.sendActivity(toActivity(notice("info", SENT_PRIVATELY)));
}

/** `request` is the checked export request of the neutral outcome: the file is measured, then consent asked for. */
export async function deliverExport(turn: TeamsTurn, request: ExportRequest, preparing: View): Promise<void> {
  // Measured without an audit entry: nothing is handed over until the admin accepts.
  const built = await buildExport(knownRequest(turn), request, turn.deps.exportMaxBytes, { audit: false });
  if ("reply" in built) return sendPrivately(turn, [toActivity(preparing), toActivity(built.reply)]);
  const { file } = built;
  const context = { wowbot: "export", kind: request.kind, from: request.from ?? null, to: request.to ?? null };
  const description = exportOffer(request.kind, file.rows, file.content.length);
  const consent: Partial<Activity> = {
    type: "message",
    text: description,
    attachments: [
      {
        contentType: FILE_CONSENT_CARD,
        name: file.filename,
        content: { description, sizeInBytes: file.content.length, acceptContext: context, declineContext: context },
      },
    ],
  };
  await sendPrivately(turn, [toActivity(preparing), consent]);
}

/** The admin declined the consent card. */
export async function declineExport(turn: TeamsTurn): Promise<void> {
  await replyPrivately(turn, notice("info", EXPORT_CANCELLED));
}

/** The admin accepted: build the export again (checking the permission again), upload it, then show the file. */
export async function acceptExport(turn: TeamsTurn, answer: FileConsentAnswer): Promise<void> {
  const parsed = ExportContext.safeParse(answer.context);
  const upload = answer.uploadInfo;
  const request = parsed.success ? exportRequest(parsed.data.kind, parsed.data.from ?? undefined, parsed.data.to ?? undefined) : null;
  if (!request?.ok || !upload?.uploadUrl) {
    return replyPrivately(turn, notice("error", EXPORT_UNREADABLE));
  }
  const built = await buildExport(knownRequest(turn), request.value, turn.deps.exportMaxBytes);
  if ("reply" in built) return replyPrivately(turn, built.reply);
  const { file } = built;
  try {
    const res = await fetch(upload.uploadUrl, {
      method: "PUT",
      headers: { "content-type": "text/csv", "content-range": `bytes 0-${file.content.length - 1}/${file.content.length}` },
      body: file.content,
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    turn.deps.logger.warn({ err: reason, workspace: turn.workspace.id, kind: request.value.kind }, "export: the upload to Teams failed");
    return replyPrivately(turn, exportNotDelivered(reason, "Teams"));
  }
  await turn.context.sendActivity({
    type: "message",
    text: file.comment,
    attachments: [
      {
        contentType: FILE_INFO_CARD,
        name: upload.name ?? file.filename,
        contentUrl: upload.contentUrl,
        content: { uniqueId: upload.uniqueId, fileType: upload.fileType ?? "csv" },
      },
    ],
  });
}

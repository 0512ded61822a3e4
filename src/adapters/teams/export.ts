// "wowbot export" on Teams: tells the admin the export is being prepared, then delivers the file privately.
// Placeholder until file delivery lands: the request was checked by the neutral layer, nothing is sent.
import type { ExportRequest } from "../../app/exports.js";
import { exportNotDelivered } from "../../chat/export.js";
import type { View } from "../../views/index.js";
import { replyPrivately, type TeamsTurn } from "./turn.js";

/** `request` is the checked export request of the neutral outcome; build the file with buildExport(teamsRequest(turn), ...). */
export async function deliverExport(turn: TeamsTurn, _request: ExportRequest, preparing: View): Promise<void> {
  await replyPrivately(turn, preparing);
  await replyPrivately(turn, exportNotDelivered("file delivery is not available yet", "Teams"));
}

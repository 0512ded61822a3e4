// Teams has no channel picker, so a settings submit could name any conversation id (a forged card, a channel the bot
// was removed from): only channels the bot knows in this workspace are accepted, else the outbox could never post.
import type { SettingsPatch } from "../../../app/settings.ports.js";
import type { FormErrors } from "../../../views/forms.js";
import { UNKNOWN_CHANNEL } from "../../../views/notice.js";
import type { TeamsTurn } from "../turn.js";

/** Problems with the chosen channels, beside their inputs; a channel left as it is stays accepted. */
export async function unknownChannels(turn: TeamsTurn, patch: SettingsPatch): Promise<FormErrors | null> {
  const errors: FormErrors = {};
  for (const field of ["recognitionChannel", "leadsChannel"] as const) {
    const chosen = patch[field];
    if (!chosen || chosen === turn.workspace.settings[field]) continue;
    if (!(await turn.deps.conversations.findChannel(turn.workspace.id, chosen))) errors[field] = UNKNOWN_CHANNEL;
  }
  return Object.keys(errors).length ? errors : null;
}

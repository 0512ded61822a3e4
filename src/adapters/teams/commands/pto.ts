// "pto": the member's own balance, streak, points and ledger, privately; "pto @agent" for leads (as Slack's /pto).
import { ptoOverview } from "../../../app/pto-overview.js";
import { notice } from "../../../views/notice.js";
import { memberOfMention } from "../mentions.js";
import { replyPrivately, type TeamsTurn } from "../turn.js";

export const PERSON_NOT_FOUND = "I can't find that person in this organisation.";

/** The AAD id of text that is exactly one neutral mention ("<@aad|Ann>"), else undefined. */
export function userIdOfMention(text: string): string | undefined {
  return /^<@([^|>]+)(?:\|[^>]*)?>$/.exec(text.trim())?.[1];
}

export async function ptoCommand(turn: TeamsTurn, args: string): Promise<void> {
  const { workspace, member: viewer } = turn;
  const target = userIdOfMention(args);
  if (args && !target) return replyPrivately(turn, notice("info", "Usage: `pto` for your own balance (leads: `pto @agent`)."));
  const member = target && target !== viewer.platformUserId ? await memberOfMention(turn.deps, turn.context, workspace.id, target) : viewer;
  if (!member) return replyPrivately(turn, notice("error", PERSON_NOT_FOUND));
  const result = await ptoOverview(turn.deps.ports, { workspace, viewer, member });
  return replyPrivately(turn, result.ok ? result.value : notice("error", result.error.message));
}

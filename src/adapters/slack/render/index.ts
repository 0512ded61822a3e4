// Any neutral view as a Slack message (text fallback plus blocks).
import type { View } from "../../../views/index.js";
import { renderAttendancePost, renderOccurrenceList } from "./attendance.js";
import { renderDigest } from "./digest.js";
import { renderHelp } from "./help.js";
import { renderStats } from "./home.js";
import { LIMITS, truncate } from "./limits.js";
import { confirmationText, renderNominationPost, renderNomineeDm } from "./nomination.js";
import { renderLedgerDm, renderPto, renderPtoOutcome, renderPtoRequestPost } from "./pto.js";
import { renderScoreDm } from "./score.js";
import { escapeText } from "./text.js";

export interface SlackMessage {
  text: string;
  blocks: Array<Record<string, unknown>>;
}

const TONE = { error: ":no_entry_sign:", info: ":information_source:", success: ":white_check_mark:" } as const;

export function renderMessage(view: View): SlackMessage {
  switch (view.kind) {
    case "help":
      return renderHelp(view);
    case "notice": {
      const text = truncate(`${TONE[view.tone]} ${escapeText(view.text)}`, LIMITS.sectionText);
      return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
    }
    case "nomination.post":
      return renderNominationPost(view);
    case "nomination.nominee_dm":
      return renderNomineeDm(view);
    case "score.agent_dm":
      return renderScoreDm(view);
    case "pto":
      return renderPto(view);
    case "pto.request":
      return renderPtoRequestPost(view);
    case "pto.outcome":
      return renderPtoOutcome(view);
    case "pto.ledger_dm":
      return renderLedgerDm(view);
    case "attendance.post":
      return renderAttendancePost(view);
    case "attendance.list":
      return renderOccurrenceList(view);
    case "digest":
      return renderDigest(view);
    case "stats":
      return renderStats(view);
    case "nomination.confirmation": {
      const text = confirmationText(view);
      return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
    }
  }
}

// Any neutral view as a Teams message: an Adaptive Card (schema 1.5) plus a plain-text fallback (notifications, search).
import type { View } from "../../../views/index.js";
import { renderAttendancePost, renderOccurrenceList } from "./attendance.js";
import { renderDigest } from "./digest.js";
import { messageCard, text as textBlock } from "./elements.js";
import { renderHelp } from "./help.js";
import { renderStats } from "./home.js";
import type { TeamsMessage } from "./message.js";
import { renderConfirmation, renderNominationPost, renderNomineeDm } from "./nomination.js";
import { renderLedgerDm, renderPto, renderPtoOutcome, renderPtoRequestPost } from "./pto.js";
import { renderScoreDm } from "./score.js";
import { escapeText, fromNoticeMarkup, Mentions, plainText } from "./text.js";

const TONE = { error: "🚫", info: "ℹ️", success: "✅" } as const;

export function renderCard(view: View): TeamsMessage {
  switch (view.kind) {
    case "help":
      return renderHelp(view);
    case "notice": {
      const words = fromNoticeMarkup(view.text);
      return {
        text: plainText(words, 4000),
        card: messageCard([textBlock(`${TONE[view.tone]} ${escapeText(words)}`, view.tone === "error" ? { color: "Attention" } : {})], [], new Mentions()),
      };
    }
    case "nomination.post":
      return renderNominationPost(view);
    case "nomination.nominee_dm":
      return renderNomineeDm(view);
    case "nomination.confirmation":
      return renderConfirmation(view);
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
  }
}

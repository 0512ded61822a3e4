// The DM for a ledger change, through both platforms' converters: once the hours free of pending requests make a
// paid day, the DM offers "Request a paid day off" (the form checks the balance again when it opens).
import { describe, expect, it } from "vitest";
import { renderMessage } from "../../../src/adapters/slack/block-kit.js";
import { renderCard } from "../../../src/adapters/teams/adaptive-card.js";
import { ptoBalance } from "../../../src/domain/pto.js";
import { type LedgerLine, ledgerDmView } from "../../../src/views/pto.js";

const ann = { platformUserId: "U0ANN", displayName: "Ann" };
const credit: LedgerLine = { hours: 4, kind: "credit", reason: "clean week from 2026-03-02", at: new Date("2026-03-09T09:00:00Z") };
const reversal: LedgerLine = { ...credit, hours: -4, kind: "reversal", reason: "absence on 2026-03-04 recorded late" };

/** The DM after `entry`, with `balance` hours of which `reserved` are held, 8 h a paid day. */
const dm = (entry: LedgerLine, balance: number, reserved = 0) =>
  ledgerDmView({ member: ann, entry, streak: 2, balance: ptoBalance(balance, reserved, 8), hoursPerPaidDay: 8 });

/** The request button as each platform shows it, or null. */
function requestButtons(view: ReturnType<typeof dm>) {
  const slack = JSON.stringify(renderMessage(view).blocks);
  const teams = JSON.stringify(renderCard(view).card);
  return {
    slack: slack.includes('"action_id":"pto.request"') && slack.includes("Request a paid day off"),
    teams: teams.includes('"form":"form.paid_day"') && teams.includes("Request a paid day off"),
  };
}

describe("ledger DM", () => {
  it("offers a paid-day request on both platforms once 8 h are free, not at 7.99 h", () => {
    expect(requestButtons(dm(credit, 8))).toEqual({ slack: true, teams: true });
    expect(requestButtons(dm(credit, 7.99))).toEqual({ slack: false, teams: false });
    expect(requestButtons(dm(credit, 12))).toEqual({ slack: true, teams: true });
  });

  it("counts only hours no pending request holds: 16 h with 8.01 h held is 7.99 h free, with 8 h held 8 h", () => {
    expect(requestButtons(dm(credit, 16, 8.01))).toEqual({ slack: false, teams: false });
    expect(requestButtons(dm(credit, 16, 8))).toEqual({ slack: true, teams: true });
  });

  it("offers nothing after a reversal, whatever is left", () => {
    expect(requestButtons(dm(reversal, 24))).toEqual({ slack: false, teams: false });
  });

  it("still says what was earned and the balance, on both platforms", () => {
    const view = dm(credit, 8);
    expect(renderMessage(view).text).toContain("You earned 4 h (streak: 2 clean periods). Balance 8 h: 8 h to your next paid day.");
    expect(renderCard(view).text).toContain("You earned 4 h (streak: 2 clean periods). Balance 8 h: 8 h to your next paid day.");
  });
});

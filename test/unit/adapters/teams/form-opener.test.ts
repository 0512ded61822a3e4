// The card that answers "wow", "score", "attendance" and "wowbot settings": one button opening the form's dialog
// (task/fetch) with the form's prefill, valid for adaptivecards, and read back by readCardAction.
import { describe, expect, it } from "vitest";
import { readCardAction } from "../../../../src/adapters/teams/cards/actions.js";
import { renderFormOpener } from "../../../../src/adapters/teams/cards/form-opener.js";
import { defaultSettings } from "../../../../src/domain/settings.js";
import type { FormView } from "../../../../src/views/forms.js";
import { aad } from "./fixtures.js";
import { cardProblems, findAll } from "./validate-card.js";

const FORMS: Array<[FormView, Record<string, string>]> = [
  [
    { kind: "form.nomination", nominee: aad(1), channel: "19:abc@thread.tacv2" },
    { nominee: aad(1), channel: "19:abc@thread.tacv2" },
  ],
  [{ kind: "form.nomination", nominee: null, channel: null }, {}],
  [
    { kind: "form.score", agent: aad(2), reference: "CALL-1", nominationId: null },
    { agent: aad(2), reference: "CALL-1" },
  ],
  [{ kind: "form.attendance", member: null, today: "2026-03-11" }, {}],
  [{ kind: "form.paid_day", today: "2026-03-11", hoursPerPaidDay: 8 }, {}],
  [{ kind: "form.settings", settings: defaultSettings, timezone: "UTC", channels: [] }, {}],
];

describe("form opener card", () => {
  it.each(FORMS.map(([f, p]) => [f.kind, f, p] as const))("%s: one valid button that opens the dialog with the prefill", (_kind, form, prefill) => {
    const { text, card } = renderFormOpener(form);
    expect(text).toContain("open the form");
    expect(cardProblems(card)).toEqual([]);
    const [button, ...others] = findAll(card, "Action.Submit");
    expect(others).toEqual([]);
    expect(button?.data).toEqual({ msteams: { type: "task/fetch" }, wowbot: "form.open", form: form.kind, ...prefill });
    expect(readCardAction(button?.data)).toEqual({ wowbot: "form.open", form: form.kind, ...prefill });
  });
});

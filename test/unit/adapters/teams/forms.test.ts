// Neutral forms as Teams dialog cards: valid for adaptivecards with and without errors, input ids = the domain field
// names, errors under their inputs, people pickers on the directory, and readForm turning submissions back into values.
import { describe, expect, it } from "vitest";
import { doneTaskModule, taskModule } from "../../../../src/adapters/teams/cards/dialogs.js";
import { formCard, readForm } from "../../../../src/adapters/teams/cards/forms.js";
import { CARD_BUDGET_BYTES, cardBytes } from "../../../../src/adapters/teams/cards/limits.js";
import { defaultSettings } from "../../../../src/domain/settings.js";
import { FORM_FIELDS, type FormView } from "../../../../src/views/forms.js";
import { aad, HOSTILE } from "./fixtures.js";
import { cardProblems, findAll, visibleText } from "./validate-card.js";

const FORMS: FormView[] = [
  { kind: "form.nomination", nominee: aad(1), channel: "19:abc@thread.tacv2" },
  { kind: "form.nomination", nominee: null, channel: null },
  { kind: "form.score", agent: aad(2), reference: "r".repeat(500), nominationId: "11111111-1111-4111-8111-111111111111" },
  { kind: "form.score", agent: null, reference: null, nominationId: null },
  { kind: "form.attendance", member: aad(3), today: "2026-03-11" },
  { kind: "form.paid_day", today: "2026-03-11", hoursPerPaidDay: 7.5 },
  {
    kind: "form.settings",
    settings: { ...defaultSettings, recognitionChannel: "19:gone@thread.tacv2", accrualCapHours: 120 },
    timezone: "Europe/Berlin",
    channels: Array.from({ length: 200 }, (_, i) => ({ id: `19:c${i}@thread.tacv2`, name: `${HOSTILE} ${i}` })),
  },
];

const INPUT_TYPES = ["Input.Text", "Input.ChoiceSet", "Input.Date", "Input.Time", "Input.Number", "Input.Toggle"];
const inputs = (card: unknown) => INPUT_TYPES.flatMap((t) => findAll(card, t));
const errorsFor = (form: FormView) => Object.fromEntries(FORM_FIELDS[form.kind].map((f) => [f, `${f} is wrong ${HOSTILE}`]));

describe("form dialogs", () => {
  it.each(FORMS.map((f) => [f.kind, f] as const))("%s: valid, under the budget, input ids are the domain fields", (_kind, form) => {
    for (const errors of [undefined, errorsFor(form), { scoreWeights: "question weights must add up to 100", unknownField: "Try again." }]) {
      const card = formCard(form, errors);
      expect(cardProblems(card)).toEqual([]);
      expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    }
    expect(
      inputs(formCard(form))
        .map((i) => i.id)
        .sort(),
    ).toEqual([...FORM_FIELDS[form.kind]].sort());
  });

  it("shows each error in attention colour directly under its input, and as the input's error message", () => {
    const form = FORMS[2] as FormView;
    const card = formCard(form, { reference: "Say which interaction.", wow: "Answer yes, partly, no or n.a." });
    const body = card.body;
    const at = body.findIndex((e) => e.id === "reference");
    expect(body[at]?.errorMessage).toBe("Say which interaction.");
    expect(body[at + 1]).toMatchObject({ type: "TextBlock", color: "Attention", text: "Say which interaction." });
    const wow = body.findIndex((e) => e.id === "wow");
    expect(body[wow + 1]).toMatchObject({ color: "Attention", text: "Answer yes, partly, no or n.a." });
    expect(findAll(card, "TextBlock").filter((t) => t.color === "Attention")).toHaveLength(2);
  });

  it("puts a group error under the group's first input and an unknown field's error at the top", () => {
    const settings = FORMS[6] as FormView;
    const card = formCard(settings, { scoreWeights: "question weights must add up to 100", nowhere: "Try again in a moment." });
    expect(card.body[0]).toMatchObject({ color: "Attention", text: "⚠️ Try again in a moment." });
    const first = card.body.findIndex((e) => e.id === "scoreWeights.connection");
    expect(card.body[first + 1]).toMatchObject({ color: "Attention", text: "question weights must add up to 100" });
  });

  it("people pickers search the directory and preselect the person given", () => {
    const card = formCard(FORMS[0] as FormView, {}, new Map([[aad(1), "Ann"]]));
    const [nominee] = findAll(card, "Input.ChoiceSet").filter((c) => c.id === "nominee");
    expect(nominee).toMatchObject({
      "choices.data": { type: "Data.Query", dataset: "graph.microsoft.com/users" },
      value: aad(1),
      choices: [{ title: "Ann", value: aad(1) }],
      isRequired: true,
    });
    const [empty] = findAll(formCard(FORMS[1] as FormView), "Input.ChoiceSet").filter((c) => c.id === "nominee");
    expect(empty?.value).toBeUndefined();
  });

  it("shows a submitted id it has no name for as a selected person, even one named like an object's own property", () => {
    for (const given of ["__proto__", "constructor", "toString", "29:someone-unknown"]) {
      const card = formCard(FORMS[0] as FormView, {}, new Map(), { values: { nominee: given } });
      const [nominee] = findAll(card, "Input.ChoiceSet").filter((c) => c.id === "nominee");
      expect(nominee).toMatchObject({ value: given, choices: [{ title: "Selected person", value: given }] });
    }
  });

  it("uses date, time and number inputs with their bounds and current values", () => {
    const settings = formCard(FORMS[6] as FormView);
    expect(findAll(settings, "Input.Time")).toEqual([expect.objectContaining({ id: "digestTime", value: "09:00" })]);
    expect(findAll(settings, "Input.Number").find((n) => n.id === "hoursPerPaidDay")).toMatchObject({ min: 0.01, max: 24, value: 8 }); // the schema's bounds: above 0, in steps of 0.01
    expect(findAll(settings, "Input.Number").find((n) => n.id === "accrualCapHours")).toMatchObject({ value: 120 });
    expect(findAll(settings, "Input.ChoiceSet").find((c) => c.id === "workdays")).toMatchObject({ isMultiSelect: true, value: "1,2,3,4,5" });
    const recognition = findAll(settings, "Input.ChoiceSet").find((c) => c.id === "recognitionChannel");
    expect(recognition?.value).toBe("19:gone@thread.tacv2");
    expect((recognition?.choices as Array<{ title: string }> | undefined)?.[0]?.title).toBe("The current channel");
    expect(findAll(formCard(FORMS[4] as FormView), "Input.Date")).toEqual([expect.objectContaining({ id: "date", value: "2026-03-11" })]);
    expect(visibleText(formCard(FORMS[5] as FormView))).toContain("A paid day off uses 7.5 h.");
  });

  it("lists at most 50 channels per picker but always offers the current one, by name", () => {
    const form = { ...(FORMS[6] as Extract<FormView, { kind: "form.settings" }>) };
    form.settings = { ...form.settings, leadsChannel: "19:c150@thread.tacv2" };
    const leads = findAll(formCard(form), "Input.ChoiceSet").find((c) => c.id === "leadsChannel");
    const choices = (leads?.choices ?? []) as Array<{ title: string; value: string }>;
    expect(choices).toHaveLength(51);
    expect(choices[0]).toEqual({ value: "19:c150@thread.tacv2", title: `${HOSTILE} 150`.slice(0, 60) });
    expect(leads?.value).toBe("19:c150@thread.tacv2");
  });

  it("submits with the form kind and its hidden prefill", () => {
    const submit = (form: FormView) => findAll(formCard(form), "Action.Submit")[0]?.data;
    expect(submit(FORMS[0] as FormView)).toEqual({ wowbot: "form.submit", form: "form.nomination", channel: "19:abc@thread.tacv2" });
    expect(submit(FORMS[2] as FormView)).toEqual({ wowbot: "form.submit", form: "form.score", nominationId: "11111111-1111-4111-8111-111111111111" });
    expect(submit(FORMS[5] as FormView)).toEqual({ wowbot: "form.submit", form: "form.paid_day" });
  });

  it("wraps forms in task-module answers", () => {
    const answer = taskModule(FORMS[5] as FormView, { date: "Choose a workday." });
    expect(answer.task.type).toBe("continue");
    expect(answer.task.value).toMatchObject({ title: "Paid day off", card: { contentType: "application/vnd.microsoft.card.adaptive" } });
    expect(visibleText(answer.task.value.card.content)).toContain("Choose a workday.");
    expect(doneTaskModule("Request sent.")).toEqual({ task: { type: "message", value: "Request sent." } });
  });
});

describe("readForm", () => {
  it("reads a nomination: comma-separated behaviours, unknown ones dropped, empty reference null", () => {
    expect(
      readForm("form.nomination", { wowbot: "form.submit", nominee: aad(1), story: "  A story  ", reference: " ", behaviours: "connection,wow,hacked,wow" }),
    ).toEqual({ nominee: aad(1), story: "  A story  ", reference: null, behaviours: ["connection", "wow"] });
    expect(readForm("form.nomination", {})).toEqual({ nominee: null, story: "", reference: null, behaviours: [] });
  });

  it("reads a score; an unanswered question 1 is NaN so validation reports it", () => {
    const values = readForm("form.score", {
      agent: aad(2),
      reference: "T-1",
      channel: "chat",
      connection: "2",
      rapport: "yes",
      unstatedNeeds: "na",
      wow: "partly",
      note: "",
    });
    expect(values).toEqual({
      agent: aad(2),
      reference: "T-1",
      channel: "chat",
      connection: "2",
      rapport: "yes",
      unstatedNeeds: "na",
      wow: "partly",
      note: null,
    });
    expect(readForm("form.score", { connection: "" }).connection).toBe("");
    expect(readForm("form.score", { connection: { evil: true } }).connection).toBe("");
  });

  it("reads attendance and a paid day", () => {
    expect(readForm("form.attendance", { member: aad(3), date: "2026-03-11", type: "late", note: "bus" })).toEqual({
      member: aad(3),
      date: "2026-03-11",
      type: "late",
      note: "bus",
    });
    expect(readForm("form.paid_day", { date: "", note: 5 })).toEqual({ date: null, note: "5" });
  });

  it("reads settings: only fields present, empty numbers NaN, empty channel null, empty cap no cap", () => {
    const patch = readForm("form.settings", {
      recognitionChannel: "",
      leadsChannel: "19:leads@thread.tacv2",
      digestTime: "08:30",
      workdays: "5,1,3",
      timezone: "Europe/Berlin",
      attendancePeriod: "month",
      "pointsPerType.absence": "1.5",
      "pointsPerType.late": "",
      "pointsPerType.excused": "0",
      rewardTiers: "2, 3;4",
      hoursPerPaidDay: "7.5",
      accrualCapHours: "",
      scoreGoal: "abc",
      "scoreWeights.connection": "40",
      "scoreWeights.rapport": "20",
      "scoreWeights.unstatedNeeds": "20",
      "scoreWeights.wow": "20",
    });
    expect(patch).toMatchObject({
      recognitionChannel: null,
      leadsChannel: "19:leads@thread.tacv2",
      digestTime: "08:30",
      workdays: [1, 3, 5],
      timezone: "Europe/Berlin",
      attendancePeriod: "month",
      rewardTiers: [2, 3, 4],
      hoursPerPaidDay: 7.5,
      accrualCapHours: null,
      scoreWeights: { connection: 40, rapport: 20, unstatedNeeds: 20, wow: 20 },
    });
    expect(patch.pointsPerType?.absence).toBe(1.5);
    expect(patch.pointsPerType?.late).toBeNaN();
    expect(patch.scoreGoal).toBeNaN();
    expect("nominationsPerDay" in patch).toBe(false);
    expect(readForm("form.settings", { scoreGoal: "90" })).toEqual({ scoreGoal: 90 });
    // A partial group changes nothing of it.
    expect(readForm("form.settings", { "scoreWeights.wow": "100" })).toEqual({});
  });

  it("round-trips the settings form's own values to a patch equal to the settings", () => {
    const form = FORMS[6] as Extract<FormView, { kind: "form.settings" }>;
    const data = Object.fromEntries(inputs(formCard(form)).map((i) => [i.id as string, i.value === undefined ? "" : String(i.value)]));
    const { timezone, ...patch } = readForm("form.settings", data);
    expect(timezone).toBe("Europe/Berlin");
    expect(patch).toEqual(form.settings);
  });
});

describe("dialogs reopened with the person's values", () => {
  it.each(FORMS.map((f) => [f.kind, f] as const))("%s: still valid and under the budget with hostile typed values and errors", (_kind, form) => {
    const values = Object.fromEntries(FORM_FIELDS[form.kind].map((f) => [f, `${HOSTILE} ${"x".repeat(3000)}`]));
    const card = formCard(form, errorsFor(form), new Map(), { values, data: { dialog: "d-1234567890" } });
    expect(cardProblems(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    expect(findAll(card, "Action.Submit")[0]?.data).toMatchObject({ wowbot: "form.submit", form: form.kind, dialog: "d-1234567890" });
  });

  it("shows typed text, choices, numbers and the chosen person (by name) instead of the initial values", () => {
    const card = formCard(FORMS[1] as FormView, { story: "Too short." }, new Map([[aad(5), "Eve"]]), {
      values: { nominee: aad(5), story: "too short", behaviours: "wow,connection" },
    });
    const byId = Object.fromEntries(inputs(card).map((i) => [i.id, i]));
    expect(byId.nominee).toMatchObject({ value: aad(5), choices: [{ title: "Eve", value: aad(5) }] });
    expect(byId.story).toMatchObject({ value: "too short" });
    expect(byId.behaviours).toMatchObject({ value: "wow,connection" });
    const settings = formCard(FORMS[6] as FormView, {}, new Map(), { values: { scoreGoal: "90", nominationsPerDay: "lots", rewardTiers: "" } });
    const s = Object.fromEntries(inputs(settings).map((i) => [i.id, i]));
    expect(s.scoreGoal).toMatchObject({ value: 90 });
    // A value that is no number, or an emptied input, shows empty rather than the old value.
    expect(s.nominationsPerDay?.value).toBeUndefined();
    expect(s.rewardTiers?.value).toBeUndefined();
  });

  it("reads the empty channel picker's placeholder as no channel", () => {
    expect(readForm("form.settings", { recognitionChannel: "none", leadsChannel: "none" })).toEqual({ recognitionChannel: null, leadsChannel: null });
  });
});

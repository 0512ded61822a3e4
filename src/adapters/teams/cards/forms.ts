// The one converter from a neutral form (src/views/form-inputs.ts) to an Adaptive Card for a Teams dialog, and its
// reader: each error shows in attention colour right under its input, typed values are kept when the dialog reopens,
// and readForm turns a submission back into the form's values (Teams sends inputs as strings, choices comma-separated).

import { answersOf, formOf, NO_CHANNEL } from "../../../views/form-definitions.js";
import { type Form, type Input, inputFor, type RawAnswers, requiredMessage, UNNAMED_PERSON } from "../../../views/form-inputs.js";
import type { FormErrors, FormKind, FormValues, FormView } from "../../../views/forms.js";
import { markdown } from "../adaptive-card.js";
import { CARD_ACTIONS } from "./actions.js";
import { type AdaptiveCardJson, attention, bareCard, type Element, heading, note, text } from "./elements.js";
import { escapeText, Mentions } from "./text.js";

type Choice = { title: string; value: string };
const choice = (value: string, title: string): Choice => ({ title, value });

/** Display names of people a form preselects (the FormView holds only their ids), by platform user id. */
export type PeopleNames = ReadonlyMap<string, string>;

/** The longest id a picker or a prefill carries: longer is no real id (and would bloat the card past Teams' 28 KB). */
export const ID_MAX = 256;

const required = (input: Input) => (input.optional ? {} : { isRequired: true, errorMessage: requiredMessage(input) });
const choices = (options: Array<{ value: string; label: string }>) => options.map((o) => choice(o.value, o.label));

/** One input as an Adaptive Card input; people pickers search the organisation's directory. */
function inputElement(input: Input, names: PeopleNames): Element {
  const base = { id: input.id, label: input.label, ...required(input) };
  switch (input.kind) {
    case "text":
      return {
        type: "Input.Text",
        ...base,
        maxLength: input.max,
        ...(input.multiline ? { isMultiline: true } : {}),
        ...(input.value ? { value: input.value.slice(0, input.max) } : {}),
      };
    case "number":
      return { type: "Input.Number", ...base, min: input.min, max: input.max, ...(input.value === null ? {} : { value: input.value }) };
    case "choice":
      return {
        type: "Input.ChoiceSet",
        ...base,
        choices: choices(input.options),
        style: input.look === "radio" ? "expanded" : "compact",
        ...(input.value ? { value: input.value } : {}),
      };
    case "choices":
      return {
        type: "Input.ChoiceSet",
        ...base,
        choices: choices(input.options),
        style: "expanded",
        isMultiSelect: true,
        ...(input.value?.length ? { value: input.value.join(",") } : {}),
      };
    case "person": {
      const selected = input.value && input.value.length <= ID_MAX ? input.value : null;
      return {
        type: "Input.ChoiceSet",
        ...base,
        style: "filtered",
        // Teams lists only the preselected person statically; everyone else comes from the directory search.
        choices: selected ? [choice(selected, names.get(selected) ?? UNNAMED_PERSON)] : [],
        "choices.data": { type: "Data.Query", dataset: "graph.microsoft.com/users" },
        ...(selected ? { value: selected } : {}),
      };
    }
    case "date":
      return { type: "Input.Date", ...base, value: input.value };
    case "time":
      return { type: "Input.Time", ...base, value: input.value };
    // Teams has no channel picker: the channels the bot knows are listed.
    case "channel":
      return {
        type: "Input.ChoiceSet",
        ...base,
        style: "compact",
        choices: input.known.length ? choices(input.known) : [choice(NO_CHANNEL, input.none)],
        ...(input.value ? { value: input.value } : {}),
      };
  }
}

/** A form's items as card elements: inputs, then each hint as a note under its input. */
function bodyOf(form: Form, names: PeopleNames): Element[] {
  const m = new Mentions();
  return form.items.flatMap((item): Element[] => {
    if (item.kind === "section") return [heading(escapeText(item.title))];
    if (item.kind === "say") return [text(markdown(item.text, m))];
    return [inputElement(item, names), ...(item.hint ? [note(escapeText(item.hint))] : [])];
  });
}

/** What a dialog card carries besides the form: the person's typed values (kept when errors are shown) and data. */
export interface FormCardOptions {
  /** Submitted values by input id, shown again instead of the form's initial ones. */
  values?: Record<string, unknown>;
  /** Extra submit data (a dialog id that makes a retried submit recognisable). */
  data?: Record<string, string>;
}

/** An input showing a submitted value: people pickers list the chosen person (by name) so Teams can show them. */
function withValue(element: Element, value: unknown, names: PeopleNames): Element {
  const given = typeof value === "number" ? String(value) : typeof value === "string" ? value : Array.isArray(value) ? value.join(",") : "";
  const { value: _initial, ...rest } = element;
  if (given === "") return rest;
  if (element.type === "Input.Number") return Number.isFinite(Number(given)) ? { ...rest, value: Number(given) } : rest;
  // Only values the input can hold come back (the card stays small and valid whatever was submitted).
  if (element.type === "Input.Date") return /^\d{4}-\d{2}-\d{2}$/.test(given) ? { ...rest, value: given } : rest;
  if (element.type === "Input.Time") return /^\d{2}:\d{2}$/.test(given) ? { ...rest, value: given } : rest;
  if (element["choices.data"]) {
    return given.length <= ID_MAX ? { ...rest, choices: [choice(given, (names.get(given) ?? UNNAMED_PERSON).slice(0, 100))], value: given } : rest;
  }
  if (element.type === "Input.ChoiceSet") {
    const offered = new Set(((element.choices as Choice[] | undefined) ?? []).map((c) => c.value));
    const kept = (element.isMultiSelect ? given.split(",") : [given]).filter((v) => offered.has(v));
    return kept.length ? { ...rest, value: kept.join(",") } : rest;
  }
  const max = typeof element.maxLength === "number" ? element.maxLength : undefined;
  return { ...rest, value: max ? given.slice(0, max) : given };
}

/** A form as a dialog card; each error shows in attention colour right under its input (others at the top). */
export function formCard(view: FormView, errors: FormErrors = {}, names: PeopleNames = new Map(), options: FormCardOptions = {}): AdaptiveCardJson {
  const form = formOf(view);
  const hidden = { ...form.carry, ...options.data };
  const values = options.values ?? {};
  const body = bodyOf(form, names).map((e) => (typeof e.id === "string" && Object.hasOwn(values, e.id) ? withValue(e, values[e.id], names) : e));
  const ids = body.filter((e) => typeof e.id === "string").map((e) => e.id as string);
  const under = new Map<string, string[]>();
  const general: string[] = [];
  for (const [field, message] of Object.entries(errors)) {
    const at = inputFor(field, ids);
    if (at) under.set(at, [...(under.get(at) ?? []), message]);
    else general.push(message);
  }
  const out: Element[] = general.map((m) => attention(`⚠️ ${escapeText(m)}`));
  for (const element of body) {
    const messages = typeof element.id === "string" ? under.get(element.id) : undefined;
    if (!messages) {
      out.push(element);
      continue;
    }
    out.push({ ...element, errorMessage: messages[0] }, ...messages.map((m) => attention(escapeText(m))));
  }
  const submit = {
    type: "Action.Submit",
    title: form.submit,
    style: "positive",
    data: { wowbot: CARD_ACTIONS.submitForm, form: view.kind, ...hidden },
  };
  return bareCard(out, [submit]);
}

/** Teams sends inputs as strings (numbers now and then); anything else reads as empty. */
const answer = (v: unknown): string | string[] =>
  typeof v === "string" ? v : typeof v === "number" ? String(v) : Array.isArray(v) ? v.map((x) => (typeof x === "string" ? x : "")) : "";

/** A submitted dialog's data as the form's neutral values; unknown keys are ignored. */
export function readForm<K extends FormKind>(kind: K, data: Record<string, unknown>): FormValues[K] {
  const answers: RawAnswers = {};
  for (const [key, value] of Object.entries(data)) if (value !== undefined && value !== null) answers[key] = answer(value);
  return answersOf(kind, answers);
}

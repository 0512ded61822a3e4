// The neutral form vocabulary: the inputs a form asks with (label, hint, bounds, optionality) and the lines between
// them. Slack converts a form to a modal, Teams to a dialog card, and each reads the answers back by the same
// definition (adapters/slack/modal.ts, adapters/teams/cards/forms.ts).
import type { Text } from "./elements.js";

export interface Choice {
  value: string;
  label: string;
}

interface InputBase {
  /** The domain's field name: a use case's error for this field shows beside this input. */
  id: string;
  label: string;
  hint?: string;
  optional?: boolean;
}

export type Input =
  | (InputBase & { kind: "text"; max: number; multiline?: boolean; value?: string | null })
  | (InputBase & { kind: "number"; min: number; max: number; decimal: boolean; value: number | null })
  /** One of `options`: shown all at once ("radio") or in a menu. */
  | (InputBase & { kind: "choice"; options: Choice[]; look: "radio" | "menu"; value?: string })
  /** Any of `options`, shown all at once. */
  | (InputBase & { kind: "choices"; options: Choice[]; value?: string[] })
  /** A person of the workspace, by platform user id. */
  | (InputBase & { kind: "person"; value: string | null })
  | (InputBase & { kind: "date"; value: string })
  | (InputBase & { kind: "time"; value: string })
  /** A channel; `known` lists the channels the bot is in, for platforms without a channel picker. */
  | (InputBase & { kind: "channel"; value: string | null; known: Choice[]; none: string });

export type FormItem = Input | { kind: "section"; title: string } | { kind: "say"; text: Text };

export interface Form {
  title: string;
  submit: string;
  /** Data the form carries to its submission besides the answers (the channel a nomination was started in). */
  carry: Record<string, string>;
  /** How much room the form needs where it opens in a dialog. */
  size: { width: "medium" | "large"; height: "medium" | "large" };
  items: FormItem[];
}

/** How a people picker names a preselected person whose name wowbot does not know. */
export const UNNAMED_PERSON = "Selected person";

/** How a form is left without sending it, and once it was sent. */
export const FORM_BUTTONS = { cancel: "Cancel", done: "Done" } as const;

/** Where a form cannot open from a typed command (a Teams dialog needs a click): the message with its button. */
export const formPrompt = (form: Form) => `${form.title}: open the form to fill it in.`;

export const isInput = (item: FormItem): item is Input => item.kind !== "section" && item.kind !== "say";

/** What a person is told when they left a required input empty (where the platform checks before sending). */
export function requiredMessage(input: Input): string {
  const what = input.label
    .replace(/^\d+\. /, "")
    .replace(/\?$/, "")
    .toLowerCase();
  switch (input.kind) {
    case "text":
      return `${input.label} is required.`;
    case "number":
      return `${input.label}: a number from ${input.min} to ${input.max}.`;
    case "date":
    case "time":
      return `Choose the ${what}.`;
    default:
      return `Choose ${what}.`;
  }
}

/** The input a field's problem belongs to: its own, else the first under it ("scoreWeights" -> "scoreWeights.wow"). */
export function inputFor(field: string, ids: readonly string[]): string | null {
  if (ids.includes(field)) return field;
  return ids.find((id) => id.startsWith(`${field}.`)) ?? null;
}

/** Answers as a platform delivers them, by input id: one string, several (choices), or nothing. */
export type RawAnswers = Record<string, string | string[] | null | undefined>;

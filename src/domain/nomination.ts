// Wow-moment nominations: what a valid nomination is and the rules between nominator and nominee (PRODUCT.md §1).
import type { DomainError } from "./result.js";
import { visibleLength } from "./text-length.js";

export const BEHAVIOURS = [
  { id: "connection", label: "Personal emotional connection" },
  { id: "rapport", label: "Kept the rapport going" },
  { id: "unstated_need", label: "Addressed an unstated need" },
  { id: "wow", label: "Wow experience" },
] as const;
export type BehaviourId = (typeof BEHAVIOURS)[number]["id"];

/** Story bounds in visible characters (visibleLength): 25 zero-width spaces are no story, 11 emoji are 11 characters. */
export const STORY_MIN = 20;
export const STORY_MAX = 2000;
/** Code units a story may take whatever it shows: a bound on storage and message size, far above any real story. */
const STORY_MAX_UNITS = 8 * STORY_MAX;
export const REFERENCE_MAX = 200;
/** How long the nominator may take a nomination back. */
export const RETRACT_WINDOW_MS = 60 * 60 * 1000;
/** Same nominator, nominee and reference (or story) within this window is a duplicate. */
export const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface NominationDraft {
  story: string;
  reference?: string | null;
  behaviours: BehaviourId[];
}

export function behaviourLabel(id: BehaviourId): string {
  return BEHAVIOURS.find((b) => b.id === id)?.label ?? id;
}

/** Every problem with the nomination's own fields, each tied to its form field. */
export function validateDraft(draft: NominationDraft): DomainError[] {
  const errors: DomainError[] = [];
  const story = draft.story.trim();
  const length = visibleLength(story);
  if (length < STORY_MIN) {
    errors.push({
      code: "NOMINATION.STORY_TOO_SHORT",
      field: "story",
      message: `The story needs at least ${STORY_MIN} characters (it has ${length}): say what they did and why it mattered.`,
    });
  } else if (length > STORY_MAX || story.length > STORY_MAX_UNITS) {
    errors.push({ code: "NOMINATION.STORY_TOO_LONG", field: "story", message: `The story can be at most ${STORY_MAX} characters (it has ${length}).` });
  }
  const reference = draft.reference?.trim() ?? "";
  if (reference.length > REFERENCE_MAX) {
    errors.push({
      code: "NOMINATION.REFERENCE_TOO_LONG",
      field: "reference",
      message: `The interaction reference can be at most ${REFERENCE_MAX} characters (it has ${reference.length}).`,
    });
  }
  const known = new Set<string>(BEHAVIOURS.map((b) => b.id));
  const unknown = draft.behaviours.filter((b) => !known.has(b));
  if (unknown.length) errors.push({ code: "NOMINATION.UNKNOWN_BEHAVIOUR", field: "behaviours", message: `Unknown behaviour: ${unknown.join(", ")}.` });
  return errors;
}

export interface Party {
  id: string;
  displayName: string;
  isBot: boolean;
  active: boolean;
}

/** Who may nominate whom: not yourself, and only active humans. */
export function checkParties(nominator: Party, nominee: Party): DomainError | null {
  if (nominator.id === nominee.id) {
    return { code: "NOMINATION.SELF", field: "nominee", message: "You can't nominate yourself: wow moments are for recognising a teammate." };
  }
  if (nominee.isBot) {
    return { code: "NOMINATION.NOMINEE_BOT", field: "nominee", message: `${nominee.displayName} is a bot: wow moments are for people.` };
  }
  if (!nominee.active) {
    return {
      code: "NOMINATION.NOMINEE_INACTIVE",
      field: "nominee",
      message: `${nominee.displayName}'s account is deactivated, so they can't be nominated.`,
    };
  }
  return null;
}

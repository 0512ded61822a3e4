// What a button asks for, platform-neutral: views put these on buttons, each adapter encodes and reads them back
// through CHAT_ACTIONS (the one table of actions), and src/chat/actions.ts handles them. A new button is a row here
// and a case in src/chat/actions.ts: both adapters follow the table.
import type { FormKind } from "./forms.js";

interface ActionSpec {
  /** The one id the action carries (its subject), or null. */
  id: string | null;
  /** The form the action answers with, when it opens one (Teams opens it as a dialog straight from the button). */
  opens?: FormKind;
}

export const CHAT_ACTIONS = {
  "nomination.second": { id: "nominationId" },
  /** "Score this interaction": the quick-score form prefilled from the nomination (leads). */
  "nomination.score": { id: "nominationId", opens: "form.score" },
  "nomination.retract": { id: "nominationId" },
  "nomination.remove": { id: "nominationId" },
  /** "Request a paid day off": the form. */
  "pto.request": { id: null, opens: "form.paid_day" },
  "pto.cancel": { id: "requestId" },
  "pto.approve": { id: "requestId" },
  "pto.decline": { id: "requestId" },
  "attendance.delete": { id: "occurrenceId" },
  /** "Score" on a blind calibration's invitation: the calibration form (its participants only). */
  "calibration.score": { id: "calibrationId", opens: "form.calibration" },
  /** A customer-voiced wow candidate: the agent's team leads and admins decide. */
  "candidate.recognise": { id: "candidateId" },
  "candidate.dismiss": { id: "candidateId" },
  /** On the agent's score DM: "Ask for a review" (the form) and "Seen" (PRODUCT.md §9, "Reviews"). */
  "score.review": { id: "scoreId", opens: "form.review" },
  "score.seen": { id: "scoreId" },
  /** On a review request: Uphold, and Rescore (the quick-score form prefilled, carrying the review). */
  "review.uphold": { id: "reviewId" },
  "review.rescore": { id: "reviewId", opens: "form.score" },
} as const satisfies Record<string, ActionSpec>;

type Actions = typeof CHAT_ACTIONS;
export type ChatActionKind = keyof Actions;

export type ChatAction = {
  [K in ChatActionKind]: Actions[K]["id"] extends string ? { kind: K } & { [F in Actions[K]["id"]]: string } : { kind: K };
}[ChatActionKind];

export const CHAT_ACTION_KINDS = Object.keys(CHAT_ACTIONS) as ChatActionKind[];

const isKind = (kind: string): kind is ChatActionKind => Object.hasOwn(CHAT_ACTIONS, kind);

/** The id an action carries ("" for none). */
export function actionSubject(action: ChatAction): string {
  const field: string | null = CHAT_ACTIONS[action.kind].id;
  return field ? ((action as unknown as Record<string, string>)[field] ?? "") : "";
}

/** The id field of an action kind, or null. */
export const actionIdField = (kind: ChatActionKind): string | null => CHAT_ACTIONS[kind].id;

/** The form an action kind opens, if it opens one. */
export const actionOpens = (kind: ChatActionKind): FormKind | null => {
  const spec: ActionSpec = CHAT_ACTIONS[kind];
  return spec.opens ?? null;
};

/** The action of a kind and its id as a platform sent them back (any id: the use case finds it or says so). */
export function chatActionOf(kind: string, id: string): ChatAction | null {
  if (!isKind(kind)) return null;
  const field: string | null = CHAT_ACTIONS[kind].id;
  return (field ? { kind, [field]: id } : { kind }) as ChatAction;
}

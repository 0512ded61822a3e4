// What a button asks for, platform-neutral: views put these on buttons, each adapter encodes and reads them back,
// and src/chat/actions.ts handles them.

export type ChatAction =
  | { kind: "nomination.second"; nominationId: string }
  /** "Score this interaction": the quick-score form prefilled from the nomination (leads). */
  | { kind: "nomination.score"; nominationId: string }
  | { kind: "nomination.retract" | "nomination.remove"; nominationId: string }
  /** "Request a paid day off": the form. */
  | { kind: "pto.request" }
  | { kind: "pto.cancel"; requestId: string }
  | { kind: "pto.approve" | "pto.decline"; requestId: string }
  | { kind: "attendance.delete"; occurrenceId: string };

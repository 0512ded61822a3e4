// Every message a change owes a chat platform, as one typed union, and every dedupe key, built here and nowhere else.
// A producer writes a message and its key in the same transaction as its change (the outbox); the view source reads the
// message back to build the view from current state. Keys say "this message, once": a producer's retry, a rerun job or
// a replica writes the same key and nothing is sent twice.

/** Where an outbox message goes. */
export type OutboxTarget =
  | { kind: "channel"; channel: string }
  | { kind: "dm"; platformUserId: string }
  | { kind: "ephemeral"; channel: string; platformUserId: string }
  /** Replace a message sent earlier, identified by that message's dedupe key. */
  | { kind: "update"; of: string };

export interface OutboxEntry {
  workspaceId: string;
  target: OutboxTarget;
  /** What to show, rendered when delivered so it shows current state. */
  payload: OutboxMessage;
  dedupeKey: string;
}

/** A closed period, as an attendance post names it. */
export interface ClosedPeriodRef {
  start: string;
  end: string;
}

/** The settings a lost channel can clear. */
export type ChannelSetting = "recognitionChannel" | "leadsChannel";

export type OutboxMessage =
  /** The recognition post of a nomination (also its updates: a second, a retraction, a removal). */
  | { view: "nomination.post"; nominationId: string }
  | { view: "nomination.nominee_dm"; nominationId: string }
  | { view: "score.agent_dm"; scoreId: string }
  /** A ledger entry's DM to its member, by the entry's own dedupe key. */
  | { view: "pto.ledger_dm"; entryKey: string }
  /** A paid-day request before the leads (also the post's update once decided or cancelled). */
  | { view: "pto.request"; requestId: string }
  | { view: "pto.outcome"; requestId: string }
  | { view: "attendance.post"; workspaceId: string; date: string; closed: ClosedPeriodRef | null }
  /** The workspace's digest, or a team's (`teamId`). */
  | { view: "digest"; workspaceId: string; day: string; closePending?: boolean; teamId?: string }
  | { view: "channels.lost"; channels: string[]; cleared: ChannelSetting[] }
  /** A lead's invitation to a blind calibration, with its Score button. */
  | { view: "calibration.invite"; calibrationId: string }
  /** A revealed calibration's comparison, to each lead taking part. */
  | { view: "calibration.reveal"; calibrationId: string }
  /** A customer-voiced wow before the agent's leads (also its updates once decided or expired). */
  | { view: "candidate.card"; candidateId: string }
  /** A recognised candidate: the "from a customer" post, and the agent's DM. */
  | { view: "candidate.post"; candidateId: string }
  | { view: "candidate.agent_dm"; candidateId: string }
  /** An agent's request to review a score, before its reviewers (also its updates once decided). */
  | { view: "review.request"; reviewId: string }
  /** The agent's DM once their review was decided (upheld or rescored). */
  | { view: "review.outcome"; reviewId: string };

export type OutboxView = OutboxMessage["view"];

/** Where a target is, as part of a key: one message per target. */
export function targetKey(t: OutboxTarget): string {
  return t.kind === "channel"
    ? `channel:${t.channel}`
    : t.kind === "dm"
      ? `dm:${t.platformUserId}`
      : t.kind === "ephemeral"
        ? `ephemeral:${t.platformUserId}`
        : t.kind;
}

/** The dedupe keys of outbox messages (and of the ledger entries whose DMs are keyed after them). */
export const outboxKey = {
  nominationPost: (nominationId: string) => `nomination:${nominationId}:post`,
  nominationChange: (nominationId: string, change: string) => `nomination:${nominationId}:${change}`,
  nominationSeconded: (nominationId: string, memberId: string) => `nomination:${nominationId}:seconded:${memberId}`,
  nomineeDm: (nominationId: string) => `nomination:${nominationId}:nominee_dm`,
  scoreDm: (scoreId: string) => `score:${scoreId}:agent_dm`,
  /** The DM of a ledger entry: its own key, prefixed. */
  ledgerDm: (entryKey: string) => `pto:${entryKey}`,
  /** A request's post to the leads channel ("channel") or to one lead (their platform user id). */
  requestPost: (requestId: string, to: string) => `pto-request:${requestId}:to:${to}`,
  /** The prefix every post of one request shares, to update them all in place. */
  requestPosts: (requestId: string) => `pto-request:${requestId}:to:`,
  requestOutcome: (requestId: string) => `pto-request:${requestId}:outcome`,
  attendancePost: (workspaceId: string, day: string) => `attendance-post:${workspaceId}:${day}`,
  /** A team's digest has the team in its key: a lead of two teams gets both. */
  digest: (workspaceId: string, day: string, target: OutboxTarget, teamId?: string) =>
    `digest:${workspaceId}:${day}:${teamId ? `team:${teamId}:` : ""}${targetKey(target)}`,
  channelsLost: (workspaceId: string, channels: readonly string[], minute: string, target: OutboxTarget) =>
    `channels-lost:${workspaceId}:${[...channels].sort().join(",")}:${minute}:${targetKey(target)}`,
  /** A wow candidate's card to one lead (their platform user id) or to the leads channel ("channel"). */
  candidateCard: (candidateId: string, to: string) => `candidate:${candidateId}:to:${to}`,
  /** The prefix every card of one candidate shares, to update them all in place. */
  candidateCards: (candidateId: string) => `candidate:${candidateId}:to:`,
  candidatePost: (candidateId: string) => `candidate:${candidateId}:post`,
  candidateAgentDm: (candidateId: string) => `candidate:${candidateId}:agent_dm`,
  /** A score review's request to one reviewer (their platform user id). */
  reviewRequest: (reviewId: string, to: string) => `review:${reviewId}:to:${to}`,
  /** The prefix every request post of one review shares, to update them all in place. */
  reviewRequests: (reviewId: string) => `review:${reviewId}:to:`,
  reviewOutcome: (reviewId: string) => `review:${reviewId}:outcome`,
  /** A calibration's invitation to one participant (member id), and its comparison to them once revealed. */
  calibrationInvite: (calibrationId: string, memberId: string) => `calibration:${calibrationId}:invite:${memberId}`,
  calibrationReveal: (calibrationId: string, memberId: string) => `calibration:${calibrationId}:reveal:${memberId}`,
  /** An update of an earlier message (a decision, a cancellation): that message's key and what changed. */
  update: (of: string, change: string) => `${of}:${change}`,
} as const;

/** The dedupe keys of ledger entries: each entry once, whatever reruns and retries (and its DM keyed after it). */
export const ledgerKey = {
  /** A period close's credit. Digest figures tell these apart from other credits by this prefix. */
  closeCreditPrefix: "credit:",
  closeCredit: (resultId: string) => `credit:${resultId}`,
  /** A correction of a closed period by an occurrence recorded or deleted later. */
  correction: (kind: "reversal" | "late-credit" | "retier", resultId: string, occurrenceId: string, change: string) =>
    `${kind}:${resultId}:${occurrenceId}:${change}`,
  redemption: (requestId: string) => `redemption:${requestId}`,
  /** A member's opening balance from a roster import: once per member, whatever the imports. */
  openingBalance: (memberId: string) => `adjustment:opening:${memberId}`,
  /** An admin's adjustment, once per command (its request key). */
  adjustment: (requestKey: string) => `adjustment:${requestKey}`,
} as const;

/** The messages, built: producers name what they owe, never spell a view by hand. */
export const outboxMessage = {
  nominationPost: (nominationId: string): OutboxMessage => ({ view: "nomination.post", nominationId }),
  nomineeDm: (nominationId: string): OutboxMessage => ({ view: "nomination.nominee_dm", nominationId }),
  scoreDm: (scoreId: string): OutboxMessage => ({ view: "score.agent_dm", scoreId }),
  ledgerDm: (entryKey: string): OutboxMessage => ({ view: "pto.ledger_dm", entryKey }),
  ptoRequest: (requestId: string): OutboxMessage => ({ view: "pto.request", requestId }),
  ptoOutcome: (requestId: string): OutboxMessage => ({ view: "pto.outcome", requestId }),
  attendancePost: (workspaceId: string, date: string, closed: ClosedPeriodRef | null): OutboxMessage => ({
    view: "attendance.post",
    workspaceId,
    date,
    closed,
  }),
  digest: (workspaceId: string, day: string, closePending: boolean, teamId?: string): OutboxMessage => ({
    view: "digest",
    workspaceId,
    day,
    ...(closePending ? { closePending } : {}),
    ...(teamId ? { teamId } : {}),
  }),
  channelsLost: (channels: string[], cleared: ChannelSetting[]): OutboxMessage => ({ view: "channels.lost", channels, cleared }),
  calibrationInvite: (calibrationId: string): OutboxMessage => ({ view: "calibration.invite", calibrationId }),
  calibrationReveal: (calibrationId: string): OutboxMessage => ({ view: "calibration.reveal", calibrationId }),
  candidateCard: (candidateId: string): OutboxMessage => ({ view: "candidate.card", candidateId }),
  candidatePost: (candidateId: string): OutboxMessage => ({ view: "candidate.post", candidateId }),
  candidateAgentDm: (candidateId: string): OutboxMessage => ({ view: "candidate.agent_dm", candidateId }),
  reviewRequest: (reviewId: string): OutboxMessage => ({ view: "review.request", reviewId }),
  reviewOutcome: (reviewId: string): OutboxMessage => ({ view: "review.outcome", reviewId }),
} as const;

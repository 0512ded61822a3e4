// Submit a wow nomination: every rule of PRODUCT.md §1, then the nomination and the messages it owes (channel
// post and nominee DM) written in one transaction.

import { humanDuration, localDayBounds } from "../domain/local-time.js";
import { checkParties, DUPLICATE_WINDOW_MS, type NominationDraft, validateDraft } from "../domain/nomination.js";
import type { MemberRecord, NominationRecord, WorkspaceRecord } from "../domain/records.js";
import { type DomainError, fail, ok, type Result } from "../domain/result.js";
import { recognitionChannel } from "./audience.js";
import type { OutboxEntry } from "./outbox-messages.js";
import { outboxKey, outboxMessage } from "./outbox-messages.js";
import type { Ports } from "./ports.js";

export interface SubmitNominationInput {
  workspace: WorkspaceRecord;
  nominator: MemberRecord;
  nominee: MemberRecord;
  draft: NominationDraft;
  /** The channel where the command was used: the post goes there when no recognition channel is set. */
  sourceChannel: string | null;
  /** Identity of the platform request; a retried request returns the nomination it already created. */
  requestKey: string | null;
}

export interface SubmittedNomination {
  nomination: NominationRecord;
  /** True when this request had already been handled (a platform retry or a double click). */
  replayed: boolean;
  postChannel: string | null;
}

export async function submitNomination(ports: Ports, input: SubmitNominationInput): Promise<Result<SubmittedNomination, DomainError>> {
  const { workspace, nominator, nominee, requestKey } = input;
  const postChannel = recognitionChannel(workspace, input.sourceChannel);
  if (requestKey) {
    const existing = await ports.nominations.findByRequestKey(requestKey);
    if (existing) return ok({ nomination: existing, replayed: true, postChannel });
  }
  const [invalid] = validateDraft(input.draft);
  if (invalid) return fail(invalid);
  const refused = checkParties(nominator, nominee);
  if (refused) return fail(refused);

  const now = ports.clock.now();
  const story = input.draft.story.trim();
  const reference = input.draft.reference?.trim() || null;
  return ports.nominations.inNominatorLock(workspace.id, nominator.id, async (tx) => {
    const timezone = nominator.timezone ?? workspace.timezone;
    const { start, end } = localDayBounds(now, timezone);
    const limit = workspace.settings.nominationsPerDay;
    if ((await tx.countSince(nominator.id, start)) >= limit) {
      return fail({
        code: "NOMINATION.DAILY_LIMIT",
        message: `You've made ${limit} ${limit === 1 ? "nomination" : "nominations"} today, the most allowed per day. You can nominate again at midnight (${timezone}), in ${humanDuration(end.getTime() - now.getTime())}.`,
      });
    }
    const duplicate = await tx.findDuplicate({
      nominatorId: nominator.id,
      nomineeId: nominee.id,
      reference,
      story,
      since: new Date(now.getTime() - DUPLICATE_WINDOW_MS),
    });
    if (duplicate) {
      const what = reference ? `for ${reference}` : "with the same story";
      return fail({
        code: "NOMINATION.DUPLICATE",
        message: `You already nominated ${nominee.displayName} ${what} in the last 24 hours (${humanDuration(now.getTime() - duplicate.createdAt.getTime())} ago).`,
      });
    }
    const nomination = await tx.create({
      workspaceId: workspace.id,
      nomineeId: nominee.id,
      nominatorId: nominator.id,
      reference,
      story,
      behaviours: [...new Set(input.draft.behaviours)],
      sourceChannel: input.sourceChannel,
      requestKey,
      createdAt: now,
    });
    await tx.enqueue(nominationMessages(nomination, nominee, postChannel), now);
    return ok({ nomination, replayed: false, postChannel });
  });
}

/** The post in the recognition channel and the nominee's DM. The nominator's confirmation is the reply itself. */
function nominationMessages(n: NominationRecord, nominee: MemberRecord, postChannel: string | null): OutboxEntry[] {
  const messages: OutboxEntry[] = [];
  if (postChannel) {
    messages.push({
      workspaceId: n.workspaceId,
      target: { kind: "channel", channel: postChannel },
      payload: outboxMessage.nominationPost(n.id),
      dedupeKey: outboxKey.nominationPost(n.id),
    });
  }
  messages.push({
    workspaceId: n.workspaceId,
    target: { kind: "dm", platformUserId: nominee.platformUserId },
    payload: outboxMessage.nomineeDm(n.id),
    dedupeKey: outboxKey.nomineeDm(n.id),
  });
  return messages;
}

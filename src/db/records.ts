// Prisma rows to the plain records use cases work with (src/app/ports.ts): the core never sees Prisma types.

import type { BehaviourId } from "../domain/nomination.js";
import type { MemberRecord, NominationRecord, WorkspaceRecord } from "../domain/records.js";
import { readSettings } from "../domain/settings.js";
import type { Member, Nomination, Workspace } from "../generated/prisma/client.js";

export function toWorkspaceRecord(w: Workspace): WorkspaceRecord {
  return {
    id: w.id,
    platform: w.platform,
    externalId: w.externalId,
    name: w.name,
    timezone: w.timezone,
    settings: readSettings(w.settings).settings,
    createdAt: w.createdAt,
  };
}

export function toMemberRecord(m: Member): MemberRecord {
  return {
    id: m.id,
    workspaceId: m.workspaceId,
    platformUserId: m.platformUserId,
    displayName: m.displayName,
    email: m.email,
    role: m.role,
    active: m.active,
    isBot: m.isBot,
    isGuest: m.isGuest,
    isExternal: m.isExternal,
    timezone: m.timezone,
    platformAccountId: m.platformAccountId,
  };
}

export function toNominationRecord(n: Nomination): NominationRecord {
  return {
    id: n.id,
    workspaceId: n.workspaceId,
    nomineeId: n.nomineeId,
    nominatorId: n.nominatorId,
    reference: n.reference,
    story: n.story,
    behaviours: n.behaviours as BehaviourId[],
    status: n.status,
    sourceChannel: n.sourceChannel,
    createdAt: n.createdAt,
  };
}

/** How views name a person: their platform id (for mentions) and display name. */
export const toPersonRef = (m: { platformUserId: string; displayName: string }) => ({ platformUserId: m.platformUserId, displayName: m.displayName });

/** Ids arrive in button values and API bodies that anyone can forge: a malformed one finds nothing (not a 500). */
export const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

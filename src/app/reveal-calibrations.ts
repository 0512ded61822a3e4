// Revealing blind calibrations: the comparison to each lead taking part (never to the agent), once, whether the last
// score or the deadline reveals it. The deadline's reveal runs every minute (src/jobs/calibration.job.ts).
import type { CalibrationRecord, CalibrationStore } from "./calibration.ports.js";
import { type OutboxEntry, outboxKey, outboxMessage } from "./outbox-messages.js";
import type { Ports } from "./ports.js";

/** The comparison DMs of a revealed calibration: one per participant. */
export function revealMessages(c: CalibrationRecord): OutboxEntry[] {
  return c.participants.map((p) => ({
    workspaceId: c.workspaceId,
    target: { kind: "dm", platformUserId: p.platformUserId },
    payload: outboxMessage.calibrationReveal(c.id),
    dedupeKey: outboxKey.calibrationReveal(c.id, p.memberId),
  }));
}

/** How many calibrations one run reveals at most; the next minute takes the rest. */
const REVEAL_BATCH = 100;

/** Reveals every calibration whose deadline has passed; returns how many this run revealed (a replica may race it). */
export async function revealDueCalibrations(ports: Pick<Ports, "clock"> & { calibrations: CalibrationStore }, now = ports.clock.now()): Promise<number> {
  let revealed = 0;
  for (const id of await ports.calibrations.dueForReveal(now, REVEAL_BATCH)) {
    if (await ports.calibrations.reveal(id, now, revealMessages)) revealed++;
  }
  return revealed;
}

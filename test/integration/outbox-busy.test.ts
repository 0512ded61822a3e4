// Outbox delivery steps aside while the process is busy answering people: one small batch per run instead of
// draining the queue, and the rest once the burst has passed. Real database, real outbox repository.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELIVERY_BATCH, DELIVERY_CONCURRENCY, deliverOutbox } from "../../src/app/deliver-outbox.js";
import type { ChatSender } from "../../src/app/outbox.ports.js";
import { outboxMessage } from "../../src/app/outbox-messages.js";
import { enqueueOutbox, OutboxRepository } from "../../src/db/outbox.repository.js";
import { WorkspaceRepository } from "../../src/db/workspace.repository.js";
import type { WorkspaceRecord } from "../../src/domain/records.js";
import { notice } from "../../src/views/notice.js";
import { openTestDatabase, type TestDatabase } from "../support/db-fixture.js";

describe("outbox delivery under load", () => {
  let t: TestDatabase;
  let workspace: WorkspaceRecord;
  const sent: string[] = [];
  const sender: ChatSender = {
    async send(_workspace, target) {
      sent.push(target.kind === "channel" ? target.channel : "?");
      return { status: "sent", ref: null };
    },
  };

  beforeAll(async () => {
    t = await openTestDatabase();
    const workspaces = new WorkspaceRepository(t.db);
    workspace = await workspaces.ensure({ platform: "slack", externalId: "T_BUSY", name: "Busy", timezone: "UTC" });
    const at = new Date("2026-11-23T10:00:00Z");
    const messages = Array.from({ length: 3 * DELIVERY_BATCH }, (_, i) => ({
      workspaceId: workspace.id,
      target: { kind: "channel" as const, channel: `C${i}` },
      payload: outboxMessage.nominationPost("n-test"),
      dedupeKey: `busy:${i}`,
    }));
    expect(await enqueueOutbox(t.db, messages, at)).toBe(3 * DELIVERY_BATCH);
  });
  afterAll(() => t.close());

  it("sends one small batch per run while busy, and everything once it is not", async () => {
    const outbox = new OutboxRepository(t.db);
    let busy = true;
    const ports = {
      outbox,
      views: { build: async () => notice("info", "hello") },
      senders: { slack: sender },
      workspaces: new WorkspaceRepository(t.db),
      busy: () => busy,
    };
    const now = new Date("2026-11-23T10:00:01Z");
    expect(await deliverOutbox(ports, now)).toEqual({ sent: DELIVERY_CONCURRENCY, retried: 0, failed: 0 });
    expect(await deliverOutbox(ports, now)).toEqual({ sent: DELIVERY_CONCURRENCY, retried: 0, failed: 0 });
    expect(await outbox.depth()).toBe(3 * DELIVERY_BATCH - 2 * DELIVERY_CONCURRENCY);

    busy = false;
    expect((await deliverOutbox(ports, now)).sent).toBe(3 * DELIVERY_BATCH - 2 * DELIVERY_CONCURRENCY);
    expect(await outbox.depth()).toBe(0);
    // Each once.
    expect([...sent].sort()).toEqual(Array.from({ length: 3 * DELIVERY_BATCH }, (_, i) => `C${i}`).sort());
  });
});

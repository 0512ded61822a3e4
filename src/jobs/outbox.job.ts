// The outbox job: every second, delivers the messages owed to Slack and Teams (src/app/deliver-outbox.ts).
import { type DeliveryPorts, deliverOutbox } from "../app/deliver-outbox.js";
import type { Job } from "./scheduler.js";

export const OUTBOX_JOB = "outbox";

export function outboxJob(ports: DeliveryPorts): Job {
  return {
    name: OUTBOX_JOB,
    // Every second: a recognition post should appear while the person who sent it is still looking.
    schedule: "* * * * * *",
    run: async (now) => void (await deliverOutbox(ports, now)),
  };
}

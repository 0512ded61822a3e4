// The candidates job: every minute, expires the customer-voiced wow candidates nobody decided in 14 days (their cards
// then say so, and the digest stops listing them).
import { expireCandidates } from "../app/decide-candidate.js";
import type { FeedbackStore } from "../app/feedback.ports.js";
import type { Job } from "./scheduler.js";

export const CANDIDATES_JOB = "candidates";

export function candidatesJob(ports: { feedback: Pick<FeedbackStore, "expireCandidates"> }): Job {
  return { name: CANDIDATES_JOB, schedule: "* * * * *", run: async (now) => void (await expireCandidates(ports, now)) };
}

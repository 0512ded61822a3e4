// Workspace settings: one zod schema with the defaults of PRODUCT.md. Stored as JSON; missing keys take defaults.
import { z } from "zod";

/** ISO weekday numbers: 1 = Monday ... 7 = Sunday. */
const weekday = z.number().int().min(1).max(7);
const HOURS_MESSAGE = "must be a number of hours above 0 and up to 1000, in steps of 0.01";
const hours = z.number({ error: HOURS_MESSAGE }).gt(0, HOURS_MESSAGE).max(1000, HOURS_MESSAGE).multipleOf(0.01, HOURS_MESSAGE);
const POINTS_MESSAGE = "must be a number of points from 0 to 10";
const points = z.number({ error: POINTS_MESSAGE }).min(0, POINTS_MESSAGE).max(10, POINTS_MESSAGE);
const PERCENT_MESSAGE = "must be a percentage from 0 to 100";
const percentage = z.number({ error: PERCENT_MESSAGE }).min(0, PERCENT_MESSAGE).max(100, PERCENT_MESSAGE);
const RISK_MESSAGE = "must be a number of points from 0 to 100";
const slackOrTeamsChannel = z.string().min(1).max(200);
/** A whole number in a range, with a message a person can act on (NaN from an empty input included). */
const whole = (min: number, max: number) => {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.number({ error: message }).int(message).min(min, message).max(max, message);
};

export const ATTENDANCE_PERIODS = ["week", "two-week", "month"] as const;
export type AttendancePeriodKind = (typeof ATTENDANCE_PERIODS)[number];

export const scoreWeightsSchema = z
  .object({
    connection: whole(0, 100),
    rapport: whole(0, 100),
    unstatedNeeds: whole(0, 100),
    wow: whole(0, 100),
  })
  .refine((w) => w.connection + w.rapport + w.unstatedNeeds + w.wow === 100, {
    message: "question weights must add up to 100",
  });

export const settingsSchema = z.object({
  /** Where recognition posts go; null: the channel where the command was used. */
  recognitionChannel: slackOrTeamsChannel.nullable().default(null),
  /** Where digests and paid-day requests go; null: each lead by DM. */
  leadsChannel: slackOrTeamsChannel.nullable().default(null),
  /** Local time of the daily digest and attendance post, HH:MM (24 h). */
  digestTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "digest time must be HH:MM, 24-hour")
    .default("09:00"),
  workdays: z
    .array(weekday)
    .min(1, "choose at least one workday")
    .refine((d) => new Set(d).size === d.length, "workdays must not repeat")
    .default([1, 2, 3, 4, 5]),
  attendancePeriod: z.enum(ATTENDANCE_PERIODS).default("week"),
  pointsPerType: z
    .object({
      absence: points,
      late: points,
      excused: points,
    })
    .default({ absence: 1, late: 1, excused: 0 }),
  /** Hours credited for the 1st, 2nd, ... consecutive clean period; the last tier repeats. */
  rewardTiers: z.array(hours).min(1, "at least one tier").max(12, "at most 12 tiers").default([2, 3, 4]),
  hoursPerPaidDay: hours.max(24, "must be at most 24 hours").default(8),
  /** Balance above which credits stop; null: no cap. */
  accrualCapHours: hours.nullable().default(null),
  scoreGoal: whole(0, 100).default(80),
  scoreWeights: scoreWeightsSchema.default({ connection: 25, rapport: 25, unstatedNeeds: 25, wow: 25 }),
  /** Personal service level target, percent of available time in customer-facing communication. */
  serviceLevelTarget: percentage.default(80),
  /** Seconds a chat may stay open after the customer left before the digest lists it as idle. */
  idleChatThresholdSeconds: whole(1, 86_400).default(120),
  nominationsPerDay: whole(1, 100).default(5),
  /** Attendance points at or above which the digest lists a member as at risk. */
  riskThresholdPoints: z.number({ error: RISK_MESSAGE }).min(0, RISK_MESSAGE).max(100, RISK_MESSAGE).default(3),
});

export type WorkspaceSettings = z.infer<typeof settingsSchema>;

/** Settings with every default filled: what a new workspace starts with. */
export const defaultSettings: WorkspaceSettings = settingsSchema.parse({});

/**
 * Reads stored settings. A stored value that no longer validates (an older release, a hand edit) falls back to its
 * default rather than taking the workspace down; `invalid` lists those keys so callers can report them.
 */
export function readSettings(stored: unknown): { settings: WorkspaceSettings; invalid: string[] } {
  const input = stored && typeof stored === "object" && !Array.isArray(stored) ? { ...(stored as Record<string, unknown>) } : {};
  const invalid: string[] = [];
  for (;;) {
    const parsed = settingsSchema.safeParse(input);
    if (parsed.success) return { settings: parsed.data, invalid };
    const keys = new Set(parsed.error.issues.map((i) => String(i.path[0] ?? "")));
    for (const key of keys) {
      if (!(key in input)) return { settings: defaultSettings, invalid: [...invalid, ...keys] };
      delete input[key];
      invalid.push(key);
    }
  }
}

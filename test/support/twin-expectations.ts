// What the database must hold after the same input on Slack and on Teams: the twins assert these same rows, so the
// two platforms are held to one set of rules.

/** The score stored for CALL-1001 scored connection 1, rapport yes, unstated needs partly, wow n.a., by phone. */
export const SCORED_CALL_1001 = {
  score: 67,
  connectionAttempts: 1,
  rapport: "yes",
  unstatedNeeds: "partly",
  wow: "na",
  channel: "phone",
  reference: "CALL-1001",
};

/** The weights stored with every score while the workspace keeps the default (equal) weights. */
export const EQUAL_WEIGHTS = { connection: 25, rapport: 25, unstatedNeeds: 25, wow: 25 };

/** The workspace settings stored from the settings tests' full form, with its leads channel. */
export const fullFormSettings = (leadsChannel: string) => ({
  leadsChannel,
  digestTime: "08:30",
  workdays: [1, 2, 3, 4, 6],
  attendancePeriod: "two-week",
  pointsPerType: { absence: 2, late: 0.5, excused: 0 },
  rewardTiers: [2, 4, 6.5],
  hoursPerPaidDay: 7.5,
  accrualCapHours: 40,
});

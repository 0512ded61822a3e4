// Workspace settings: PRODUCT.md's defaults, validation that names the problem, tolerant reads of stored JSON.
import { describe, expect, it } from "vitest";
import { defaultSettings, readSettings, settingsSchema } from "../../../src/domain/settings.js";

describe("workspace settings", () => {
  it("defaults to PRODUCT.md's values", () => {
    expect(defaultSettings).toEqual({
      recognitionChannel: null,
      leadsChannel: null,
      digestTime: "09:00",
      workdays: [1, 2, 3, 4, 5],
      attendancePeriod: "week",
      pointsPerType: { absence: 1, late: 1, excused: 0 },
      rewardTiers: [2, 3, 4],
      hoursPerPaidDay: 8,
      accrualCapHours: null,
      scoreGoal: 80,
      scoreWeights: { connection: 25, rapport: 25, unstatedNeeds: 25, wow: 25 },
      serviceLevelTarget: 80,
      idleChatThresholdSeconds: 120,
      nominationsPerDay: 5,
      riskThresholdPoints: 3,
    });
  });

  it("refuses question weights that do not add up to 100", () => {
    const r = settingsSchema.safeParse({ scoreWeights: { connection: 40, rapport: 25, unstatedNeeds: 25, wow: 25 } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("question weights must add up to 100");
  });

  it("refuses a malformed digest time, repeated workdays and reward hours finer than a hundredth", () => {
    expect(settingsSchema.safeParse({ digestTime: "9am" }).error?.issues[0]?.message).toBe("digest time must be HH:MM, 24-hour");
    expect(settingsSchema.safeParse({ workdays: [1, 1] }).success).toBe(false);
    expect(settingsSchema.safeParse({ rewardTiers: [2.005] }).success).toBe(false);
    expect(settingsSchema.safeParse({ rewardTiers: [2.25, 3.5] }).success).toBe(true);
  });

  it("reads stored JSON with defaults filled, and falls back per key when a stored value no longer validates", () => {
    const { settings, invalid } = readSettings({ scoreGoal: 90, digestTime: "25:00", nominationsPerDay: 3 });
    expect(settings.scoreGoal).toBe(90);
    expect(settings.nominationsPerDay).toBe(3);
    expect(settings.digestTime).toBe("09:00");
    expect(invalid).toEqual(["digestTime"]);
    expect(readSettings(null).settings).toEqual(defaultSettings);
    expect(readSettings([1, 2]).settings).toEqual(defaultSettings);
  });
});

// When a workspace's day is due: at or after its local digest time on a workday, in its own time zone.
import { describe, expect, it } from "vitest";
import { dueLocalDay } from "../../../src/domain/schedule.js";

const settings = { digestTime: "09:00", workdays: [1, 2, 3, 4, 5] };

describe("dueLocalDay", () => {
  it.each([
    ["before the digest time", "2026-03-02T08:59:00Z", "UTC", null],
    ["at the digest time", "2026-03-02T09:00:00Z", "UTC", "2026-03-02"],
    ["later that day (catching up after downtime)", "2026-03-02T23:59:00Z", "UTC", "2026-03-02"],
    ["on a Saturday", "2026-03-07T10:00:00Z", "UTC", null],
    ["in Los Angeles, by local time", "2026-03-02T16:59:00Z", "America/Los_Angeles", null],
    ["in Los Angeles at 09:00 local", "2026-03-02T17:00:00Z", "America/Los_Angeles", "2026-03-02"],
    ["in Los Angeles on the Monday after DST starts (UTC-7)", "2026-03-09T16:00:00Z", "America/Los_Angeles", "2026-03-09"],
    ["in Berlin on the Monday after DST starts (UTC+2)", "2026-03-30T07:00:00Z", "Europe/Berlin", "2026-03-30"],
    ["in Tokyo, 09:30 on Tuesday while UTC is still at 00:30", "2026-03-03T00:30:00Z", "Asia/Tokyo", "2026-03-03"],
  ])("%s", (_what, now, tz, expected) => {
    expect(dueLocalDay(new Date(now), tz, settings)).toBe(expected);
  });
});

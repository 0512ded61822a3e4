// Which day a digest covers and which days it notes as missed, across weekends and custom workdays.
import { describe, expect, it } from "vitest";
import { missedWorkdays, previousWorkday } from "../../../src/domain/digest.js";

const MON_FRI = [1, 2, 3, 4, 5];

describe("the digest's days", () => {
  it("covers the previous workday: Monday's digest covers Friday", () => {
    expect(previousWorkday("2026-03-16", MON_FRI)).toBe("2026-03-13");
    expect(previousWorkday("2026-03-17", MON_FRI)).toBe("2026-03-16");
    expect(previousWorkday("2026-03-16", [1])).toBe("2026-03-09");
    expect(previousWorkday("2026-03-15", [2, 4, 7])).toBe("2026-03-12");
  });

  it("notes workdays with no digest since the last one, never weekends or days before the workspace existed", () => {
    expect(missedWorkdays("2026-03-12", "2026-03-13", MON_FRI, "2026-01-01")).toEqual([]);
    expect(missedWorkdays("2026-03-12", "2026-03-17", MON_FRI, "2026-01-01")).toEqual(["2026-03-13", "2026-03-16"]);
    expect(missedWorkdays("2026-03-12", "2026-03-17", MON_FRI, "2026-03-16")).toEqual(["2026-03-16"]);
    expect(missedWorkdays(null, "2026-03-17", MON_FRI, "2026-01-01")).toEqual([]);
  });
});

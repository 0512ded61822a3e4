// When a workspace's daily jobs are due: at or after its local digest time on a workday, in its own time zone.
import { localDate } from "./local-time.js";
import { isoWeekday } from "./period.js";
import type { WorkspaceSettings } from "./settings.js";

const timeFormat = new Map<string, Intl.DateTimeFormat>();

/** "09:05" at an instant in a time zone. */
export function localTime(instant: Date, timeZone: string): string {
  let f = timeFormat.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone, hourCycle: "h23", hour: "2-digit", minute: "2-digit" });
    timeFormat.set(timeZone, f);
  }
  return f.format(instant);
}

/**
 * The local date whose daily run is due at `now`, or null. Due from the digest time to the end of a workday, so a
 * service that was down at digest time catches up when it starts later that same day.
 */
export function dueLocalDay(now: Date, timeZone: string, settings: Pick<WorkspaceSettings, "digestTime" | "workdays">): string | null {
  const today = localDate(now, timeZone);
  if (!settings.workdays.includes(isoWeekday(today))) return null;
  return localTime(now, timeZone) >= settings.digestTime ? today : null;
}

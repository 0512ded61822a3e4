// Local calendar dates and midnights in an IANA time zone, DST-safe, without a date library.

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(instant: Date, timeZone: string): Record<string, number> {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(instant)) if (p.type !== "literal") out[p.type] = Number(p.value);
  return out;
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (positive east of Greenwich). */
export function offsetMs(instant: Date, timeZone: string): number {
  const p = partsIn(instant, timeZone);
  const asUtc = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The local calendar date ("2026-03-29") of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  const p = partsIn(instant, timeZone);
  return `${String(p.year).padStart(4, "0")}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/** The local wall-clock time of an instant, as milliseconds of a UTC date with the same fields. */
const wallOf = (instant: number, timeZone: string) => Math.floor(instant / 1000) * 1000 + offsetMs(new Date(instant), timeZone);

/**
 * The instant a local wall-clock time happens; a time skipped by a DST jump maps to the instant of the jump, the
 * first that is at or after it. So a day whose midnight is skipped (America/Santiago, Havana, Asuncion start daylight
 * saving at 00:00) starts at 01:00 local, its first instant, not an hour into the day before.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  const wall = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0);
  // Two passes: the offset at the first guess can differ from the offset at the answer around a DST change.
  const first = wall - offsetMs(new Date(wall), timeZone);
  const second = wall - offsetMs(new Date(first), timeZone);
  if (wallOf(second, timeZone) === wall) return new Date(second);
  if (wallOf(first, timeZone) === wall) return new Date(first);
  // The wall time does not exist (skipped by the jump): the jump lies between the two guesses. Find the first second
  // whose wall time is at or after the one asked for.
  let lo = Math.min(first, second);
  let hi = Math.max(first, second);
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (wallOf(mid, timeZone) >= wall) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/** Adds days to a calendar date string. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** Start and end (exclusive) of the local day containing `instant`. */
export function localDayBounds(instant: Date, timeZone: string): { start: Date; end: Date } {
  const today = localDate(instant, timeZone);
  return { start: zonedInstant(today, "00:00", timeZone), end: zonedInstant(addDays(today, 1), "00:00", timeZone) };
}

/** "3 h 12 min", "45 min", "under a minute": for telling people when something resets. */
export function humanDuration(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  if (minutes < 1) return "under a minute";
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} h` : "", m ? `${m} min` : ""].filter(Boolean).join(" ");
}

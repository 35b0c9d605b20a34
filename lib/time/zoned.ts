import { boundedCache } from "@/lib/bounded-cache";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;

export type ParsedDateTime =
  | { kind: "instant"; instant: Date }
  | { kind: "wall"; wallAsUtcMs: number };

/** Parses an ISO 8601 date-time. Returns null for anything else, including a date without a time. */
export function parseIsoDateTime(value: string): ParsedDateTime | null {
  const match = ISO_DATE_TIME.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s = "0", fraction = "", zulu, sign, offH, offM = "0"] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const millis = Number(fraction.padEnd(3, "0").slice(0, 3));
  const wallAsUtcMs = utcMs(year, month - 1, day, hour, minute, second, millis);

  if (zulu) return { kind: "instant", instant: new Date(wallAsUtcMs) };
  if (sign) {
    const offsetMinutes = Number(offH) * 60 + Number(offM);
    if (Number(offH) > 23 || Number(offM) > 59) return null;
    const direction = sign === "+" ? 1 : -1;
    return { kind: "instant", instant: new Date(wallAsUtcMs - direction * offsetMinutes * MINUTE) };
  }
  return { kind: "wall", wallAsUtcMs };
}

// What PostgreSQL's timestamptz reads back from toUtcIso: four-digit years from 0001 (it has no year 0000,
// and a five-digit year comes out of toISOString with a sign). A parsed time can fall outside by its year,
// its offset or its zone ("0001-01-01T00:30:00+01:00" is in year 0000).
export const STORABLE_RANGE = { min: "0001-01-01T00:00:00Z", max: "9999-12-31T23:59:59Z" } as const;
const EARLIEST_STORABLE_MS = Date.parse(STORABLE_RANGE.min);
const LATEST_STORABLE_MS = Date.parse(STORABLE_RANGE.max) + 999; // to the end of its last second

/** Whether the instant is one the database stores: from STORABLE_RANGE.min to the end of STORABLE_RANGE.max's year. */
export const isStorableInstant = (instant: Date) =>
  instant.getTime() >= EARLIEST_STORABLE_MS && instant.getTime() <= LATEST_STORABLE_MS;

/** `Date.UTC`, except that years 0–99 stay literal (`Date.UTC` reads them as 1900–1999). */
function utcMs(year: number, monthIndex: number, day: number, hour = 0, minute = 0, second = 0, millis = 0): number {
  const date = new Date(Date.UTC(2000, 0, 1, hour, minute, second, millis));
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime();
}

function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month, 0)).getUTCDate();
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Zones IANA has renamed that ICU, and so Intl, still names the old way (CLDR keeps its identifiers stable):
 * a zone is stored and shown by today's name, which Intl accepts as well. Country-level names that IANA
 * made links (Europe/Bratislava) are names in their own right and stay.
 */
const renamedZones: Record<string, string> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

/** A zone identifier as Intl gives it, by IANA's current name (`Asia/Calcutta` → `Asia/Kolkata`). */
export const currentZoneName = (timeZone: string) => renamedZones[timeZone] ?? timeZone;

// Building an Intl.DateTimeFormat to ask was a twentieth of a POST /meetings; every request names a zone.
const cachedCanonicalZones = boundedCache<string | null>(2_000);

/** The canonical IANA name (`america/santiago` → `America/Santiago`, `ASIA/KOLKATA` → `Asia/Kolkata`), or null when the zone is unknown. */
export function canonicalTimeZone(timeZone: string): string | null {
  if (!timeZone || !/^[A-Za-z0-9_+\-/]+$/.test(timeZone)) return null;
  return cachedCanonicalZones(timeZone, () => {
    try {
      return currentZoneName(new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone);
    } catch {
      return null;
    }
  });
}

/** Whether two zone names name one zone: `Asia/Calcutta` (stored before the rename) is `Asia/Kolkata`, `US/Eastern` is `America/New_York`. */
export const isSameZone = (a: string, b: string) => a === b || (canonicalTimeZone(a) ?? a) === (canonicalTimeZone(b) ?? b);

/**
 * The zone as the caller spelled it, if valid: a different case of a canonical name is corrected
 * (`america/santiago` → `America/Santiago`), but a link such as `US/Eastern` or `EST` is kept, not
 * rewritten to its canonical target (`America/Panama` for `EST` baffles people). Null when unknown.
 */
export function timeZoneAsSpelled(timeZone: string): string | null {
  const canonical = canonicalTimeZone(timeZone);
  if (!canonical) return null;
  return canonical.toLowerCase() === timeZone.toLowerCase() ? canonical : timeZone;
}

/** Milliseconds to add to UTC to get wall-clock time in the zone at that instant. */
export function zoneOffsetMs(timeZone: string, instantMs: number): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instantMs));
  const field = (type: string) => Number(parts.find((part) => part.type === type)!.value);
  const wallMs = utcMs(field("year"), field("month") - 1, field("day"), field("hour"), field("minute"), field("second"));
  return wallMs - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The wall-clock time the instant shows in the zone, as a `datetime-local` value ("2027-03-14T02:15"),
 * whatever zone the process or browser runs in. (date-fns-tz's formatInTimeZone goes through a local Date,
 * so a wall time that does not exist in the browser's own zone, in its spring-forward gap, came out an hour late.)
 */
export function wallTimeOf(instant: Date, timeZone: string): string {
  return new Date(instant.getTime() + zoneOffsetMs(timeZone, instant.getTime())).toISOString().slice(0, 16);
}

/**
 * The instant at which clocks in `timeZone` show the given wall time (passed as if it were UTC).
 * RFC 5545 / Temporal "compatible": a time in a spring-forward gap is read with the offset before
 * the gap (so it lands later by the gap's length); a time that occurs twice is the earlier instant.
 */
export function wallTimeToInstant(wallAsUtcMs: number, timeZone: string): Date {
  return new Date(cachedInstants(`${timeZone}|${wallAsUtcMs}`, () => instantOfWallTime(wallAsUtcMs, timeZone)));
}

// Three or four formatToParts calls each, and every POST /meetings with a wall time makes one or two: a
// thirtieth of an idempotent replay's time. Meetings start on a few wall times (the hour, the half hour), so they repeat.
const cachedInstants = boundedCache<number>(5_000);

function instantOfWallTime(wallAsUtcMs: number, timeZone: string): number {
  return instantsOfWallTime(wallAsUtcMs, timeZone)[0] ?? wallAsUtcMs - zoneOffsetMs(timeZone, wallAsUtcMs - DAY);
}

/** Every instant at which the zone shows the wall time, earliest first: none in a gap, two where clocks go back over it. */
function instantsOfWallTime(wallAsUtcMs: number, timeZone: string): number[] {
  const offsetBefore = zoneOffsetMs(timeZone, wallAsUtcMs - DAY);
  const offsetAfter = zoneOffsetMs(timeZone, wallAsUtcMs + DAY);
  return [...new Set([offsetBefore, offsetAfter])]
    .map((offset) => wallAsUtcMs - offset)
    .filter((instant) => instant + zoneOffsetMs(timeZone, instant) === wallAsUtcMs)
    .sort((a, b) => a - b);
}

/**
 * When the zone shows a wall time twice (clocks go back over it): both instants, the earlier first. A wall
 * time without an offset is read as the first; the second must be sent as an instant. Null otherwise.
 */
export function wallTimeRepeats(wallAsUtcMs: number, timeZone: string): [Date, Date] | null {
  const instants = instantsOfWallTime(wallAsUtcMs, timeZone);
  return instants.length === 2 ? [new Date(instants[0]), new Date(instants[1])] : null;
}

/**
 * When a wall time does not exist in the zone (a spring-forward gap): the instant it is read as under the
 * RFC 5545 rule, and that instant's wall time. Null for a wall time that exists.
 */
export function wallTimeGap(wallAsUtcMs: number, timeZone: string): { instant: Date; shownWallMs: number } | null {
  const instant = wallTimeToInstant(wallAsUtcMs, timeZone);
  const shownWallMs = instant.getTime() + zoneOffsetMs(timeZone, instant.getTime());
  return shownWallMs === wallAsUtcMs ? null : { instant, shownWallMs };
}

export const wallClockText = (wallAsUtcMs: number) => new Date(wallAsUtcMs).toISOString().slice(11, 16);
export const wallDayText = (wallAsUtcMs: number) => new Date(wallAsUtcMs).toISOString().slice(0, 10);

/**
 * A gap as a sentence, e.g. "02:30 does not exist on 2026-03-08 in America/New_York; it is read as 03:30".
 * Null for a wall time that exists.
 */
export function gapNotice(wallAsUtcMs: number, timeZone: string): string | null {
  const gap = wallTimeGap(wallAsUtcMs, timeZone);
  if (!gap) return null;
  return `${wallClockText(wallAsUtcMs)} does not exist on ${wallDayText(wallAsUtcMs)} in ${timeZone}; it is read as ${wallClockText(gap.shownWallMs)}`;
}

/** Instants in responses: UTC with a `Z`, whole seconds as the spec shows. */
export function toUtcIso(instant: Date): string {
  return instant.toISOString().replace(/\.000Z$/, "Z");
}

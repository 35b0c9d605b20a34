import { boundedCache } from "@/lib/bounded-cache";
import { intlLocale, type Locale } from "@/lib/i18n/locales";
import { formatZoned } from "./format";

// Instants and ranges as a rep reads them, in their language and zone. English keeps the dashboard's
// established shapes ("Tue, Apr 21, 2026, 10:00 AM EDT", pinned against date-fns-tz); Spanish follows
// Intl's es-419 forms with a 24-hour clock and the zone by its generic name: "lun, 20 abr 2026, 10:00 (hora de Chile)".

export type InstantStyle = "full" | "medium" | "short" | "date";

const englishPatterns: Record<InstantStyle, string> = {
  full: "EEE, MMM d, yyyy, h:mm a zzz",
  medium: "MMM d, yyyy, h:mm a zzz",
  short: "MMM d, h:mm a zzz",
  date: "MMM d, yyyy",
};

const intlOptions: Record<InstantStyle | "weekdayDate" | "time", Intl.DateTimeFormatOptions> = {
  full: { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  medium: { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  short: { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  date: { day: "numeric", month: "short", year: "numeric" },
  weekdayDate: { weekday: "short", day: "numeric", month: "short", year: "numeric" },
  time: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
};

// Intl.DateTimeFormat is costly to build and the lead page formats hundreds of times: one per (locale, zone, style).
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, timeZone: string, style: keyof typeof intlOptions | "zone"): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let found = formatters.get(key);
  if (!found) {
    const options = style === "zone" ? { timeZoneName: "longGeneric" as const } : intlOptions[style];
    found = new Intl.DateTimeFormat(intlLocale[locale], { timeZone, ...options });
    formatters.set(key, found);
  }
  return found;
}

// A generic name ("hora oriental") names the zone, not the moment, so it is asked for at one fixed instant. At
// the moment itself, dates before a zone's metazone begins (about 1970 for most) fall back to a city name,
// which the server's ICU and the browser's spell differently ("hora de Nueva York" / "hora de New York"),
// and the page failed to hydrate.
const GENERIC_NAME_AT = new Date(Date.UTC(2026, 0, 1));
const genericNames = boundedCache<string>(2_000);

/** The zone's name in the rep's language: "hora de Chile", "hora oriental"; English keeps "EDT"-style abbreviations. */
export function zoneName(date: Date, timeZone: string, locale: Locale): string {
  if (locale === "en") return formatZoned(date, timeZone, "zzz");
  return genericNames(`${locale}|${timeZone}`, () =>
    formatter(locale, timeZone, "zone").formatToParts(GENERIC_NAME_AT).find((part) => part.type === "timeZoneName")?.value ?? timeZone);
}

/** A time of day with its UTC offset, which tells apart the two of a wall time clocks show twice: "1:30 AM GMT-4" / "01:30 GMT-4". */
export function formatTimeWithOffset(date: Date, timeZone: string, locale: Locale): string {
  const time = locale === "en" ? formatZoned(date, timeZone, "h:mm a") : formatter(locale, timeZone, "time").format(date);
  return `${time} ${utcOffset(date, timeZone, locale)}`;
}

/** One instant: "Tue, Apr 21, 2026, 10:00 AM EDT" / "mar, 21 abr 2026, 10:00 (hora oriental)". */
export function formatInstant(date: Date, timeZone: string, locale: Locale, style: InstantStyle): string {
  if (locale === "en") return formatZoned(date, timeZone, englishPatterns[style]);
  const text = formatter(locale, timeZone, style).format(date);
  return style === "date" ? text : `${text} (${zoneName(date, timeZone, locale)})`;
}

/**
 * A meeting's date and time range: { date: "Tue, Apr 21, 2026", time: "10:00 – 10:30 AM EDT" } or
 * { date: "mar, 21 abr 2026", time: "10:00–10:30 (hora oriental)" }. In English a range across a DST change
 * names the zone on both ends ("1:30 AM EDT – 1:00 AM EST"), else it reads backwards; an end in another year names its year.
 */
export function formatMeetingTime(startsAt: Date, endsAt: Date, timeZone: string, locale: Locale): Readonly<{ date: string; time: string }> {
  return meetingTimes(`${locale}|${timeZone}|${startsAt.getTime()}|${endsAt.getTime()}`, () =>
    Object.freeze(locale === "en" ? englishMeetingTime(startsAt, endsAt, timeZone) : intlMeetingTime(startsAt, endsAt, timeZone, locale)),
  );
}

// A card shows its range twice (its heading and its actions' labels), and a lead page's cards are rendered again
// on every visit: each range is worked out once (it was a twentieth of the lead page's server time).
const meetingTimes = boundedCache<Readonly<{ date: string; time: string }>>(5_000);

function englishMeetingTime(startsAt: Date, endsAt: Date, timeZone: string) {
  const same = (pattern: string) => formatZoned(startsAt, timeZone, pattern) === formatZoned(endsAt, timeZone, pattern);
  const sameDay = same("yyyy-MM-dd");
  const sameZone = same("zzz");
  const start = formatZoned(startsAt, timeZone, !sameZone ? "h:mm a zzz" : sameDay && same("a") ? "h:mm" : "h:mm a");
  const end = formatZoned(endsAt, timeZone, sameDay ? "h:mm a zzz" : same("yyyy") ? "EEE, MMM d, h:mm a zzz" : "EEE, MMM d, yyyy, h:mm a zzz");
  return { date: formatZoned(startsAt, timeZone, "EEE, MMM d, yyyy"), time: `${start} – ${end}` };
}

function intlMeetingTime(startsAt: Date, endsAt: Date, timeZone: string, locale: Locale) {
  const date = formatter(locale, timeZone, "weekdayDate");
  const time = formatter(locale, timeZone, "time");
  const sameDay = date.format(startsAt) === date.format(endsAt);
  const sameYear = formatZoned(startsAt, timeZone, "yyyy") === formatZoned(endsAt, timeZone, "yyyy");
  const end = sameDay ? time.format(endsAt) : formatter(locale, timeZone, sameYear ? "short" : "medium").format(endsAt);
  // Across a DST change each end carries its offset ("01:30 GMT-4 – 01:00 GMT-5"), else the range reads backwards.
  const offsetChanges = formatZoned(startsAt, timeZone, "zzz") !== formatZoned(endsAt, timeZone, "zzz");
  const range = offsetChanges
    ? `${time.format(startsAt)} ${utcOffset(startsAt, timeZone, locale)} – ${end} ${utcOffset(endsAt, timeZone, locale)}`
    : sameDay
      ? `${time.format(startsAt)}–${end}` // not formatRange, which drops the hour's leading zero that format keeps ("6:00–6:30" beside "06:00")
      : `${time.format(startsAt)} – ${end}`;
  return { date: date.format(startsAt), time: `${range} (${zoneName(startsAt, timeZone, locale)})` };
}

const utcOffset = (date: Date, timeZone: string, locale: Locale) =>
  new Intl.DateTimeFormat(intlLocale[locale], { timeZone, timeZoneName: "shortOffset" }).formatToParts(date).find((part) => part.type === "timeZoneName")?.value ?? "";

/**
 * A length of time in whole minutes: "30 min", "1 h", "1 h 30 min" in English (the dashboard's established
 * shape); through Intl.DurationFormat in other languages ("1 h y 30 min"), or that shape where a browser
 * lacks it.
 */
export function formatDurationMinutes(totalMinutes: number, locale: Locale): string {
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (locale !== "en" && typeof Intl.DurationFormat === "function" && totalMinutes > 0) {
    return durationFormat(locale).format({ hours, minutes });
  }
  if (!hours) return `${minutes} min`;
  return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
}

const durationFormats = new Map<Locale, Intl.DurationFormat>();
function durationFormat(locale: Locale): Intl.DurationFormat {
  let found = durationFormats.get(locale);
  if (!found) {
    found = new Intl.DurationFormat(intlLocale[locale], { style: "short" });
    durationFormats.set(locale, found);
  }
  return found;
}

import { boundedCache } from "@/lib/bounded-cache";

// Date formatting in a time zone for display, with one cached Intl formatter per zone. date-fns-tz's
// formatInTimeZone builds a new Intl.DateTimeFormat for every "zzz" (~0.27 ms a call; a meeting card made
// about ten), which dominated the lead page's render. The output is pinned equal to formatInTimeZone's
// by tests/unit/zoned-format.test.ts for every pattern below.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone, weekday: "short", year: "numeric", month: "short", day: "numeric",
      hour: "numeric", minute: "2-digit", hourCycle: "h12", timeZoneName: "short",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (value: number) => String(value).padStart(2, "0");

/**
 * `date` as seen in `timeZone`, e.g. formatZoned(d, "America/New_York", "EEE, MMM d, yyyy, h:mm a zzz").
 * The tokens the dashboard uses, as date-fns spells them: EEE MMM MM dd d yyyy HH h mm a zzz and 'literal'.
 */
export function formatZoned(date: Date, timeZone: string, pattern: string): string {
  const values = zonedValues(date, timeZone);
  return pattern.replace(/EEE|MMM|yyyy|MM|dd|HH|mm|zzz|d|h|a|'([^']*)'/g, (token, literal?: string) => literal ?? values[token]);
}

// A page formats each instant several times (a card compares its start and end token by token): one
// formatToParts per instant and zone, which was a tenth of the lead page's server time.
const cachedValues = boundedCache<Record<string, string>>(5_000);

function zonedValues(date: Date, timeZone: string): Record<string, string> {
  return cachedValues(`${timeZone}|${date.getTime()}`, () => {
    const parts: Record<string, string> = {};
    for (const part of formatterFor(timeZone).formatToParts(date)) parts[part.type] = part.value;
    const hour12 = Number(parts.hour);
    const pm = parts.dayPeriod === "PM";
    const hour24 = (hour12 % 12) + (pm ? 12 : 0);
    const month = MONTHS.indexOf(parts.month) + 1;
    return {
      EEE: parts.weekday, MMM: parts.month, MM: pad(month), dd: pad(Number(parts.day)), d: String(Number(parts.day)),
      yyyy: parts.year, HH: pad(hour24), h: String(hour12), mm: parts.minute, a: parts.dayPeriod, zzz: parts.timeZoneName,
    };
  });
}

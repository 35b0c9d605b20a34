import type { Locale } from "@/lib/i18n/locales";
import { formatInstant, formatTimeWithOffset } from "@/lib/time/locale-format";
import {
  parseIsoDateTime, toUtcIso, wallClockText, wallDayText, wallTimeGap, wallTimeOf, wallTimeRepeats, wallTimeToInstant,
} from "@/lib/time/zoned";

/** Of a wall time the zone shows twice (the night clocks go back), which one is meant. */
export type Occurrence = "first" | "second";

/**
 * When a meeting happens, as the time fields hold it: wall times (`datetime-local` values) in `timezone`,
 * and for each, which occurrence is meant when the zone shows it twice.
 */
export type TimeValues = {
  startsAt: string;
  startsAtOccurrence: Occurrence;
  endMode: "duration" | "end";
  durationMinutes: string;
  endsAt: string;
  endsAtOccurrence: Occurrence;
  timezone: string;
};

export const noTimes = (timezone: string): TimeValues => ({
  startsAt: "", startsAtOccurrence: "first", endMode: "duration", durationMinutes: "30", endsAt: "", endsAtOccurrence: "first", timezone,
});

/** The time fields as the API's body spells them, for the shared schemas. */
export function timeInput(values: TimeValues) {
  return {
    // An empty date input means "not given", so the schema says "is required" rather than "not a date-time".
    starts_at: wallTimeField(values.startsAt, values.timezone, values.startsAtOccurrence),
    ...(values.endMode === "end"
      ? { ends_at: wallTimeField(values.endsAt, values.timezone, values.endsAtOccurrence) }
      : { duration_minutes: values.durationMinutes.trim() === "" ? undefined : Number(values.durationMinutes) }),
    timezone: values.timezone,
  };
}

/** A wall time as typed; the second of a repeated one as its instant, since the schema reads a wall time as the first. */
function wallTimeField(wallTime: string, timeZone: string, occurrence: Occurrence): string | undefined {
  if (!wallTime) return undefined;
  const repeats = occurrence === "second" ? repeatsOf(wallTime, timeZone) : null;
  return repeats ? toUtcIso(repeats[1]) : wallTime;
}

/** Both instants of a `datetime-local` value the zone shows twice; null for any other (or incomplete) value or an unknown zone. */
export function repeatsOf(wallTime: string, timeZone: string): [Date, Date] | null {
  const parsed = wallTime ? parseIsoDateTime(wallTime) : null;
  if (parsed?.kind !== "wall") return null;
  return inKnownZone(() => wallTimeRepeats(parsed.wallAsUtcMs, timeZone));
}

/** What `read` answers, or null when the zone is unknown (Intl throws): the zone field says so. */
function inKnownZone<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/** The day a notice names: English as the schema does ("2027-03-14"), other languages as their dates read ("14 mar 2027"). */
function noticeDay(wallAsUtcMs: number, instant: Date, timeZone: string, locale: Locale): string {
  return locale === "en" ? wallDayText(wallAsUtcMs) : formatInstant(instant, timeZone, locale, "date");
}

const apiFieldsOf: Record<keyof TimeValues, string[]> = {
  startsAt: ["starts_at"],
  startsAtOccurrence: ["starts_at"],
  endMode: ["ends_at", "duration_minutes"],
  durationMinutes: ["duration_minutes"],
  endsAt: ["ends_at"],
  endsAtOccurrence: ["ends_at"],
  timezone: ["timezone", "starts_at", "ends_at"],
};

/** The API fields whose errors an edit of these time fields answers (a new zone can fix a time's error). */
export function editedTimeFields(patch: Partial<TimeValues>): string[] {
  return Object.keys(patch).flatMap((key) => apiFieldsOf[key as keyof TimeValues] ?? []);
}

/** The time fields showing a meeting's current times, in its own zone. */
export function timeValuesOf(meeting: { startsAt: Date; endsAt: Date; timezone: string }): TimeValues {
  const { timezone } = meeting;
  const startsAt = wallTimeOf(meeting.startsAt, timezone);
  const endsAt = wallTimeOf(meeting.endsAt, timezone);
  return {
    startsAt,
    startsAtOccurrence: occurrenceOf(meeting.startsAt, startsAt, timezone),
    endMode: "duration",
    durationMinutes: String(Math.round((meeting.endsAt.getTime() - meeting.startsAt.getTime()) / 60_000)),
    endsAt,
    endsAtOccurrence: occurrenceOf(meeting.endsAt, endsAt, timezone),
    timezone,
  };
}

// The field holds whole minutes: the instant is the second occurrence when it falls in the second one's minute.
const occurrenceOf = (instant: Date, wallTime: string, timeZone: string): Occurrence => {
  const second = repeatsOf(wallTime, timeZone)?.[1];
  return second && instant.getTime() - second.getTime() >= 0 && instant.getTime() - second.getTime() < 60_000 ? "second" : "first";
};

/** The instant the start field names (a wall time read in the zone, as the schema reads it); null while incomplete. */
export function startInstant(values: Pick<TimeValues, "startsAt" | "startsAtOccurrence" | "timezone">): Date | null {
  const parsed = values.startsAt ? parseIsoDateTime(values.startsAt) : null;
  if (!parsed) return null;
  if (parsed.kind === "instant") return parsed.instant;
  if (values.startsAtOccurrence === "second") {
    const second = repeatsOf(values.startsAt, values.timezone)?.[1];
    if (second) return second;
  }
  return inKnownZone(() => wallTimeToInstant(parsed.wallAsUtcMs, values.timezone));
}

/** The gap notice's words, "meetingForms.time.gapNotice" in the rep's catalogue. */
export type GapNoticeTranslator = (key: "gapNotice", values: { wall: string; day: string; zone: string; shown: string }) => string;

/**
 * The sentence to show when a wall time does not exist in the zone (clocks spring forward over it), saying
 * where it lands: the same rule the schema applies when it saves. Null when the time exists or is incomplete.
 */
export function wallTimeGapNotice(wallTime: string, timeZone: string, locale: Locale, t: GapNoticeTranslator): string | null {
  const parsed = wallTime ? parseIsoDateTime(wallTime) : null;
  if (parsed?.kind !== "wall") return null;
  const gap = inKnownZone(() => wallTimeGap(parsed.wallAsUtcMs, timeZone));
  if (!gap) return null;
  const day = noticeDay(parsed.wallAsUtcMs, gap.instant, timeZone, locale);
  return t("gapNotice", { wall: wallClockText(parsed.wallAsUtcMs), day, zone: timeZone, shown: wallClockText(gap.shownWallMs) });
}

/** The repeated-time choice's words, "meetingForms.time.repeated*" in the rep's catalogue. */
export type RepeatedChoiceTranslator = (key: "repeatedNotice" | "repeatedFirst" | "repeatedSecond", values: Record<string, string>) => string;

/**
 * For a wall time the zone shows twice (clocks go back over it), the question and its two answers, each
 * with its UTC offset ("The first, 1:30 AM GMT-4"); null for any other time. The day as in the gap notice.
 */
export function repeatedWallTimeChoice(wallTime: string, timeZone: string, locale: Locale, t: RepeatedChoiceTranslator) {
  const parsed = wallTime ? parseIsoDateTime(wallTime) : null;
  const repeats = repeatsOf(wallTime, timeZone);
  if (parsed?.kind !== "wall" || !repeats) return null;
  const day = noticeDay(parsed.wallAsUtcMs, repeats[0], timeZone, locale);
  return {
    question: t("repeatedNotice", { wall: wallClockText(parsed.wallAsUtcMs), day, zone: timeZone }),
    first: t("repeatedFirst", { time: formatTimeWithOffset(repeats[0], timeZone, locale) }),
    second: t("repeatedSecond", { time: formatTimeWithOffset(repeats[1], timeZone, locale) }),
  };
}

// The schemas speak API field names; the forms show them as people read them.
export const humanizeFieldError = (message: string) =>
  message.replace(/\bstarts_at\b/g, "the start").replace(/\bends_at\b/g, "the end").replace(/\bduration_minutes\b/g, "the duration");

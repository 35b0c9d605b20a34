import type { Locale } from "@/lib/i18n/locales";
import { formatInstant } from "@/lib/time/locale-format";
import { parseIsoDateTime, wallClockText, wallDayText, wallTimeGap, wallTimeOf, wallTimeToInstant } from "@/lib/time/zoned";

/** When a meeting happens, as the time fields hold it: wall times (`datetime-local` values) in `timezone`. */
export type TimeValues = {
  startsAt: string;
  endMode: "duration" | "end";
  durationMinutes: string;
  endsAt: string;
  timezone: string;
};

/** The time fields as the API's body spells them, for the shared schemas. */
export function timeInput(values: TimeValues) {
  return {
    // An empty date input means "not given", so the schema says "is required" rather than "not a date-time".
    starts_at: values.startsAt || undefined,
    ...(values.endMode === "end"
      ? { ends_at: values.endsAt || undefined }
      : { duration_minutes: values.durationMinutes.trim() === "" ? undefined : Number(values.durationMinutes) }),
    timezone: values.timezone,
  };
}

const apiFieldsOf: Record<keyof TimeValues, string[]> = {
  startsAt: ["starts_at"],
  endMode: ["ends_at", "duration_minutes"],
  durationMinutes: ["duration_minutes"],
  endsAt: ["ends_at"],
  timezone: ["timezone", "starts_at", "ends_at"],
};

/** The API fields whose errors an edit of these time fields answers (a new zone can fix a time's error). */
export function editedTimeFields(patch: Partial<TimeValues>): string[] {
  return Object.keys(patch).flatMap((key) => apiFieldsOf[key as keyof TimeValues] ?? []);
}

/** The time fields showing a meeting's current times, in its own zone. */
export function timeValuesOf(meeting: { startsAt: Date; endsAt: Date; timezone: string }): TimeValues {
  return {
    startsAt: wallTimeOf(meeting.startsAt, meeting.timezone),
    endMode: "duration",
    durationMinutes: String(Math.round((meeting.endsAt.getTime() - meeting.startsAt.getTime()) / 60_000)),
    endsAt: wallTimeOf(meeting.endsAt, meeting.timezone),
    timezone: meeting.timezone,
  };
}

/** The instant the start field names (a wall time read in the zone, as the schema reads it); null while incomplete. */
export function startInstant(values: Pick<TimeValues, "startsAt" | "timezone">): Date | null {
  const parsed = values.startsAt ? parseIsoDateTime(values.startsAt) : null;
  if (!parsed) return null;
  if (parsed.kind === "instant") return parsed.instant;
  try {
    return wallTimeToInstant(parsed.wallAsUtcMs, values.timezone);
  } catch {
    return null; // an unknown zone: the zone field says so
  }
}

/** The gap notice's words, "meetingForms.time.gapNotice" in the rep's catalogue. */
export type GapNoticeTranslator = (key: "gapNotice", values: { wall: string; day: string; zone: string; shown: string }) => string;

/**
 * The sentence to show when a wall time does not exist in the zone (clocks spring forward over it), saying
 * where it lands: the same rule the schema applies when it saves. Null when the time exists or is incomplete.
 * English names the day as the schema does ("2027-03-14"); other languages as their dates read ("14 mar 2027").
 */
export function wallTimeGapNotice(wallTime: string, timeZone: string, locale: Locale, t: GapNoticeTranslator): string | null {
  const parsed = wallTime ? parseIsoDateTime(wallTime) : null;
  if (parsed?.kind !== "wall") return null;
  const gap = gapInKnownZone(parsed.wallAsUtcMs, timeZone);
  if (!gap) return null;
  const day = locale === "en" ? wallDayText(parsed.wallAsUtcMs) : formatInstant(gap.instant, timeZone, locale, "date");
  return t("gapNotice", { wall: wallClockText(parsed.wallAsUtcMs), day, zone: timeZone, shown: wallClockText(gap.shownWallMs) });
}

function gapInKnownZone(wallAsUtcMs: number, timeZone: string) {
  try {
    return wallTimeGap(wallAsUtcMs, timeZone);
  } catch {
    return null; // an unknown zone: the zone field says so
  }
}

// The schemas speak API field names; the forms show them as people read them.
export const humanizeFieldError = (message: string) =>
  message.replace(/\bstarts_at\b/g, "the start").replace(/\bends_at\b/g, "the end").replace(/\bduration_minutes\b/g, "the duration");

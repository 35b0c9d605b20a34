import { z } from "zod";
import { locationTypes } from "@/db/enums";
import {
  gapNotice, isStorableInstant, parseIsoDateTime, STORABLE_RANGE, timeZoneAsSpelled, wallTimeToInstant, type ParsedDateTime,
} from "@/lib/time/zoned";
import { emailAddress, enumOf, httpUrl, isPlainObject, optional, pageLimit, text, uuidString, wholeNumberText } from "@/lib/validation";
import { shownMeetingStatuses, type ShownMeetingStatus } from "./status";

const MINUTE = 60_000;
const OUTSIDE_STORABLE_RANGE = `must be between ${STORABLE_RANGE.min} and ${STORABLE_RANGE.max}`;
const requestedMeetingStatuses = ["scheduled", "confirmed"] as const;
const MAX_ADDITIONAL_ATTENDEES = 50;

const isoDateTime = () =>
  z
    .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") })
    .transform((value, ctx) => {
      const parsed = parseIsoDateTime(value);
      if (parsed) return parsed;
      ctx.issues.push({ code: "custom", message: "must be an ISO 8601 date-time, e.g. 2026-04-20T14:00:00", input: value });
      return z.NEVER;
    });

const ianaTimeZone = () =>
  z.string({ error: () => "must be a string" }).transform((value, ctx) => {
    const zone = timeZoneAsSpelled(value.trim());
    if (zone) return zone;
    ctx.issues.push({ code: "custom", message: "must be an IANA time zone, e.g. America/Santiago", input: value });
    return z.NEVER;
  });

const durationMinutes = () =>
  z
    .number({ error: () => "must be an integer" })
    .int("must be an integer")
    .min(1, "must be between 1 and 1440")
    .max(1440, "must be between 1 and 1440");

const additionalAttendeeSchema = z.object(
  {
    name: optional(text({ max: 200 })),
    email: emailAddress(),
  },
  { error: () => "must be an object with an email" },
);

const meetingFieldsSchema = z.object(
  {
    lead_email: optional(emailAddress()),
    lead_id: optional(uuidString()),
    title: text({ min: 1, max: 500 }),
    starts_at: isoDateTime(),
    ends_at: optional(isoDateTime()),
    duration_minutes: optional(durationMinutes()),
    timezone: optional(ianaTimeZone()),
    meeting_url: optional(httpUrl()),
    location_type: optional(enumOf(locationTypes)),
    location_details: optional(text({ max: 10_000 })),
    description: optional(text({ max: 10_000 })),
    host_email: optional(emailAddress()),
    meeting_type_id: optional(uuidString()),
    attendee_name: optional(text({ max: 200 })),
    attendee_email: optional(emailAddress()),
    attendee_phone: optional(text({ max: 50 })),
    additional_attendees: optional(
      z
        .array(additionalAttendeeSchema, { error: () => "must be an array of { name, email }" })
        .max(MAX_ADDITIONAL_ATTENDEES, `must have at most ${MAX_ADDITIONAL_ATTENDEES} entries`),
    ),
    external_calendar_provider: optional(text({ max: 100 })),
    external_event_id: optional(text({ max: 255 })),
    status: optional(enumOf(requestedMeetingStatuses)),
  },
  { error: () => "must be a JSON object" },
);
type MeetingFields = z.output<typeof meetingFieldsSchema>;

// Cross-field rules run even when other fields failed, so one 400 lists every bad field. Presence rules
// need only a body object; the time rules need the time fields themselves to have parsed.
const isBodyObject = (payload: z.core.ParsePayload) => isPlainObject(payload.value);
const fieldsParsed = (fields: readonly string[]) => (payload: z.core.ParsePayload) =>
  isBodyObject(payload) && !payload.issues.some((issue) => fields.includes(String(issue.path?.[0])));
const TIME_FIELDS = ["starts_at", "ends_at", "duration_minutes", "timezone"] as const;

type TimeFields = Pick<MeetingFields, "starts_at" | "ends_at" | "duration_minutes" | "timezone">;

/** starts_at and ends_at as instants: wall times are read in `timezone`; a missing end comes from the duration. */
function resolveTimes(input: TimeFields, defaultTimeZone = "UTC") {
  const timezone = input.timezone ?? defaultTimeZone;
  const toInstant = (parsed: ParsedDateTime) =>
    parsed.kind === "instant" ? parsed.instant : wallTimeToInstant(parsed.wallAsUtcMs, timezone);
  const startsAt = toInstant(input.starts_at);
  const endsAt =
    input.ends_at !== undefined
      ? toInstant(input.ends_at)
      : new Date(startsAt.getTime() + (input.duration_minutes ?? 0) * MINUTE);
  return { timezone, startsAt, endsAt };
}

function requireEndOrDuration(input: TimeFields, ctx: z.RefinementCtx) {
  if (input.ends_at === undefined && input.duration_minutes === undefined) {
    ctx.addIssue({ code: "custom", path: ["ends_at"], message: "is required unless duration_minutes is given" });
  }
}

/**
 * Both times within the years the database stores (the end is named even when a duration made it);
 * ends_at after starts_at, and agreeing with duration_minutes when both are given; a DST gap is explained.
 */
function checkTimes(input: TimeFields, ctx: z.RefinementCtx, defaultTimeZone = "UTC") {
  const { timezone, startsAt, endsAt } = resolveTimes(input, defaultTimeZone);
  if (!isStorableInstant(startsAt)) ctx.addIssue({ code: "custom", path: ["starts_at"], message: OUTSIDE_STORABLE_RANGE });
  else if (!isStorableInstant(endsAt)) ctx.addIssue({ code: "custom", path: ["ends_at"], message: OUTSIDE_STORABLE_RANGE });
  if (input.ends_at === undefined) return;
  if (endsAt <= startsAt) {
    const gap = [input.starts_at, input.ends_at].map((time) => time.kind === "wall" && gapNotice(time.wallAsUtcMs, timezone)).find(Boolean);
    ctx.addIssue({ code: "custom", path: ["ends_at"], message: gap ? `must be after starts_at (${gap})` : "must be after starts_at" });
  } else if (input.duration_minutes !== undefined && endsAt.getTime() - startsAt.getTime() !== input.duration_minutes * MINUTE) {
    ctx.addIssue({ code: "custom", path: ["duration_minutes"], message: "does not match the time between starts_at and ends_at" });
  }
}

/**
 * A meeting as logged from outside (the public API) or by hand (the dashboard form).
 * The output carries resolved instants; wall times are read in `timezone`.
 */
export const meetingInputSchema = meetingFieldsSchema
  .superRefine(
    (input, ctx) => {
      if (input.lead_id === undefined && input.lead_email === undefined) {
        ctx.addIssue({ code: "custom", path: ["lead_email"], message: "is required unless lead_id is given" });
      }
      requireEndOrDuration(input, ctx);
    },
    { when: isBodyObject },
  )
  .superRefine((input, ctx) => checkTimes(input, ctx), { when: fieldsParsed(TIME_FIELDS) })
  .transform((input) => {
    const { timezone, startsAt, endsAt } = resolveTimes(input);
    return {
      leadId: input.lead_id ?? null,
      leadEmail: input.lead_email ?? null,
      title: input.title,
      startsAt,
      endsAt,
      timezone,
      meetingUrl: input.meeting_url ?? null,
      locationType: input.location_type ?? "video",
      locationDetails: input.location_details ?? null,
      description: input.description ?? null,
      hostEmail: input.host_email ?? null,
      meetingTypeId: input.meeting_type_id ?? null,
      attendeeName: input.attendee_name ?? null,
      attendeeEmail: input.attendee_email ?? null,
      attendeePhone: input.attendee_phone ?? null,
      additionalAttendees: (input.additional_attendees ?? []).map((a) => ({ name: a.name ?? null, email: a.email })),
      // Dedup needs both ids; with only one, it is stored as given.
      externalCalendarProvider: input.external_calendar_provider ?? null,
      externalEventId: input.external_event_id ?? null,
      confirmedByLead: input.status === "confirmed",
    };
  });

export type NewMeeting = z.output<typeof meetingInputSchema>;

/** The GET `status` query: a comma-separated list of shown statuses; empty or absent means all. */
const meetingStatusFilterSchema = z
  .string()
  .nullish()
  .meta({ description: `Comma-separated shown statuses (${shownMeetingStatuses.join(", ")}); case and spaces ignored`, example: "scheduled,confirmed" })
  .transform((value, ctx) => {
    const statuses = (value ?? "").split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
    const unknown = statuses.filter((s) => !(shownMeetingStatuses as readonly string[]).includes(s));
    if (unknown.length) {
      ctx.issues.push({
        code: "custom",
        message: `unknown status ${unknown.map((s) => `"${s}"`).join(", ")}; allowed: ${shownMeetingStatuses.join(", ")}`,
        input: value,
      });
      return z.NEVER;
    }
    return [...new Set(statuses)] as ShownMeetingStatus[];
  });

/** Reason and notes of lifecycle actions: trimmed text up to 10,000 characters; absent, null and "" alike. */
const note = () => optional(text({ max: 10_000 }));
const actionBody = <S extends z.core.$ZodLooseShape>(shape: S) => z.object(shape, { error: () => "must be a JSON object" });

export const cancelInputSchema = actionBody({ reason: note() });
export const noShowInputSchema = actionBody({ reason: note(), notes: note() });
export const completeInputSchema = actionBody({ notes: note() });

/**
 * A reschedule: new times under exactly the rules of POST /meetings; `timezone` defaults to the
 * meeting's current zone, so the schema is made for that zone.
 */
export function rescheduleInputSchema(currentTimeZone: string) {
  return actionBody({
    starts_at: isoDateTime(),
    ends_at: optional(isoDateTime()),
    duration_minutes: optional(durationMinutes()),
    timezone: optional(ianaTimeZone()),
    reason: note(),
  })
    .superRefine(requireEndOrDuration, { when: isBodyObject })
    .superRefine((input, ctx) => checkTimes(input, ctx, currentTimeZone), { when: fieldsParsed(TIME_FIELDS) })
    .transform((input) => ({ ...resolveTimes(input, currentTimeZone), reason: input.reason ?? null }));
}

const MAX_MEETINGS_PAGE = 500;
const instantParam = () =>
  z.string().transform((value, ctx) => {
    const parsed = parseIsoDateTime(value);
    if (parsed?.kind === "instant" && isStorableInstant(parsed.instant)) return parsed.instant;
    const message = parsed?.kind === "instant" ? OUTSIDE_STORABLE_RANGE : "must be an ISO 8601 instant with Z or an offset, e.g. 2026-04-20T14:00:00Z";
    ctx.issues.push({ code: "custom", message, input: value });
    return z.NEVER;
  });

/**
 * GET /leads/{id}/meetings query: `status`, and for paging `limit` (1–500) with the previous answer's
 * `cursor`; `from` (inclusive) and `to` (exclusive) bound `starts_at`. Values arrive as strings (or null).
 */
export const meetingListQuerySchema = z
  .object({
    status: meetingStatusFilterSchema,
    limit: optional(pageLimit(MAX_MEETINGS_PAGE)),
    cursor: optional(z.string().max(1000)).meta({ description: "The previous page's next_cursor" }),
    from: optional(instantParam()).meta({ description: "starts_at at or after this instant (ISO 8601 with Z or an offset)" }),
    to: optional(instantParam()).meta({ description: "starts_at before this instant" }),
  })
  .superRefine((query, ctx) => {
    if (query.from && query.to && query.to <= query.from) ctx.addIssue({ code: "custom", path: ["to"], message: "must be after from" });
  });
export type MeetingListQuery = z.output<typeof meetingListQuerySchema>;

/** `limit` (1–200, default 50) and `offset` of a history listing (GET …/history). */
export const historyPageSchema = z.object({
  limit: pageLimit(200, 50),
  offset: wholeNumberText(z.number({ error: () => "must be a whole number" }).int("must be a whole number").min(0, "must be a whole number").default(0)),
});

import { describe, expect, it } from "vitest";
import { meetingInputSchema, meetingListQuerySchema } from "@/lib/meetings/schema";
import { fieldIssues } from "@/lib/validation";

const valid = {
  lead_email: "Tony.Stark@Example.com ",
  title: "  Discovery Call  ",
  starts_at: "2025-12-29T14:00:00",
  ends_at: "2025-12-29T15:00:00",
  timezone: "America/Santiago",
};

const fieldsOf = (input: unknown) => {
  const result = meetingInputSchema.safeParse(input);
  if (result.success) throw new Error("expected a failure");
  return fieldIssues(result.error).map((issue) => issue.field).sort();
};

describe("meetingInputSchema", () => {
  it("resolves a minimal body to instants and defaults", () => {
    const result = meetingInputSchema.safeParse(valid);
    expect(result.success).toBe(true);
    expect(result.data).toEqual({
      leadId: null,
      leadEmail: "Tony.Stark@Example.com",
      title: "Discovery Call",
      startsAt: new Date("2025-12-29T17:00:00Z"),
      endsAt: new Date("2025-12-29T18:00:00Z"),
      timezone: "America/Santiago",
      meetingUrl: null,
      locationType: "video",
      locationDetails: null,
      description: null,
      hostEmail: null,
      meetingTypeId: null,
      attendeeName: null,
      attendeeEmail: null,
      attendeePhone: null,
      additionalAttendees: [],
      externalCalendarProvider: null,
      externalEventId: null,
      confirmedByLead: false,
    });
  });

  it("maps status confirmed to confirmedByLead and treats null and empty strings as absent", () => {
    const result = meetingInputSchema.safeParse({
      ...valid, status: "confirmed", meeting_url: null, description: "", location_details: "   ", timezone: null,
    });
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({
      confirmedByLead: true, meetingUrl: null, description: null, locationDetails: null, timezone: "UTC",
      startsAt: new Date("2025-12-29T14:00:00Z"),
    });
  });

  it("derives endsAt from duration_minutes and keeps ends_at when both agree", () => {
    const { ends_at: _omitted, ...withoutEnd } = valid;
    expect(meetingInputSchema.parse({ ...withoutEnd, duration_minutes: 90 }).endsAt).toEqual(new Date("2025-12-29T18:30:00Z"));
    expect(meetingInputSchema.parse({ ...valid, duration_minutes: 60 }).endsAt).toEqual(new Date("2025-12-29T18:00:00Z"));
  });

  it("keeps an absolute instant absolute whatever the timezone", () => {
    const data = meetingInputSchema.parse({ ...valid, starts_at: "2025-12-29T14:00:00Z", ends_at: "2025-12-29T16:00:00+01:00" });
    expect(data.startsAt).toEqual(new Date("2025-12-29T14:00:00Z"));
    expect(data.endsAt).toEqual(new Date("2025-12-29T15:00:00Z"));
  });

  it("gives additional attendees a null name when absent", () => {
    const data = meetingInputSchema.parse({ ...valid, additional_attendees: [{ email: "a@example.com" }, { name: " Bo ", email: "b@example.com" }] });
    expect(data.additionalAttendees).toEqual([{ name: null, email: "a@example.com" }, { name: "Bo", email: "b@example.com" }]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ["no lead matcher", { lead_email: undefined }, ["lead_email"]],
    ["lead_id alone is enough", { lead_email: undefined, lead_id: "550e8400-e29b-41d4-a716-446655440000" }, []],
    ["a loose (non-RFC) UUID is accepted", { lead_id: "00000000-0000-0000-0000-000000000000" }, []],
    ["a malformed lead_id", { lead_id: "550e8400" }, ["lead_id"]],
    ["a bad attendee email deep in the array", { additional_attendees: [{ email: "a@example.com" }, { email: "b@example.com" }, { email: "nope" }] }, ["additional_attendees.2.email"]],
    ["a non-object attendee", { additional_attendees: ["a@example.com"] }, ["additional_attendees.0"]],
    ["51 attendees", { additional_attendees: Array.from({ length: 51 }, (_, i) => ({ email: `g${i}@example.com` })) }, ["additional_attendees"]],
    ["no end", { ends_at: undefined }, ["ends_at"]],
    ["end before start", { ends_at: "2025-12-29T13:00:00" }, ["ends_at"]],
    ["disagreeing duration", { duration_minutes: 59 }, ["duration_minutes"]],
    ["a javascript: URL", { meeting_url: "javascript:alert(1)" }, ["meeting_url"]],
    ["an http URL without host", { meeting_url: "http://" }, ["meeting_url"]],
    ["status completed", { status: "completed" }, ["status"]],
    ["an unknown zone", { timezone: "Mars/Olympus" }, ["timezone"]],
    ["a date without time", { starts_at: "2025-12-29" }, ["starts_at"]],
    ["a NUL byte in the title", { title: "a\u0000b" }, ["title"]],
    ["a NUL byte in the meeting_url path", { meeting_url: "https://meet.example.com/a\u0000b" }, ["meeting_url"]],
    ["an unpaired surrogate in an attendee name", { additional_attendees: [{ name: "\udc00", email: "a@example.com" }] }, ["additional_attendees.0.name"]],
    ["a paired surrogate (emoji) is fine", { title: "🎉" }, []],
    ["a 501-character title", { title: "x".repeat(501) }, ["title"]],
    ["a 10001-character description", { description: "x".repeat(10_001) }, ["description"]],
  ])("%s", (_label, change, fields) => {
    const input = { ...valid, ...change };
    for (const key of Object.keys(change)) if (change[key] === undefined) delete (input as Record<string, unknown>)[key];
    if (fields.length === 0) expect(meetingInputSchema.safeParse(input).success).toBe(true);
    else expect(fieldsOf(input)).toEqual(fields);
  });

  it("reports a non-object body on the path `body`", () => {
    for (const body of [null, [], "x", 1]) expect(fieldsOf(body)).toEqual(["body"]);
  });

  it("reports every field-level problem at once", () => {
    expect(fieldsOf({ lead_email: "x", title: "", starts_at: "no", timezone: "Nowhere", status: "done", duration_minutes: 0 })).toEqual(
      ["duration_minutes", "lead_email", "starts_at", "status", "timezone", "title"],
    );
  });

  it("reports the cross-field rules together with the field-level ones", () => {
    expect(fieldsOf({ title: "", starts_at: "2025-12-29T14:00:00" })).toEqual(["ends_at", "lead_email", "title"]);
  });

  it("checks ends_at against starts_at even when another field failed", () => {
    expect(fieldsOf({ ...valid, title: "", ends_at: "2025-12-29T13:00:00" })).toEqual(["ends_at", "title"]);
    expect(fieldsOf({ ...valid, meeting_url: "ftp://x", duration_minutes: 30 })).toEqual(["duration_minutes", "meeting_url"]);
  });

  it("skips the time comparison when a time field itself is bad, reporting only that field", () => {
    expect(fieldsOf({ ...valid, starts_at: "soon" })).toEqual(["starts_at"]);
    expect(fieldsOf({ ...valid, timezone: "Nowhere/Land" })).toEqual(["timezone"]);
  });

  it("keeps both times within the years the database stores, to the millisecond", () => {
    const issuesOf = (change: object) => {
      const result = meetingInputSchema.safeParse({ ...valid, ...change });
      return result.success ? [] : fieldIssues(result.error).map((issue) => `${issue.field}: ${issue.message}`);
    };
    const outside = "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z";
    expect(issuesOf({ starts_at: "0001-01-01T00:00:00Z", ends_at: "0001-01-01T00:01:00Z" })).toEqual([]);
    expect(issuesOf({ starts_at: "0000-12-31T23:59:59.999Z", ends_at: "0001-01-01T00:01:00Z" })).toEqual([`starts_at: ${outside}`]);
    const lastMinute = { starts_at: "9999-12-31T23:58:59.999Z", ends_at: undefined, duration_minutes: 1 };
    expect(issuesOf(lastMinute)).toEqual([]);
    expect(issuesOf({ ...lastMinute, starts_at: "9999-12-31T23:59:00Z" })).toEqual([`ends_at: ${outside}`]);
  });

  it("names a missing field 'is required'", () => {
    const result = meetingInputSchema.safeParse({ lead_email: "a@example.com", ends_at: "2025-12-29T15:00:00" });
    expect(result.success).toBe(false);
    const issues = fieldIssues(result.error!);
    expect(issues).toEqual(expect.arrayContaining([
      { field: "title", message: "is required" },
      { field: "starts_at", message: "is required" },
    ]));
  });
});

describe("meetingListQuerySchema: status", () => {
  it.each<[string | null, string[]]>([
    [null, []],
    ["", []],
    [" , ", []],
    ["scheduled", ["scheduled"]],
    ["scheduled,confirmed", ["scheduled", "confirmed"]],
    ["CONFIRMED, no_show,confirmed", ["confirmed", "no_show"]],
  ])("reads %j as %j", (input, expected) => {
    expect(meetingListQuerySchema.parse({ status: input }).status).toEqual(expected);
  });

  it("rejects an unknown value naming it and the allowed values, on the path `status`", () => {
    const result = meetingListQuerySchema.safeParse({ status: "scheduled,upcoming" });
    expect(result.success).toBe(false);
    expect(fieldIssues(result.error!)).toEqual([
      { field: "status", message: 'unknown status "upcoming"; allowed: scheduled, confirmed, completed, cancelled, no_show' },
    ]);
  });
});

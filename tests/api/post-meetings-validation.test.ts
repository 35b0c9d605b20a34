import { beforeAll, describe, expect, it } from "vitest";
import { api, createLead, expectValidationError, listMeetings, meetingBody, postMeeting } from "../support/api";

let lead: Awaited<ReturnType<typeof createLead>>;
beforeAll(async () => {
  lead = await createLead();
});

const attendees = (count: number) => Array.from({ length: count }, (_, i) => ({ name: `Guest ${i}`, email: `guest${i}@example.com` }));

describe("POST /meetings: field rules", () => {
  // Each row: a body change that breaks exactly one rule, and the field the 400 must name.
  it.each<[string, Record<string, unknown>, string]>([
    ["meeting_url with javascript:", { meeting_url: "javascript:alert(1)" }, "meeting_url"],
    ["meeting_url with ftp:", { meeting_url: "ftp://files.example.com/x" }, "meeting_url"],
    ["meeting_url that is not a URL", { meeting_url: "meet.google.com/abc" }, "meeting_url"],
    ["meeting_url with data:", { meeting_url: "data:text/html,<script>alert(1)</script>" }, "meeting_url"],
    ["51 additional_attendees", { additional_attendees: attendees(51) }, "additional_attendees"],
    ["an invalid additional attendee email", { additional_attendees: [...attendees(2), { name: "Bad", email: "bad@" }] }, "additional_attendees.2.email"],
    ["an additional attendee without email", { additional_attendees: [{ name: "No mail" }] }, "additional_attendees.0.email"],
    ["additional_attendees not an array", { additional_attendees: { email: "a@example.com" } }, "additional_attendees"],
    ["a missing title", { title: undefined }, "title"],
    ["an empty title", { title: "" }, "title"],
    ["a blank title", { title: "    " }, "title"],
    ["a 501-character title", { title: "x".repeat(501) }, "title"],
    ["a title that is not a string", { title: 5 }, "title"],
    ["a 10001-character description", { description: "d".repeat(10_001) }, "description"],
    ["a 10001-character location_details", { location_details: "l".repeat(10_001) }, "location_details"],
    ["duration_minutes 0", { ends_at: undefined, duration_minutes: 0 }, "duration_minutes"],
    ["duration_minutes 1441", { ends_at: undefined, duration_minutes: 1441 }, "duration_minutes"],
    ["duration_minutes 30.5", { ends_at: undefined, duration_minutes: 30.5 }, "duration_minutes"],
    ["duration_minutes as a string", { ends_at: undefined, duration_minutes: "30" }, "duration_minutes"],
    ["duration_minutes negative", { ends_at: undefined, duration_minutes: -5 }, "duration_minutes"],
    ["neither ends_at nor duration_minutes", { ends_at: undefined }, "ends_at"],
    ["ends_at and duration_minutes that disagree", { duration_minutes: 30 }, "duration_minutes"],
    ["ends_at equal to starts_at", { ends_at: "2026-04-20T14:00:00" }, "ends_at"],
    ["ends_at before starts_at", { ends_at: "2026-04-20T13:00:00" }, "ends_at"],
    ["status completed", { status: "completed" }, "status"],
    ["status cancelled", { status: "cancelled" }, "status"],
    ["status no_show", { status: "no_show" }, "status"],
    ["status unknown", { status: "booked" }, "status"],
    ["location_type unknown", { location_type: "zoom" }, "location_type"],
    ["lead_email invalid", { lead_email: "not-an-email" }, "lead_email"],
    ["lead_email and lead_id both absent", { lead_email: undefined }, "lead_email"],
    ["lead_id malformed", { lead_id: "lead-123" }, "lead_id"],
    ["attendee_email invalid", { attendee_email: "x@" }, "attendee_email"],
    ["starts_at missing", { starts_at: undefined }, "starts_at"],
    // Times the database cannot store (it has no year 0000; toISOString signs year 10000).
    ["starts_at in year 0000", { starts_at: "0000-12-31T23:59:59.999Z", ends_at: "0001-01-01T01:00:00Z" }, "starts_at"],
    ["a year-0001 wall time that is year 0000 in its zone", { starts_at: "0001-01-01T00:30:00", ends_at: "0001-01-01T01:30:00", timezone: "Asia/Tokyo" }, "starts_at"],
    ["starts_at in year 0000 by its offset", { starts_at: "0001-01-01T00:30:00+01:00", ends_at: "0001-01-01T02:00:00Z" }, "starts_at"],
    ["a duration that ends in year 10000", { starts_at: "9999-12-31T23:30:00Z", ends_at: undefined, duration_minutes: 30 }, "ends_at"],
    ["ends_at in year 10000 by its offset", { starts_at: "9999-12-31T20:00:00Z", ends_at: "9999-12-31T23:30:00-01:00" }, "ends_at"],
  ])("rejects %s with 400 on that field and creates nothing", async (_label, change, field) => {
    const details = expectValidationError(await postMeeting(meetingBody(lead.email!, change)), [field]);
    expect(details[0].message.length).toBeGreaterThan(0);
    expect((await listMeetings(lead.id)).body.meetings).toEqual([]);
  });

  it.each<[string, Record<string, unknown>]>([
    ["a 500-character title", { title: "t".repeat(500) }],
    ["a title padded to 600 characters that trims to 500", { title: `  ${"t".repeat(500)}  `.padEnd(600, " ") }],
    ["a 10000-character description and location_details", { description: "d".repeat(10_000), location_details: "l".repeat(10_000) }],
    ["50 additional attendees", { additional_attendees: attendees(50) }],
    ["duration_minutes 1 without ends_at", { ends_at: undefined, duration_minutes: 1 }],
    ["duration_minutes 1440 without ends_at", { ends_at: undefined, duration_minutes: 1440 }],
    ["ends_at and duration_minutes that agree", { duration_minutes: 60 }],
    ["an http meeting_url", { meeting_url: "http://zoom.example.com/j/1" }],
    ["the first storable instant", { starts_at: "0001-01-01T00:00:00Z", ends_at: "0001-01-01T01:00:00Z" }],
    ["a duration that ends at the last storable millisecond", { starts_at: "9999-12-31T23:29:59.999Z", ends_at: undefined, duration_minutes: 30 }],
  ])("accepts the boundary case %s", async (_label, change) => {
    const other = await createLead();
    const response = await postMeeting(meetingBody(other.email!, change));
    expect(response.status, JSON.stringify(response.body)).toBe(201);
  });

  it("stores and lists the ends of the storable range to the millisecond", async () => {
    const other = await createLead();
    await postMeeting(meetingBody(other.email!, { starts_at: "0001-01-01T00:00:00Z", ends_at: "0001-01-01T01:00:00Z" }));
    await postMeeting(meetingBody(other.email!, { starts_at: "9999-12-31T23:29:59.999Z", ends_at: undefined, duration_minutes: 30 }));
    const listed = (await listMeetings(other.id)).body.meetings.map((m: { starts_at: string; ends_at: string }) => [m.starts_at, m.ends_at]);
    expect(listed).toEqual([["9999-12-31T23:29:59.999Z", "9999-12-31T23:59:59.999Z"], ["0001-01-01T00:00:00Z", "0001-01-01T01:00:00Z"]]);
  });

  it("answers a meeting in years 0001-0099 with its own year everywhere (Date's legacy parser made 0049 into 2049)", async () => {
    const other = await createLead();
    const created = await postMeeting(meetingBody(other.email!, { starts_at: "0049-06-01T00:00:00Z", ends_at: "0049-06-01T01:00:00Z" }));
    expect(created.status).toBe(201);
    expect(created.body.meeting).toMatchObject({ starts_at: "0049-06-01T00:00:00Z", ends_at: "0049-06-01T01:00:00Z" });
    expect((await api("GET", `/meetings/${created.body.meeting.id}`)).body.meeting).toMatchObject({ starts_at: "0049-06-01T00:00:00Z" });
    expect((await listMeetings(other.id)).body.meetings[0]).toMatchObject({ starts_at: "0049-06-01T00:00:00Z" });
  });

  it("stores the title trimmed", async () => {
    const other = await createLead();
    const response = await postMeeting(meetingBody(other.email!, { title: "  Padded title \n" }));
    expect(response.status).toBe(201);
    expect(response.body.meeting.title).toBe("Padded title");
  });

  it("lists every bad field in details at once", async () => {
    const response = await postMeeting({
      lead_email: "nope",
      title: "",
      starts_at: "2026-04-20T14:00:00",
      duration_minutes: 0,
      timezone: "Mars/Olympus",
      meeting_url: "javascript:alert(1)",
      location_type: "hologram",
      description: 7,
      meeting_type_id: "x",
      attendee_email: "@",
      additional_attendees: [{ email: "ok@example.com" }, { email: "bad" }],
      status: "completed",
    });
    expectValidationError(response, [
      "lead_email", "title", "duration_minutes", "timezone", "meeting_url", "location_type", "description",
      "meeting_type_id", "attendee_email", "additional_attendees.1.email", "status",
    ]);
  });

  it("reports the cross-field rules together with the per-field ones", async () => {
    const response = await postMeeting({ title: "", starts_at: "2026-04-20T14:00:00", meeting_url: "javascript:alert(1)" });
    expectValidationError(response, ["lead_email", "title", "ends_at", "meeting_url"]);
  });
});

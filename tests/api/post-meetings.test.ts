import { describe, expect, it } from "vitest";
import {
  createLead,
  expectValidationError,
  fixtures,
  GET_MEETING_FIELDS,
  listMeetings,
  meetingBody,
  NULLABLE_MEETING_FIELDS,
  POST_MEETING_EXTRA_FIELDS,
  postMeeting,
  uniqueEmail,
  uniqueId,
  UTC_ISO,
} from "../support/api";

describe("POST /meetings: creation", () => {
  it("reproduces the spec's 201 example (GoHighLevel payload)", async () => {
    const email = uniqueEmail("tony.stark");
    const lead = await createLead({ first_name: "Tony", last_name: "Stark", email });
    const eventId = uniqueId("1RZJ24WY65VGQFyhN0vJ");
    const response = await postMeeting({
      lead_email: email,
      title: "Discovery Call with Tony Stark",
      starts_at: "2025-12-29T14:00:00",
      ends_at: "2025-12-29T15:00:00",
      timezone: "America/Santiago",
      meeting_url: "https://meet.google.com/oki-fjnk-oyu",
      location_type: "video",
      description: "Confirmation and reminder emails",
      attendee_name: "Tony Stark",
      external_calendar_provider: "ghl",
      external_event_id: eventId,
      status: "confirmed",
    });
    expect(response.status).toBe(201);
    expect(response.body.success).toBe(true);
    const meeting = response.body.meeting;
    expect(meeting).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      lead_id: lead.id,
      title: "Discovery Call with Tony Stark",
      starts_at: "2025-12-29T17:00:00Z",
      ends_at: "2025-12-29T18:00:00Z",
      duration_minutes: 60,
      timezone: "America/Santiago",
      status: "confirmed",
      meeting_url: "https://meet.google.com/oki-fjnk-oyu",
      location_type: "video",
      location_details: null,
      host_name: null,
      meeting_type: null,
      attendee_name: "Tony Stark",
      attendee_email: email,
      external_calendar_provider: "ghl",
      external_event_id: eventId,
      source: "api",
      created_at: expect.stringMatching(UTC_ISO),
    });
    for (const field of [...GET_MEETING_FIELDS, ...POST_MEETING_EXTRA_FIELDS]) expect(meeting).toHaveProperty(field);
    for (const field of NULLABLE_MEETING_FIELDS) expect(meeting).toHaveProperty(field);

    // Stored as scheduled + confirmed_by_lead, shown as confirmed.
    const listed = await listMeetings(lead.id);
    expect(listed.body.meetings).toHaveLength(1);
    expect(listed.body.meetings[0]).toMatchObject({ id: meeting.id, status: "confirmed", confirmed_by_lead: true });
    expect((await listMeetings(lead.id, { status: "confirmed" })).body.meetings).toHaveLength(1);
    expect((await listMeetings(lead.id, { status: "scheduled" })).body.meetings).toHaveLength(0);
  });

  it("reproduces the spec's minimal example: status scheduled, not confirmed", async () => {
    const lead = await createLead();
    const response = await postMeeting({
      lead_email: lead.email,
      title: "Discovery Call",
      starts_at: "2026-04-20T14:00:00",
      ends_at: "2026-04-20T15:00:00",
      timezone: "America/Santiago",
      meeting_url: "https://meet.google.com/abc-xyz-123",
      location_type: "video",
      status: "scheduled",
    });
    expect(response.status).toBe(201);
    // 2026-04-20 is after Chile's April DST end: UTC-4.
    expect(response.body.meeting).toMatchObject({ starts_at: "2026-04-20T18:00:00Z", ends_at: "2026-04-20T19:00:00Z", status: "scheduled" });
    expect((await listMeetings(lead.id)).body.meetings[0]).toMatchObject({ status: "scheduled", confirmed_by_lead: false });
  });

  it("fills every default from the lead and the documented values", async () => {
    const lead = await createLead({ first_name: "Ada", last_name: "Lovelace", phone: "+44 20 7946 0000" });
    const response = await postMeeting({ lead_email: lead.email, title: "Intro", starts_at: "2026-05-01T09:00:00", duration_minutes: 45 });
    expect(response.status).toBe(201);
    expect(response.body.meeting).toMatchObject({
      lead_id: lead.id,
      timezone: "UTC",
      starts_at: "2026-05-01T09:00:00Z",
      ends_at: "2026-05-01T09:45:00Z",
      duration_minutes: 45,
      location_type: "video",
      status: "scheduled",
      attendee_name: "Ada Lovelace",
      attendee_email: lead.email,
      attendee_phone: "+44 20 7946 0000",
      additional_attendees: [],
      meeting_url: null,
      location_details: null,
      description: null,
      host_name: null,
      meeting_type: null,
      external_calendar_provider: null,
      external_event_id: null,
      confirmed_by_lead: false,
      source: "api",
    });
  });

  it("computes duration_minutes from ends_at", async () => {
    const lead = await createLead();
    const response = await postMeeting(meetingBody(lead.email!, { starts_at: "2026-04-20T14:00:00", ends_at: "2026-04-20T16:15:00" }));
    expect(response.status).toBe(201);
    expect(response.body.meeting.duration_minutes).toBe(135);
  });

  it("logs and lists a meeting spanning millennia (nothing caps ends_at): duration_minutes beyond a 32-bit integer", async () => {
    const lead = await createLead();
    const span = { starts_at: "0001-01-01T00:00:00Z", ends_at: "9999-12-31T23:59:00Z" };
    const response = await postMeeting(meetingBody(lead.email!, span));
    expect(response.status).toBe(201);
    expect(response.body.meeting).toMatchObject({ ...span, duration_minutes: 5_258_964_959 });
    const listed = await listMeetings(lead.id);
    expect(listed.status).toBe(200);
    expect(listed.body.meetings).toEqual([response.body.meeting]);
  });

  it("defaults attendee_email to the lead's registered email, not the matcher's spelling", async () => {
    const email = uniqueEmail("Registered.Case");
    await createLead({ email });
    const response = await postMeeting(meetingBody(`  ${email.toUpperCase()}  `));
    expect(response.status).toBe(201);
    expect(response.body.meeting.attendee_email).toBe(email);
  });

  it("takes the given attendee fields, location and additional attendees over the defaults", async () => {
    const lead = await createLead();
    const response = await postMeeting(
      meetingBody(lead.email!, {
        attendee_name: "Pepper Potts",
        attendee_email: "pepper@example.com",
        attendee_phone: "+1 555 0199",
        location_type: "in_person",
        location_details: "Stark Tower, floor 93",
        description: "Bring the contract",
        additional_attendees: [{ name: "Happy", email: "happy@example.com" }, { email: "rhodey@example.com" }],
      }),
    );
    expect(response.status).toBe(201);
    expect(response.body.meeting).toMatchObject({
      attendee_name: "Pepper Potts",
      attendee_email: "pepper@example.com",
      attendee_phone: "+1 555 0199",
      location_type: "in_person",
      location_details: "Stark Tower, floor 93",
      description: "Bring the contract",
      additional_attendees: [{ name: "Happy", email: "happy@example.com" }, { name: null, email: "rhodey@example.com" }],
    });
  });

  it.each(["video", "phone", "in_person"])("accepts location_type %s", async (locationType) => {
    const lead = await createLead();
    const response = await postMeeting(meetingBody(lead.email!, { location_type: locationType }));
    expect(response.status).toBe(201);
    expect(response.body.meeting.location_type).toBe(locationType);
  });
});

describe("POST /meetings: host_email", () => {
  it("accepts an active host of the key's client, case-insensitively, and shows host_name", async () => {
    const lead = await createLead();
    const response = await postMeeting(meetingBody(lead.email!, { host_email: fixtures.tenantA.host.email.toUpperCase() }));
    expect(response.status).toBe(201);
    expect(response.body.meeting.host_name).toBe(fixtures.tenantA.host.name);
    expect((await listMeetings(lead.id)).body.meetings[0].host_name).toBe(fixtures.tenantA.host.name);
  });

  it.each([
    ["inactive", fixtures.tenantA.inactiveHostEmail],
    ["unknown", "nobody-here@example.com"],
    ["of another client", fixtures.tenantB.host.email],
    ["not an email", "maria"],
  ])("rejects an %s host with 400 on host_email and creates nothing", async (_label, hostEmail) => {
    const lead = await createLead();
    expectValidationError(await postMeeting(meetingBody(lead.email!, { host_email: hostEmail })), ["host_email"]);
    expect((await listMeetings(lead.id)).body.meetings).toEqual([]);
  });
});

describe("POST /meetings: meeting_type_id", () => {
  it("accepts a meeting type of the key's client and shows its name", async () => {
    const lead = await createLead();
    const response = await postMeeting(meetingBody(lead.email!, { meeting_type_id: fixtures.tenantA.meetingType.id }));
    expect(response.status).toBe(201);
    expect(response.body.meeting.meeting_type).toBe(fixtures.tenantA.meetingType.name);
    expect((await listMeetings(lead.id)).body.meetings[0].meeting_type).toBe(fixtures.tenantA.meetingType.name);
  });

  it.each([
    ["of another client", fixtures.tenantB.meetingType.id],
    ["unknown", "00000000-0000-4000-8000-000000000000"],
    ["malformed", "consultation"],
    ["not a string", 12],
  ])("rejects a meeting type %s with 400 on meeting_type_id", async (_label, meetingTypeId) => {
    const lead = await createLead();
    expectValidationError(await postMeeting(meetingBody(lead.email!, { meeting_type_id: meetingTypeId })), ["meeting_type_id"]);
    expect((await listMeetings(lead.id)).body.meetings).toEqual([]);
  });

  it("reports a bad host and a bad meeting type together", async () => {
    const lead = await createLead();
    const response = await postMeeting(
      meetingBody(lead.email!, { host_email: fixtures.tenantB.host.email, meeting_type_id: fixtures.tenantB.meetingType.id }),
    );
    expectValidationError(response, ["host_email", "meeting_type_id"]);
  });
});

import { describe, expect, it } from "vitest";
import { createLead, fixtures, keyB, listMeetings, meetingBody, postMeeting, uniqueId } from "../support/api";

const dedup = (eventId: string) => ({ external_calendar_provider: "ghl", external_event_id: eventId });

describe("POST /meetings: idempotency on (provider, event id)", () => {
  it("answers 201 first, then 200 with the same id and created_at, every field as the replay says", async () => {
    const lead = await createLead();
    const eventId = uniqueId();
    const first = await postMeeting(
      meetingBody(lead.email!, {
        ...dedup(eventId),
        title: "Original",
        status: "confirmed",
        meeting_url: "https://meet.google.com/orig-inal-url",
        location_type: "phone",
        location_details: "Call the mobile",
        description: "First version",
        host_email: fixtures.tenantA.host.email,
        meeting_type_id: fixtures.tenantA.meetingType.id,
        attendee_name: "Custom Name",
        additional_attendees: [{ email: "extra@example.com" }],
      }),
    );
    expect(first.status).toBe(201);

    const replay = await postMeeting({
      lead_email: lead.email,
      title: "Rescheduled",
      starts_at: "2026-04-22T10:00:00Z",
      duration_minutes: 45,
      ...dedup(eventId),
    });
    expect(replay.status).toBe(200);
    expect(replay.body.success).toBe(true);
    const expected = {
      id: first.body.meeting.id,
      created_at: first.body.meeting.created_at,
      lead_id: lead.id,
      title: "Rescheduled",
      starts_at: "2026-04-22T10:00:00Z",
      ends_at: "2026-04-22T10:45:00Z",
      duration_minutes: 45,
      // Left out of the replay: back to the defaults a fresh create would set.
      timezone: "UTC",
      status: "scheduled",
      confirmed_by_lead: false,
      meeting_url: null,
      location_type: "video",
      location_details: null,
      description: null,
      host_name: null,
      meeting_type: null,
      attendee_name: lead.full_name,
      attendee_email: lead.email,
      additional_attendees: [],
      external_calendar_provider: "ghl",
      external_event_id: eventId,
      source: "api",
    };
    expect(replay.body.meeting).toMatchObject(expected);

    const listed = await listMeetings(lead.id);
    expect(listed.body.meetings).toHaveLength(1);
    expect(listed.body.meetings[0]).toMatchObject({ ...expected, additional_attendees: [] });
  });

  it("answers 200 to an identical replay and keeps one meeting", async () => {
    const lead = await createLead();
    const body = meetingBody(lead.email!, dedup(uniqueId()));
    const first = await postMeeting(body);
    const second = await postMeeting(body);
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.body.meeting).toMatchObject({ ...first.body.meeting, updated_at: expect.any(String) });
    expect((await listMeetings(lead.id)).body.meetings).toHaveLength(1);
  });

  it("answers 409 when the replay resolves to a different lead, and changes nothing", async () => {
    const owner = await createLead();
    const other = await createLead();
    const eventId = uniqueId();
    const first = await postMeeting(meetingBody(owner.email!, { ...dedup(eventId), title: "Owner's meeting" }));
    expect(first.status).toBe(201);

    const conflict = await postMeeting(meetingBody(other.email!, { ...dedup(eventId), title: "Hijacked" }));
    expect(conflict.status).toBe(409);
    expect(conflict.body).toEqual({ error: "external_event_id already bound to a different lead", code: "external_event_conflict" });

    const viaLeadId = await postMeeting({ ...meetingBody(owner.email!, { ...dedup(eventId), title: "Hijacked" }), lead_id: other.id });
    expect(viaLeadId.status).toBe(409);

    const ownerMeetings = (await listMeetings(owner.id)).body.meetings;
    expect(ownerMeetings).toHaveLength(1);
    const { updated_at: _ignored, ...unchanged } = first.body.meeting;
    expect(ownerMeetings[0]).toMatchObject({ ...unchanged, title: "Owner's meeting" });
    expect(ownerMeetings[0].updated_at).toBe(first.body.meeting.updated_at);
    expect((await listMeetings(other.id)).body.meetings).toEqual([]);
  });

  it.each([
    ["only external_event_id", (id: string) => ({ external_event_id: id })],
    ["only external_calendar_provider", (_id: string) => ({ external_calendar_provider: "ghl" })],
    ["an empty provider", (id: string) => ({ external_calendar_provider: "", external_event_id: id })],
  ])("does not deduplicate with %s: two POSTs create two meetings", async (_label, ids) => {
    const lead = await createLead();
    const eventId = uniqueId();
    const first = await postMeeting(meetingBody(lead.email!, ids(eventId)));
    const second = await postMeeting(meetingBody(lead.email!, ids(eventId)));
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.meeting.id).not.toBe(first.body.meeting.id);
    expect((await listMeetings(lead.id)).body.meetings).toHaveLength(2);
  });

  it("stores a lone external id as given", async () => {
    const lead = await createLead();
    const eventId = uniqueId();
    const response = await postMeeting(meetingBody(lead.email!, { external_event_id: eventId }));
    expect(response.body.meeting).toMatchObject({ external_calendar_provider: null, external_event_id: eventId });
  });

  it("treats a different provider with the same event id as a different meeting", async () => {
    const lead = await createLead();
    const eventId = uniqueId();
    const ghl = await postMeeting(meetingBody(lead.email!, { external_calendar_provider: "ghl", external_event_id: eventId }));
    const google = await postMeeting(meetingBody(lead.email!, { external_calendar_provider: "google", external_event_id: eventId }));
    expect([ghl.status, google.status]).toEqual([201, 201]);
    expect((await listMeetings(lead.id)).body.meetings).toHaveLength(2);
  });

  it("keeps the same external ids in two tenants independent", async () => {
    const leadA = await createLead();
    const leadB = await createLead({}, keyB);
    const eventId = uniqueId();
    const inA = await postMeeting(meetingBody(leadA.email!, dedup(eventId)));
    const inB = await postMeeting(meetingBody(leadB.email!, dedup(eventId)), keyB);
    expect([inA.status, inB.status]).toEqual([201, 201]);
    expect(inB.body.meeting.id).not.toBe(inA.body.meeting.id);
    expect(inB.body.meeting.lead_id).toBe(leadB.id);
    expect((await listMeetings(leadA.id)).body.meetings).toHaveLength(1);
    expect((await listMeetings(leadB.id, { key: keyB })).body.meetings).toHaveLength(1);
  });

  it("creates exactly one meeting for 50 simultaneous identical POSTs, every answer 2xx with its id", async () => {
    const lead = await createLead();
    const body = meetingBody(lead.email!, dedup(uniqueId()));
    const responses = await Promise.all(Array.from({ length: 50 }, () => postMeeting(body)));
    for (const response of responses) expect([200, 201], JSON.stringify(response.body)).toContain(response.status);
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    const listed = (await listMeetings(lead.id)).body.meetings;
    expect(listed).toHaveLength(1);
    expect(new Set(responses.map((r) => r.body.meeting.id))).toEqual(new Set([listed[0].id]));
  });
});

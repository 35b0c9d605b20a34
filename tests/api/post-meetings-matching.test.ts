import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  api,
  createLead,
  fixtures,
  LEAD_EMAIL_NOT_FOUND,
  LEAD_NOT_FOUND,
  listMeetings,
  meetingBody,
  postMeeting,
  uniqueEmail,
} from "../support/api";

// An integration's body names an external event too, and the same statement then also reads the event's meeting
// (findLeadByEmailWithEventMeeting): the matching rules must hold with and without one.
const paths = [
  { path: "without an external event", event: () => ({}) },
  { path: "with an external event", event: () => ({ external_calendar_provider: "calendly", external_event_id: randomUUID() }) },
];

describe.each(paths)("POST /meetings: lead matching, $path", ({ event }) => {
  const body = (email: string, overrides: Parameters<typeof meetingBody>[1] = {}) => meetingBody(email, { ...event(), ...overrides });

  it("matches the lead's email trimmed and case-insensitively", async () => {
    const email = uniqueEmail("Case.Mixed");
    const lead = await createLead({ email });
    const response = await postMeeting(body(`\t ${email.toUpperCase()} `));
    expect(response.status).toBe(201);
    expect(response.body.meeting.lead_id).toBe(lead.id);
  });

  it("matches a lead registered in upper case by a lower-case email", async () => {
    const email = uniqueEmail("upper");
    const lead = await createLead({ email: email.toUpperCase() });
    const response = await postMeeting(body(email));
    expect(response.status).toBe(201);
    expect(response.body.meeting.lead_id).toBe(lead.id);
  });

  it("picks the most recently updated lead among several with one email", async () => {
    const email = uniqueEmail("shared");
    const first = await createLead({ email, first_name: "First" });
    const second = await createLead({ email, first_name: "Second" });
    // Newest created wins before any update…
    expect((await postMeeting(body(email))).body.meeting.lead_id).toBe(second.id);
    // …until the older one is updated.
    expect((await api("PATCH", `/leads/${first.id}`, { body: { phone: "+1 555 0101" } })).status).toBe(200);
    const response = await postMeeting(body(email, { title: "After update" }));
    expect(response.status).toBe(201);
    expect(response.body.meeting).toMatchObject({ lead_id: first.id, attendee_name: "First Lead", attendee_phone: "+1 555 0101" });
  });

  it("matches among leads whose email differs only in case by updated_at", async () => {
    const email = uniqueEmail("mixed");
    const older = await createLead({ email: email.toUpperCase() });
    const newer = await createLead({ email });
    expect((await postMeeting(body(email.toUpperCase()))).body.meeting.lead_id).toBe(newer.id);
    await api("PATCH", `/leads/${older.id}`, { body: { last_name: "Touched" } });
    expect((await postMeeting(body(email, { title: "Again" }))).body.meeting.lead_id).toBe(older.id);
  });

  it("breaks a tie on updated_at by the greatest created_at", async () => {
    const { email, winnerId } = fixtures.leadTies.createdAt;
    const response = await postMeeting(body(email));
    expect(response.status).toBe(201);
    expect(response.body.meeting.lead_id).toBe(winnerId);
  });

  it("breaks a tie on updated_at and created_at by the greatest id", async () => {
    const { email, winnerId } = fixtures.leadTies.id;
    const response = await postMeeting(body(email));
    expect(response.status).toBe(201);
    expect(response.body.meeting.lead_id).toBe(winnerId);
  });

  it("answers 404 with the documented text when no lead has the email", async () => {
    const response = await postMeeting(body(uniqueEmail("nobody")));
    expect(response.status).toBe(404);
    expect(response.body).toEqual(LEAD_EMAIL_NOT_FOUND);
  });

  it("does not match a lead of another tenant by email", async () => {
    const email = uniqueEmail("tenant-b");
    await createLead({ email }, fixtures.tenantB.apiKey);
    const response = await postMeeting(body(email));
    expect(response.status).toBe(404);
    expect(response.body).toEqual(LEAD_EMAIL_NOT_FOUND);
  });

  it("uses lead_id without any lead_email", async () => {
    const lead = await createLead({ phone: "+56 2 2222 2222" });
    const { lead_email: _omitted, ...withoutEmail } = body("unused@example.com");
    const response = await postMeeting({ ...withoutEmail, lead_id: lead.id });
    expect(response.status).toBe(201);
    expect(response.body.meeting).toMatchObject({ lead_id: lead.id, attendee_email: lead.email, attendee_name: lead.full_name, attendee_phone: "+56 2 2222 2222" });
  });

  it("lets lead_id win over lead_email, attendee_email defaulting to that lead's email", async () => {
    const byId = await createLead({ first_name: "ById" });
    const byEmail = await createLead({ first_name: "ByEmail" });
    const response = await postMeeting(body(byEmail.email!, { lead_id: byId.id }));
    expect(response.status).toBe(201);
    expect(response.body.meeting).toMatchObject({ lead_id: byId.id, attendee_email: byId.email, attendee_name: "ById Lead" });
    expect((await listMeetings(byEmail.id)).body.meetings).toEqual([]);
  });

  it("lets lead_id win even when lead_email matches no lead", async () => {
    const lead = await createLead();
    const response = await postMeeting(body(uniqueEmail("nobody"), { lead_id: lead.id }));
    expect(response.status).toBe(201);
    expect(response.body.meeting.lead_id).toBe(lead.id);
  });

  it.each([
    ["of another tenant", () => fixtures.tenantB.leadId],
    ["that does not exist", () => randomUUID()],
  ])("answers 404 with the documented text for a lead_id %s", async (_label, leadId) => {
    const lead = await createLead();
    const response = await postMeeting(body(lead.email!, { lead_id: leadId() }));
    expect(response.status).toBe(404);
    expect(response.body).toEqual(LEAD_NOT_FOUND);
    expect((await listMeetings(lead.id)).body.meetings).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import {
  api,
  createLead,
  expectValidationError,
  fixtures,
  keyA,
  keyB,
  LEAD_EMAIL_NOT_FOUND,
  LEAD_NOT_FOUND,
  listMeetings,
  meetingBody,
  postMeeting,
} from "../support/api";

describe("tenant isolation", () => {
  it("never shows tenant A's lead or its meetings to tenant B's key", async () => {
    const lead = await createLead();
    expect((await postMeeting(meetingBody(lead.email!))).status).toBe(201);

    const asB = [
      await api("GET", `/leads/${lead.id}`, { key: keyB }),
      await api("GET", `/leads/${lead.id}/meetings`, { key: keyB }),
      await api("GET", `/leads/${fixtures.timeline.leadId}/meetings?status=scheduled`, { key: keyB }),
      await api("PATCH", `/leads/${lead.id}`, { key: keyB, body: { first_name: "Stolen" } }),
    ];
    for (const response of asB) {
      expect(response.status).toBe(404);
      expect(response.body).toEqual(LEAD_NOT_FOUND);
    }
    // A still sees its lead untouched.
    expect((await api("GET", `/leads/${lead.id}`, { key: keyA })).body.lead.first_name).toBe("Test");
  });

  it("does not let tenant B log a meeting against tenant A's lead, by email or by id", async () => {
    const lead = await createLead();
    const byEmail = await postMeeting(meetingBody(lead.email!), keyB);
    expect(byEmail.status).toBe(404);
    expect(byEmail.body).toEqual(LEAD_EMAIL_NOT_FOUND);
    const byId = await postMeeting({ ...meetingBody(lead.email!), lead_id: lead.id }, keyB);
    expect(byId.status).toBe(404);
    expect(byId.body).toEqual(LEAD_NOT_FOUND);
    expect((await listMeetings(lead.id)).body.meetings).toEqual([]);
  });

  it("matches by email only within the key's tenant when both tenants have the email", async () => {
    const a = await createLead();
    const b = await createLead({ email: a.email }, keyB);
    const response = await postMeeting(meetingBody(a.email!), keyB);
    expect(response.status).toBe(201);
    expect(response.body.meeting.lead_id).toBe(b.id);
    expect((await listMeetings(a.id)).body.meetings).toEqual([]);
  });

  it("treats the other tenant's host and meeting type as missing", async () => {
    const lead = await createLead({}, keyB);
    expectValidationError(await postMeeting(meetingBody(lead.email!, { host_email: fixtures.tenantA.host.email }), keyB), ["host_email"]);
    expectValidationError(
      await postMeeting(meetingBody(lead.email!, { meeting_type_id: fixtures.tenantA.meetingType.id }), keyB),
      ["meeting_type_id"],
    );
    const own = await postMeeting(
      meetingBody(lead.email!, { host_email: fixtures.tenantB.host.email, meeting_type_id: fixtures.tenantB.meetingType.id }),
      keyB,
    );
    expect(own.status).toBe(201);
    expect(own.body.meeting).toMatchObject({ host_name: fixtures.tenantB.host.name, meeting_type: fixtures.tenantB.meetingType.name });
  });

  it("lets tenant B see its own lead, which tenant A cannot", async () => {
    expect((await api("GET", `/leads/${fixtures.tenantB.leadId}`, { key: keyB })).status).toBe(200);
    expect((await api("GET", `/leads/${fixtures.tenantB.leadId}/meetings`, { key: keyB })).body).toEqual({ success: true, meetings: [] });
    expect((await api("GET", `/leads/${fixtures.tenantB.leadId}/meetings`, { key: keyA })).status).toBe(404);
  });
});

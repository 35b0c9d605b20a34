import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  api,
  baseUrl,
  createLead,
  expectValidationError,
  fixtures,
  GET_MEETING_FIELDS,
  keyA,
  LEAD_NOT_FOUND,
  listMeetings,
  meetingBody,
  NULLABLE_MEETING_FIELDS,
  postMeeting,
  UTC_ISO,
} from "../support/api";

const timeline = fixtures.timeline;
const id = (title: keyof typeof timeline.meetings | string) => timeline.meetings[title];
// The timeline lead's meetings by starts_at, latest first (fixtures.ts places them relative to now).
const ALL_BY_START_DESC = [
  "Upcoming later", "Unsafe link", "Upcoming soon", "Past awaiting outcome",
  "Past completed", "No-show recent", "Past cancelled", "No-show older",
].map(id);

describe("GET /leads/{id}/meetings", () => {
  it("returns success and every meeting, each with every documented field (null, never absent, when unset)", async () => {
    const response = await listMeetings(timeline.leadId);
    expect(response.status).toBe(200);
    expect(response.body.success).toBe(true);
    expect(response.body.meetings).toHaveLength(ALL_BY_START_DESC.length);
    for (const meeting of response.body.meetings) {
      for (const field of GET_MEETING_FIELDS) expect(meeting, `${meeting.title}.${field}`).toHaveProperty(field);
      for (const field of NULLABLE_MEETING_FIELDS) {
        expect(meeting[field] === null || typeof meeting[field] === "string", `${meeting.title}.${field}`).toBe(true);
      }
      expect(meeting.starts_at).toMatch(UTC_ISO);
      expect(meeting.ends_at).toMatch(UTC_ISO);
      expect(meeting.created_at).toMatch(UTC_ISO);
      expect(meeting.duration_minutes).toBe((Date.parse(meeting.ends_at) - Date.parse(meeting.starts_at)) / 60_000);
      expect(meeting.timezone).toBe("America/Santiago");
      expect(typeof meeting.confirmed_by_lead).toBe("boolean");
      expect(meeting.attendee_name).toBe(timeline.leadName);
    }
  });

  it("answers JSON that is never cached, whole list and page alike, as every other answer", async () => {
    for (const path of [`/leads/${timeline.leadId}/meetings`, `/leads/${timeline.leadId}/meetings?limit=2`]) {
      const response = await api("GET", path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type"), path).toMatch(/^application\/json/);
      expect(response.headers.get("cache-control"), path).toBe("no-store");
    }
  });

  it("sends each meeting's text as UTF-8 byte for byte, multi-byte characters too, whole list and page alike", async () => {
    const lead = await createLead();
    const title = "Café ☕ 会議 🎉 — Ñandú";
    expect((await postMeeting(meetingBody(lead.email!, { title, location_details: "Ünïcödé: ß ø 中文 😀" }))).status).toBe(201);
    for (const query of ["", "?limit=1"]) {
      const response = await fetch(`${baseUrl}/api/public/leads/${lead.id}/meetings${query}`, { headers: { "X-API-Key": keyA } });
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(response.status, query).toBe(200);
      expect(bytes.includes(Buffer.from(`"title":"${title}"`, "utf8")), query).toBe(true);
      const [meeting] = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)).meetings;
      expect(meeting, query).toMatchObject({ title, location_details: "Ünïcödé: ß ø 中文 😀" });
    }
  });

  it("shows the stored outcome fields: cancellation, no-show reason, outcome notes", async () => {
    const meetings = (await listMeetings(timeline.leadId)).body.meetings;
    const byId = (meetingId: string) => meetings.find((m: { id: string }) => m.id === meetingId);
    expect(byId(id("Past cancelled"))).toMatchObject({
      status: "cancelled", cancelled_at: expect.stringMatching(UTC_ISO), cancellation_reason: "Lead asked to move it.",
    });
    expect(byId(id("No-show recent"))).toMatchObject({ status: "no_show", no_show_reason: "Did not join the call.", cancelled_at: null });
    expect(byId(id("Past completed"))).toMatchObject({ status: "completed", outcome_notes: "Signed the proposal.", no_show_reason: null });
    expect(byId(id("Upcoming soon"))).toMatchObject({
      status: "scheduled", confirmed_by_lead: false, meeting_url: null, location_details: null, host_name: null,
      meeting_type: null, cancelled_at: null, cancellation_reason: null, no_show_reason: null, outcome_notes: null,
    });
    expect(byId(id("Upcoming later"))).toMatchObject({ status: "confirmed", confirmed_by_lead: true });
  });

  it("orders by starts_at descending", async () => {
    const response = await listMeetings(timeline.leadId);
    expect(response.body.meetings.map((m: { id: string }) => m.id)).toEqual(ALL_BY_START_DESC);
  });

  it("orders meetings with the same starts_at by created_at descending", async () => {
    const lead = await createLead();
    const first = await postMeeting(meetingBody(lead.email!, { title: "First" }));
    const second = await postMeeting(meetingBody(lead.email!, { title: "Second" }));
    const later = await postMeeting(meetingBody(lead.email!, { title: "Later", starts_at: "2026-04-21T14:00:00", ends_at: "2026-04-21T15:00:00" }));
    expect([first.status, second.status, later.status]).toEqual([201, 201, 201]);
    expect(Date.parse(second.body.meeting.created_at)).toBeGreaterThanOrEqual(Date.parse(first.body.meeting.created_at));
    const response = await listMeetings(lead.id);
    expect(response.body.meetings.map((m: { title: string }) => m.title)).toEqual(["Later", "Second", "First"]);
  });

  it("returns an empty list for a lead without meetings", async () => {
    const lead = await createLead();
    expect((await listMeetings(lead.id)).body).toEqual({ success: true, meetings: [] });
  });

  it.each([
    ["scheduled", ["Unsafe link", "Upcoming soon", "Past awaiting outcome"]],
    ["confirmed", ["Upcoming later"]],
    ["scheduled,confirmed", ["Upcoming later", "Unsafe link", "Upcoming soon", "Past awaiting outcome"]],
    ["completed", ["Past completed"]],
    ["cancelled", ["Past cancelled"]],
    ["no_show", ["No-show recent", "No-show older"]],
    ["completed,no_show,cancelled", ["Past completed", "No-show recent", "Past cancelled", "No-show older"]],
    [" confirmed , completed ", ["Upcoming later", "Past completed"]],
  ])("filters status=%s on the shown status", async (status, titles) => {
    const response = await listMeetings(timeline.leadId, { status });
    expect(response.status).toBe(200);
    expect(response.body.meetings.map((m: { id: string }) => m.id)).toEqual(titles.map(id));
    const shown = status.split(",").map((s) => s.trim());
    for (const meeting of response.body.meetings) expect(shown).toContain(meeting.status);
  });

  it("reads a repeated status parameter as one comma-separated list", async () => {
    const response = await api("GET", `/leads/${timeline.leadId}/meetings?status=cancelled&status=confirmed`);
    expect(response.body.meetings.map((m: { id: string }) => m.id)).toEqual(["Upcoming later", "Past cancelled"].map(id));
    expectValidationError(await api("GET", `/leads/${timeline.leadId}/meetings?status=cancelled&status=upcoming`), ["status"]);
  });

  it("treats an empty status filter as all", async () => {
    const response = await listMeetings(timeline.leadId, { status: "" });
    expect(response.status).toBe(200);
    expect(response.body.meetings.map((m: { id: string }) => m.id)).toEqual(ALL_BY_START_DESC);
  });

  it.each(["upcoming", "scheduled,done", "no-show"])("answers 400 validation_failed on status=%s, naming the allowed values", async (status) => {
    const [detail] = expectValidationError(await listMeetings(timeline.leadId, { status }), ["status"]);
    expect(detail.message).toContain("scheduled, confirmed, completed, cancelled, no_show");
  });

  it.each([
    ["that does not exist", () => randomUUID()],
    ["of another tenant", () => fixtures.tenantB.leadId],
    ["whose id is not a UUID", () => "550e8400"],
  ])("answers 404 with the documented text for a lead %s", async (_label, leadId) => {
    const response = await api("GET", `/leads/${leadId()}/meetings`);
    expect(response.status).toBe(404);
    expect(response.body).toEqual(LEAD_NOT_FOUND);
  });
});

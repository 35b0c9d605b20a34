import { randomUUID } from "node:crypto";
import { afterAll, assert, beforeAll, describe, expect, it, vi } from "vitest";
import { logMeetingAction } from "@/app/(dashboard)/leads/[id]/actions";
import { loadHistoryAction } from "@/app/(dashboard)/leads/[id]/history-actions";
import { changeMeetingAction } from "@/app/(dashboard)/leads/[id]/meeting-actions";
import { loadTimelinePageAction } from "@/app/(dashboard)/leads/[id]/timeline-actions";
import type { Database } from "@/db/client";
import { createClient, createUser } from "@/lib/admin/service";
import type { Rep } from "@/lib/auth/session";
import { createLead } from "@/lib/leads/service";
import { logMeeting } from "@/lib/meetings/log";
import { meetingInputSchema } from "@/lib/meetings/schema";
import { TIMELINE_PAGE_SIZE } from "@/lib/meetings/timeline-page";
import { openEmbeddedDatabase, type EmbeddedDatabase } from "@/tests/support/embedded-database";

// The dashboard's server actions with the session and database handed in: what they answer to
// arguments a form never sends, and how service errors come back to the form.
const session = vi.hoisted(() => ({ rep: null as Rep | null, db: null as Database | null }));
vi.mock("@/lib/auth/session", () => ({ requireRep: async () => session.rep }));
vi.mock("@/lib/db", () => ({ getDb: async () => session.db }));

let connection: EmbeddedDatabase;
let db: Database;
let leadId: string;
let otherClientMeetingId: string;
let otherClientLeadId: string;
const unreadable = { ok: false, fieldErrors: {}, formError: "This request could not be read. Reload the page and try again." };
const HOUR = 3_600_000;

async function meeting(title: string, startsInHours: number, clientId = session.rep!.clientId, lead = leadId) {
  const input = meetingInputSchema.parse({ lead_id: lead, title, starts_at: new Date(Date.now() + startsInHours * HOUR).toISOString(), duration_minutes: 30 });
  return (await logMeeting(db, { clientId, input, source: "api", actor: { type: "api", name: "test" } })).meeting.id;
}

beforeAll(async () => {
  connection = await openEmbeddedDatabase("dashboard action");
  db = session.db = connection.db;
  const { client } = await createClient(db, { name: "Actions" });
  const user = await createUser(db, { clientId: client.id, email: "rep-actions@example.com", name: "Maria Rep", password: "long-enough" });
  session.rep = { userId: user.id, clientId: client.id, name: user.name, email: user.email, timeZone: "America/New_York", locale: null };
  leadId = (await createLead(db, { clientId: client.id, input: { first_name: "Lead", email: "lead-actions@example.com" } })).id;

  const { client: other } = await createClient(db, { name: "Other" });
  const otherLead = await createLead(db, { clientId: other.id, input: { first_name: "Other" } });
  otherClientLeadId = otherLead.id;
  otherClientMeetingId = await meeting("Not yours", 24, other.id, otherLead.id);
}, 60_000);

afterAll(async () => {
  await connection.close();
});

describe("changeMeetingAction", () => {
  it("answers arguments no form sends with a readable result, not a thrown error", async () => {
    const id = await meeting("Args", 24);
    for (const [meetingId, action, body] of [
      [42, "cancel", {}],
      [null, "cancel", {}],
      [id, "delete", {}],
      [id, ["cancel"], {}],
      [id, "cancel", "because"],
      [id, "cancel", ["because"]],
      [id, "cancel", null],
    ]) {
      expect(await changeMeetingAction(meetingId, action, body)).toEqual(unreadable);
    }
  });

  it("applies the action as the signed-in rep and says where the meeting went", async () => {
    const id = await meeting("Discovery", 24);
    expect(await changeMeetingAction(id, "cancel", { reason: "Lead is ill" })).toEqual({
      ok: true, tab: "past", message: "“Discovery” cancelled. It is in Past.",
    });
    const history = await loadHistoryAction({ meetingId: id }, 0);
    expect(history.ok && history.page.items.map((item) => [item.event, item.actor, item.reason])).toEqual([
      ["Cancelled", "Maria Rep", "Lead is ill"],
      ["Scheduled", "API (test)", null],
    ]);
  });

  it("returns field errors from the action's schema, and a refused transition as a sentence", async () => {
    const id = await meeting("Refused", 24);
    expect(await changeMeetingAction(id, "cancel", { reason: 7 })).toMatchObject({ ok: false, fieldErrors: { reason: "must be a string" } });
    expect(await changeMeetingAction(id, "reschedule", { duration_minutes: 30 })).toMatchObject({ ok: false, fieldErrors: { starts_at: "is required" } });
    expect(await changeMeetingAction(id, "complete", {})).toEqual({
      ok: false,
      fieldErrors: {},
      formError: "Cannot complete a meeting that has not started yet (it is scheduled). Someone may have changed it meanwhile; the page now shows its current state.",
    });
  });

  it("does not find another client's meeting, or one that does not exist", async () => {
    for (const id of [otherClientMeetingId, randomUUID(), "not-a-uuid"]) {
      expect(await changeMeetingAction(id, "cancel", {})).toEqual({ ok: false, fieldErrors: {}, formError: "This meeting no longer exists in your account." });
    }
  });

  it("reschedules by the API's rules, reading wall times in the chosen zone", async () => {
    const id = await meeting("Moved", 24);
    const result = await changeMeetingAction(id, "reschedule", { starts_at: "2027-03-14T02:30", duration_minutes: 30, timezone: "America/New_York" });
    expect(result).toEqual({ ok: true, tab: "upcoming", message: "“Moved” rescheduled to Sun, Mar 14, 2027, 3:30 – 4:00 AM EDT. It is in Upcoming." });
  });
});

describe("loadHistoryAction", () => {
  it("answers a malformed scope or offset with a readable result", async () => {
    for (const [scope, offset] of [
      [{ meetingId: "not-a-uuid" }, 0],
      [{ leadId }, -1],
      [{ leadId }, 1.5],
      [{ leadId, meetingId: leadId }, 0],
      ["lead", 0],
      [null, 0],
    ]) {
      expect(await loadHistoryAction(scope, offset)).toEqual(unreadable);
    }
  });

  it("shows nothing of another client's meeting", async () => {
    expect(await loadHistoryAction({ meetingId: otherClientMeetingId }, 0)).toEqual({ ok: true, page: { items: [], total: 0, nextOffset: null } });
  });
});

describe("loadTimelinePageAction", () => {
  it("answers arguments no page sends with a readable result", async () => {
    for (const [lead, tab, cursor] of [
      ["not-a-uuid", "past", null],
      [leadId, "archived", null],
      [leadId, "past", ""],
      [leadId, "past", 42],
      [leadId, "past", "x".repeat(513)],
    ]) {
      expect(await loadTimelinePageAction(lead, tab, cursor)).toEqual(unreadable);
    }
  });

  it("pages a tab with the cursor of the previous page, and refuses another lead's cursor on the field", async () => {
    const { clientId } = session.rep!;
    const paged = (await createLead(db, { clientId, input: { first_name: "Paged" } })).id;
    const ids: string[] = [];
    for (let hour = 1; hour <= TIMELINE_PAGE_SIZE + 1; hour++) ids.push(await meeting(`In ${hour} h`, hour, clientId, paged));
    const first = await loadTimelinePageAction(paged, "upcoming", null);
    assert(first.ok && first.page.nextCursor);
    const second = await loadTimelinePageAction(paged, "upcoming", first.page.nextCursor);
    assert(second.ok);
    expect([...first.page.meetings, ...second.page.meetings].map((m) => m.id)).toEqual(ids);
    expect(second.page.nextCursor).toBeNull();
    expect(await loadTimelinePageAction(leadId, "upcoming", first.page.nextCursor)).toMatchObject({ ok: false, fieldErrors: { cursor: expect.any(String) } });
  });

  it("shows nothing of another client's lead", async () => {
    expect(await loadTimelinePageAction(otherClientLeadId, "upcoming", null)).toMatchObject({ ok: true, page: { meetings: [], nextCursor: null } });
  });
});

describe("logMeetingAction", () => {
  const input = (startsInHours: number) => ({ title: "By hand", starts_at: new Date(Date.now() + startsInHours * HOUR).toISOString(), duration_minutes: 30 });

  it("answers arguments no form sends with a readable result", async () => {
    for (const [lead, values, outcome] of [
      [42, input(24), null],
      [leadId, "title", null],
      [leadId, [input(24)], null],
      [leadId, input(24), "complete"],
    ]) {
      expect(await logMeetingAction(lead, values, outcome)).toEqual(unreadable);
    }
    expect(await logMeetingAction(randomUUID(), input(24), null)).toEqual({ ok: false, fieldErrors: {}, formError: "This lead no longer exists in your account." });
  });

  it("records a meeting that already happened: scheduled, then its outcome", async () => {
    const result = await logMeetingAction(leadId, input(-2), { action: "no_show", reason: "No answer" });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.tab).toBe("no-show");
    const history = await loadHistoryAction({ meetingId: result.meetingId }, 0);
    expect(history.ok && history.page.items.map((item) => item.event)).toEqual(["Marked no-show", "Scheduled"]);
  });
});

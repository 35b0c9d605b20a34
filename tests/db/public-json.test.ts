import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { meetings, meetingTypes, users } from "@/db/schema";
import { createClient } from "@/lib/admin/service";
import { createLead } from "@/lib/leads/service";
import type { MeetingCursor } from "@/lib/meetings/cursor";
import { creationChanges, meetingChanges } from "@/lib/meetings/history";
import { applyMeetingAction } from "@/lib/meetings/lifecycle";
import { logMeeting } from "@/lib/meetings/log";
import { getMeeting, listPublicMeetingPageOfLead, listPublicMeetingsOfLead, publicMeetingsOf } from "@/lib/meetings/queries";
import { meetingInputSchema } from "@/lib/meetings/schema";
import { toPublicMeeting } from "@/lib/meetings/serialize";
import { openEmbeddedDatabase, type EmbeddedDatabase } from "@/tests/support/embedded-database";

// A lead's meetings reach the public API as JSON the database keeps (meetings.public_json, migration 0013); every other
// answer maps the same rows through toPublicMeeting. The two must say the same, value for value and key
// for key, for every kind of meeting: each row here is one edge the SQL form could get wrong.

let connection: EmbeddedDatabase;
let db: Database;
let clientId: string;
let leadId: string;

const at = (iso: string) => sql`${iso}::timestamptz`;
const awkwardText = 'quote " backslash \\ newline \n tab \t bell \u0007 line-separator \u2028 ñandú 🎉 </script>';

beforeAll(async () => {
  connection = await openEmbeddedDatabase("public json");
  db = connection.db;
  clientId = (await createClient(db, { name: "JSON" })).client.id;
  leadId = (await createLead(db, { clientId, input: { first_name: "Json", email: "json@example.com" } })).id;
  const [host] = await db.insert(users).values({ clientId, email: "host@json.example", name: "Hélène Host" }).returning();
  const [type] = await db.insert(meetingTypes).values({ clientId, name: "Demo \"call\"" }).returning();
  const base = { clientId, leadId, title: "Meeting", attendeeName: "Json", source: "api" as const };
  await db.insert(meetings).values([
    { ...base, title: "whole seconds", startsAt: at("2026-03-01T10:00:00Z"), endsAt: at("2026-03-01T10:30:00Z") },
    { ...base, title: "milliseconds", startsAt: at("2026-03-02T10:00:00.123Z"), endsAt: at("2026-03-02T11:30:00.120Z") },
    // PostgreSQL keeps microseconds; a JavaScript Date drops them, and so must the SQL form.
    { ...base, title: "microseconds", startsAt: at("2026-03-03T10:00:00.999999Z"), endsAt: at("2026-03-03T10:01:00.000500Z") },
    { ...base, title: "90 seconds", startsAt: at("2026-03-04T10:00:00Z"), endsAt: at("2026-03-04T10:01:30Z") },
    // Nothing caps ends_at: 5.3 billion minutes, beyond a 32-bit integer.
    { ...base, title: "millennia", startsAt: at("0001-01-01T00:00:00Z"), endsAt: at("9999-12-31T23:59:59.999Z") },
    { ...base, title: "confirmed", status: "scheduled", confirmedByLead: true, startsAt: at("2026-03-05T10:00:00Z"), endsAt: at("2026-03-05T11:00:00Z") },
    {
      ...base, title: "cancelled", status: "cancelled", cancelledAt: at("2026-03-01T09:00:00.5Z"), cancellationReason: awkwardText,
      startsAt: at("2026-03-06T10:00:00Z"), endsAt: at("2026-03-06T11:00:00Z"),
    },
    {
      ...base, title: "no-show", status: "no_show", noShowReason: "rep_marked", outcomeAt: at("2026-03-07T12:00:00Z"), outcomeNotes: "",
      startsAt: at("2026-03-07T10:00:00Z"), endsAt: at("2026-03-07T11:00:00Z"),
    },
    {
      ...base, title: awkwardText, description: awkwardText, status: "completed", outcomeAt: at("2026-03-08T12:00:00.001Z"),
      startsAt: at("2026-03-08T10:00:00Z"), endsAt: at("2026-03-09T10:00:00Z"), timezone: "America/Santiago",
      meetingUrl: "https://meet.example.com/a?b=c&d=e", locationType: "in_person", locationDetails: "Av. Providencia 1234, 5° piso",
      hostUserId: host.id, meetingTypeId: type.id, attendeeEmail: "json@example.com", attendeePhone: "+56 9 5555 0101",
      additionalAttendees: [{ name: "Ana", email: "ana@example.com" }, { name: null, email: "x@example.com" }],
      externalCalendarProvider: "calendly", externalEventId: "evt_\u00e9\"1",
    },
  ]);
}, 60_000);

afterAll(async () => {
  await connection.close();
});

describe("a lead's meetings as the database keeps them (public_json) and as toPublicMeeting maps them", () => {
  it("agree on every meeting, key for key, in the listing's order", async () => {
    const written = (await listPublicMeetingsOfLead(db, { clientId, leadId })).map(String);
    expect(written).toHaveLength(9);
    for (const text of written) {
      const fromSql = JSON.parse(text);
      const mapped = toPublicMeeting(await getMeeting(db, { clientId, meetingId: fromSql.id }));
      // Re-serialised, so key order counts; whitespace aside, the text is PostgreSQL's own (compact).
      expect(JSON.stringify(fromSql), mapped.title).toBe(JSON.stringify(mapped));
    }
    expect(written.map((text) => JSON.parse(text).title).slice(0, 2)).toEqual([awkwardText, "no-show"]);
  });

  it("says the same in pages: every page size, the pages together are the whole list", async () => {
    const whole = (await listPublicMeetingsOfLead(db, { clientId, leadId })).map(String);
    for (const limit of [1, 3, 8, 9, 10]) {
      const paged: string[] = [];
      let after: MeetingCursor | null = null;
      do {
        const page: { meetings: Buffer[]; nextCursor: MeetingCursor | null } = await listPublicMeetingPageOfLead(db, { clientId, leadId, limit, after });
        paged.push(...page.meetings.map(String));
        after = page.nextCursor;
      } while (after);
      expect(paged, `limit ${limit}`).toEqual(whole);
    }
  });

  it("pins the instants and durations the SQL form computes itself", async () => {
    const byTitle = Object.fromEntries((await listPublicMeetingsOfLead(db, { clientId, leadId })).map(String).map((text) => [JSON.parse(text).title, JSON.parse(text)]));
    expect(byTitle["whole seconds"]).toMatchObject({ starts_at: "2026-03-01T10:00:00Z", duration_minutes: 30 });
    expect(byTitle.milliseconds).toMatchObject({ starts_at: "2026-03-02T10:00:00.123Z", ends_at: "2026-03-02T11:30:00.120Z", duration_minutes: 89 });
    expect(byTitle.microseconds).toMatchObject({ starts_at: "2026-03-03T10:00:00.999Z", ends_at: "2026-03-03T10:01:00Z", duration_minutes: 0 });
    expect(byTitle["90 seconds"]).toMatchObject({ duration_minutes: 1 });
    expect(byTitle.millennia).toMatchObject({ starts_at: "0001-01-01T00:00:00Z", ends_at: "9999-12-31T23:59:59.999Z", duration_minutes: 5_258_964_959 });
    expect(byTitle.confirmed).toMatchObject({ status: "confirmed", confirmed_by_lead: true });
    expect(byTitle.cancelled).toMatchObject({ status: "cancelled", cancelled_at: "2026-03-01T09:00:00.500Z" });
  });

  it("writes each meeting compactly, but for additional_attendees, which keeps PostgreSQL's jsonb spacing", async () => {
    const first = String((await listPublicMeetingsOfLead(db, { clientId, leadId }))[0]);
    expect(first.startsWith('{"id":"')).toBe(true);
    expect(first).toContain('"confirmed_by_lead":false,');
    expect(first).toContain('"additional_attendees":[{"name": "Ana", "email": "ana@example.com"}, {"name": null, "email": "x@example.com"}]');
  });
});

describe("a new meeting's history changes as PostgreSQL writes them (creationChanges) and as meetingChanges(null, …) computes them", () => {
  it("agree on every meeting: every tracked field that is not null, nested nulls and false and empty text kept", async () => {
    const rows = await db
      .select({ id: sql<string>`created.id`, changes: sql<string>`${creationChanges(sql`created.meeting`)}::text` })
      .from(sql`(${publicMeetingsOf(sql`${meetings}`)}) as created`)
      .where(sql`created.client_id = ${clientId}`);
    expect(rows).toHaveLength(9);
    for (const row of rows) {
      const computed = meetingChanges(null, await getMeeting(db, { clientId, meetingId: row.id }));
      expect(JSON.parse(row.changes), computed.title?.to as string).toEqual(computed);
    }
    const byTitle = Object.fromEntries(rows.map((row) => JSON.parse(row.changes)).map((changes) => [changes.title.to, changes]));
    expect(byTitle[awkwardText].additional_attendees.to).toEqual([{ name: "Ana", email: "ana@example.com" }, { name: null, email: "x@example.com" }]);
    expect(byTitle[awkwardText]).not.toHaveProperty("outcome_notes");
    expect(byTitle["no-show"].outcome_notes).toEqual({ from: null, to: "" });
    expect(byTitle["whole seconds"].confirmed_by_lead).toEqual({ from: null, to: false });
    for (const untracked of ["id", "lead_id", "created_at", "updated_at"]) expect(byTitle["whole seconds"]).not.toHaveProperty(untracked);
  });
});

describe("the stored public JSON (meetings.public_json) follows every change", () => {
  const storedJsonOf = async (meetingId: string) =>
    (await db.select({ json: meetings.publicJson }).from(meetings).where(eq(meetings.id, meetingId)))[0].json;
  const expectStoredJsonCurrent = async (meetingId: string) =>
    expect(JSON.stringify(JSON.parse(await storedJsonOf(meetingId)))).toBe(JSON.stringify(toPublicMeeting(await getMeeting(db, { clientId, meetingId }))));

  async function meetingWithHostAndType(title: string) {
    const [host] = await db.insert(users).values({ clientId, email: `${title}@hosts.example`, name: `${title} host` }).returning();
    const [type] = await db.insert(meetingTypes).values({ clientId, name: `${title} type` }).returning();
    const [meeting] = await db.insert(meetings).values({
      clientId, leadId, title, attendeeName: "Json", source: "api", hostUserId: host.id, meetingTypeId: type.id,
      startsAt: at("2026-04-01T10:00:00Z"), endsAt: at("2026-04-01T11:00:00Z"),
    }).returning({ id: meetings.id });
    return { meetingId: meeting.id, hostId: host.id, typeId: type.id };
  }

  it("when the meeting itself is updated", async () => {
    const { meetingId } = await meetingWithHostAndType("updated");
    await db.update(meetings).set({ status: "cancelled", cancelledAt: at("2026-03-31T09:00:00Z"), title: "moved", updatedAt: at("2026-03-31T09:00:00.25Z") })
      .where(eq(meetings.id, meetingId));
    expect(JSON.parse(await storedJsonOf(meetingId))).toMatchObject({ title: "moved", status: "cancelled", updated_at: "2026-03-31T09:00:00.250Z" });
    await expectStoredJsonCurrent(meetingId);
  });

  it("when its host or its meeting type is renamed, and when either is deleted", async () => {
    const { meetingId, hostId, typeId } = await meetingWithHostAndType("renamed");
    // One change at a time: rewriting the JSON for one rereads both names.
    await db.update(users).set({ name: "Renamed host" }).where(eq(users.id, hostId));
    expect(JSON.parse(await storedJsonOf(meetingId))).toMatchObject({ host_name: "Renamed host", meeting_type: "renamed type" });
    await db.update(meetingTypes).set({ name: "Renamed type" }).where(eq(meetingTypes.id, typeId));
    expect(JSON.parse(await storedJsonOf(meetingId))).toMatchObject({ host_name: "Renamed host", meeting_type: "Renamed type" });
    await expectStoredJsonCurrent(meetingId);

    await db.delete(users).where(eq(users.id, hostId));
    expect(JSON.parse(await storedJsonOf(meetingId))).toMatchObject({ host_name: null, meeting_type: "Renamed type" });
    await db.delete(meetingTypes).where(eq(meetingTypes.id, typeId));
    expect(JSON.parse(await storedJsonOf(meetingId))).toMatchObject({ host_name: null, meeting_type: null });
    await expectStoredJsonCurrent(meetingId);
  });

  it("stays in the database: a create, a replay that changes the meeting and a lifecycle action answer without it", async () => {
    const actor = { type: "api" as const, name: "test" };
    const input = meetingInputSchema.parse({
      lead_id: leadId, title: "answered", starts_at: "2026-05-01T10:00:00Z", duration_minutes: 30,
      external_calendar_provider: "calendly", external_event_id: "answered-1",
    });
    const created = await logMeeting(db, { clientId, input, source: "api", actor });
    const replayed = await logMeeting(db, { clientId, input: { ...input, title: "answered again" }, source: "api", actor });
    const cancelled = await applyMeetingAction(db, { clientId, meetingId: created.meeting.id, action: { action: "cancel" }, actor });
    expect([created.created, replayed.created, replayed.meeting.title, cancelled.meeting.status]).toEqual([true, false, "answered again", "cancelled"]);
    for (const { meeting } of [created, replayed, cancelled]) expect(meeting).not.toHaveProperty("publicJson");
  });

  it("when written by a session with an empty search_path, as pg_restore and logical replication run", async () => {
    const { hostId, typeId } = await meetingWithHostAndType("schemaless");
    await db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('search_path', '', true)`);
      await tx.execute(sql`insert into public.meetings (client_id, lead_id, title, attendee_name, source, host_user_id, meeting_type_id, starts_at, ends_at)
        values (${clientId}, ${leadId}, 'schemaless', 'Json', 'api', ${hostId}, ${typeId}, '2026-04-03T10:00:00Z', '2026-04-03T10:30:00Z')`);
    });
    const [{ id: meetingId }] = await db.select({ id: meetings.id }).from(meetings).where(eq(meetings.title, "schemaless"));
    expect(JSON.parse(await storedJsonOf(meetingId))).toMatchObject({ host_name: "schemaless host", meeting_type: "schemaless type" });
    await expectStoredJsonCurrent(meetingId);
  });

  it("when rows are loaded without triggers (session_replication_role = replica), as the benchmark's seeding loads them", async () => {
    const meetingId = await db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('session_replication_role', 'replica', true)`);
      const [meeting] = await tx.insert(meetings).values({
        clientId, leadId, title: "bulk loaded", attendeeName: "Json", source: "api", startsAt: at("2026-04-02T10:00:00Z"), endsAt: at("2026-04-02T10:45:00Z"),
      }).returning({ id: meetings.id });
      return meeting.id;
    });
    expect(JSON.parse(await storedJsonOf(meetingId))).toMatchObject({ title: "bulk loaded", duration_minutes: 45 });
    await expectStoredJsonCurrent(meetingId);
  });
});

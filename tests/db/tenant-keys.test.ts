import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { leads, meetingHistory, meetings, meetingTypes, sessions, users, webhookAttempts, webhookDeliveries } from "@/db/schema";
import { createClient, createMeetingType, createUser } from "@/lib/admin/service";
import { createLead, deleteLead } from "@/lib/leads/service";
import { logMeeting } from "@/lib/meetings/log";
import { meetingInputSchema } from "@/lib/meetings/schema";
import { createWebhookEndpoint, deleteWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { openEmbeddedDatabase, type EmbeddedDatabase } from "@/tests/support/embedded-database";

// Tenant-to-tenant references are composite foreign keys that carry client_id (migrations 0010, 0012): even a
// write that bypasses the service layer cannot point one client's row at another client's.

let connection: EmbeddedDatabase;
let db: Database;
let theirs: { clientId: string; leadId: string; meetingId: string; endpointId: string; deliveryId: string; userId: string; meetingTypeId: string };
let mine: string;

beforeAll(async () => {
  connection = await openEmbeddedDatabase("tenant keys");
  db = connection.db;
  mine = (await createClient(db, { name: "Mine" })).client.id;
  const { client } = await createClient(db, { name: "Theirs" });
  const lead = await createLead(db, { clientId: client.id, input: { first_name: "Theirs", email: "theirs@example.com" } });
  const input = meetingInputSchema.parse({ lead_id: lead.id, title: "Theirs", starts_at: "2030-01-01T10:00:00Z", duration_minutes: 30 });
  const { meeting } = await logMeeting(db, { clientId: client.id, input, source: "api", actor: { type: "api", name: "test" } });
  const endpoint = await createWebhookEndpoint(db, { clientId: client.id, input: { url: "https://example.com/hook", events: ["meeting.scheduled"] } });
  const [delivery] = await db
    .insert(webhookDeliveries)
    .values({ clientId: client.id, endpointId: endpoint.id, eventId: randomUUID(), eventType: "meeting.scheduled", data: {} })
    .returning();
  const user = await createUser(db, { clientId: client.id, email: "their-host@example.com", name: "Their host" });
  const meetingType = await createMeetingType(db, { clientId: client.id, name: "Their type" });
  theirs = { clientId: client.id, leadId: lead.id, meetingId: meeting.id, endpointId: endpoint.id, deliveryId: delivery.id, userId: user.id, meetingTypeId: meetingType.id };
}, 60_000);

afterAll(async () => {
  await connection.close();
});

/** The insert's error: a foreign-key violation (23503) of exactly this constraint. */
const violationOf = (constraint: string) => ({ cause: expect.objectContaining({ code: "23503", constraint }) });

describe("composite tenant foreign keys", () => {
  it("refuse a meeting on another client's lead", async () => {
    const row = {
      clientId: mine, leadId: theirs.leadId, title: "Sneaky", startsAt: new Date("2030-01-01T10:00:00Z"), endsAt: new Date("2030-01-01T11:00:00Z"),
      attendeeName: "Sneaky", source: "api" as const,
    };
    await expect(db.insert(meetings).values(row)).rejects.toMatchObject(violationOf("meetings_lead_fk"));
  });

  it("refuse a history entry on another client's meeting", async () => {
    const myLead = await createLead(db, { clientId: mine, input: { first_name: "Mine" } });
    const entry = { clientId: mine, meetingId: theirs.meetingId, leadId: myLead.id, type: "meeting_updated" as const, actorType: "system" as const };
    await expect(db.insert(meetingHistory).values(entry)).rejects.toMatchObject(violationOf("meeting_history_meeting_fk"));
  });

  it("refuse a history entry on another client's lead", async () => {
    const myLead = await createLead(db, { clientId: mine, input: { first_name: "Mine" } });
    const input = meetingInputSchema.parse({ lead_id: myLead.id, title: "Mine", starts_at: "2030-01-01T10:00:00Z", duration_minutes: 30 });
    const { meeting: myMeeting } = await logMeeting(db, { clientId: mine, input, source: "api", actor: { type: "api", name: "test" } });
    const entry = { clientId: mine, meetingId: myMeeting.id, leadId: theirs.leadId, type: "meeting_updated" as const, actorType: "system" as const };
    await expect(db.insert(meetingHistory).values(entry)).rejects.toMatchObject(violationOf("meeting_history_lead_fk"));
  });

  it("refuse a meeting hosted by another client's user, or of another client's meeting type", async () => {
    const myLead = await createLead(db, { clientId: mine, input: { first_name: "Mine" } });
    const row = {
      clientId: mine, leadId: myLead.id, title: "Sneaky", startsAt: new Date("2030-01-01T10:00:00Z"), endsAt: new Date("2030-01-01T11:00:00Z"),
      attendeeName: "Sneaky", source: "api" as const,
    };
    await expect(db.insert(meetings).values({ ...row, hostUserId: theirs.userId })).rejects.toMatchObject(violationOf("meetings_host_fk"));
    await expect(db.insert(meetings).values({ ...row, meetingTypeId: theirs.meetingTypeId })).rejects.toMatchObject(violationOf("meetings_meeting_type_fk"));
  });

  it("refuse a history entry whose actor is another client's user", async () => {
    const entry = { clientId: mine, meetingId: theirs.meetingId, leadId: theirs.leadId, type: "meeting_updated" as const, actorType: "rep" as const };
    // On their own meeting the entry is fine; only the actor is foreign.
    const own = { ...entry, clientId: theirs.clientId, actorUserId: theirs.userId };
    await db.insert(meetingHistory).values(own);
    const myUser = await createUser(db, { clientId: mine, email: `mine-${randomUUID()}@example.com`, name: "Mine" });
    await expect(db.insert(meetingHistory).values({ ...own, actorUserId: myUser.id })).rejects.toMatchObject(violationOf("meeting_history_actor_fk"));
  });

  it("refuse a session of another client's user", async () => {
    const session = { clientId: mine, userId: theirs.userId, tokenHash: randomUUID(), expiresAt: new Date("2030-01-01T00:00:00Z") };
    await expect(db.insert(sessions).values(session)).rejects.toMatchObject(violationOf("sessions_user_fk"));
  });

  it("refuse a webhook delivery to another client's endpoint", async () => {
    const delivery = { clientId: mine, endpointId: theirs.endpointId, eventId: randomUUID(), eventType: "meeting.scheduled", data: {} };
    await expect(db.insert(webhookDeliveries).values(delivery)).rejects.toMatchObject(violationOf("webhook_deliveries_endpoint_fk"));
  });

  it("refuse a webhook attempt on another client's delivery", async () => {
    const attempt = { clientId: mine, deliveryId: theirs.deliveryId, statusCode: 200, durationMs: 5 };
    await expect(db.insert(webhookAttempts).values(attempt)).rejects.toMatchObject(violationOf("webhook_attempts_delivery_fk"));
  });

  it("still cascade a lead's deletion to its meetings and their history", async () => {
    const { client } = await createClient(db, { name: "Cascade" });
    const lead = await createLead(db, { clientId: client.id, input: { first_name: "Gone" } });
    const input = meetingInputSchema.parse({ lead_id: lead.id, title: "Gone", starts_at: "2030-01-01T10:00:00Z", duration_minutes: 30 });
    const { meeting } = await logMeeting(db, { clientId: client.id, input, source: "api", actor: { type: "api", name: "test" } });
    await deleteLead(db, { clientId: client.id, leadId: lead.id });
    expect(await db.select().from(leads).where(eq(leads.id, lead.id))).toEqual([]);
    expect(await db.select().from(meetings).where(eq(meetings.id, meeting.id))).toEqual([]);
    expect(await db.select().from(meetingHistory).where(eq(meetingHistory.meetingId, meeting.id))).toEqual([]);
  });

  it("null only the reference when a host, an actor or a meeting type is deleted, and end a deleted user's sessions", async () => {
    const { client } = await createClient(db, { name: "Set null" });
    const host = await createUser(db, { clientId: client.id, email: `host-${randomUUID()}@example.com`, name: "Host" });
    const type = await createMeetingType(db, { clientId: client.id, name: "Demo" });
    const lead = await createLead(db, { clientId: client.id, input: { first_name: "Stays" } });
    const [meeting] = await db.insert(meetings).values({
      clientId: client.id, leadId: lead.id, title: "Stays", startsAt: new Date("2030-01-01T10:00:00Z"), endsAt: new Date("2030-01-01T11:00:00Z"),
      attendeeName: "Stays", source: "manual", hostUserId: host.id, meetingTypeId: type.id,
    }).returning();
    const [entry] = await db.insert(meetingHistory).values({
      clientId: client.id, meetingId: meeting.id, leadId: lead.id, type: "meeting_updated", actorType: "rep", actorUserId: host.id,
    }).returning();
    await db.insert(sessions).values({ clientId: client.id, userId: host.id, tokenHash: randomUUID(), expiresAt: new Date("2030-01-01T00:00:00Z") });

    await db.delete(users).where(eq(users.id, host.id));
    await db.delete(meetingTypes).where(eq(meetingTypes.id, type.id));
    const [after] = await db.select().from(meetings).where(eq(meetings.id, meeting.id));
    expect(after).toMatchObject({ clientId: client.id, hostUserId: null, meetingTypeId: null });
    const [entryAfter] = await db.select().from(meetingHistory).where(eq(meetingHistory.id, entry.id));
    expect(entryAfter).toMatchObject({ clientId: client.id, actorUserId: null });
    expect(await db.select().from(sessions).where(eq(sessions.userId, host.id))).toEqual([]);
  });

  it("still cascade an endpoint's deletion to its deliveries and their attempts", async () => {
    const { client } = await createClient(db, { name: "Cascade hooks" });
    const endpoint = await createWebhookEndpoint(db, { clientId: client.id, input: { url: "https://example.com/gone", events: ["meeting.scheduled"] } });
    const [delivery] = await db
      .insert(webhookDeliveries)
      .values({ clientId: client.id, endpointId: endpoint.id, eventId: randomUUID(), eventType: "meeting.scheduled", data: {} })
      .returning();
    await db.insert(webhookAttempts).values({ clientId: client.id, deliveryId: delivery.id, statusCode: 500, durationMs: 5 });
    await deleteWebhookEndpoint(db, { clientId: client.id, webhookId: endpoint.id });
    expect(await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, delivery.id))).toEqual([]);
    expect(await db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, delivery.id))).toEqual([]);
  });
});

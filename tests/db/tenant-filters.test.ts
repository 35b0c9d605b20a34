import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createClient } from "@/lib/admin/service";
import { leadLookupQuerySchema, lookUpLeads } from "@/lib/leads/lookup";
import { getLead } from "@/lib/leads/service";
import { createLead } from "@/lib/leads/service";
import { listHistory } from "@/lib/meetings/history";
import { logMeeting } from "@/lib/meetings/log";
import { findLeadByEmailWithEventMeeting, findMeetingOfExternalEvent, getMeeting, listMeetingPageOfLead, listPublicMeetingPageOfLead, listPublicMeetingsOfLead, lockMeeting } from "@/lib/meetings/queries";
import { meetingInputSchema } from "@/lib/meetings/schema";
import { countTimeline } from "@/lib/meetings/timeline-page";
import { webhookAttempts } from "@/db/schema";
import {
  attemptsOf, createWebhookEndpoint, deliveryOfEndpoint, getWebhookEndpoint, latestDeliveries, listWebhookDeliveries, redeliver, sendTestEvent,
} from "@/lib/webhooks/endpoints";
import { openEmbeddedDatabase, type EmbeddedDatabase } from "@/tests/support/embedded-database";

// Each query that takes a client and an id, called straight with the other client's id: every one must
// find nothing by its own `where`, not only behind an earlier lookup that would have stopped the request.

let connection: EmbeddedDatabase;
let db: Database;
let owner: { clientId: string; leadId: string; email: string; meetingId: string; webhookId: string; deliveryId: string };
let stranger: string;

beforeAll(async () => {
  connection = await openEmbeddedDatabase("tenant filters");
  db = connection.db;
  const { client } = await createClient(db, { name: "Owner" });
  stranger = (await createClient(db, { name: "Stranger" })).client.id;
  const email = "owned@example.com";
  const lead = await createLead(db, { clientId: client.id, input: { first_name: "Owned", email } });
  const input = meetingInputSchema.parse({ lead_id: lead.id, title: "Owned", starts_at: "2030-01-01T10:00:00Z", duration_minutes: 30 });
  const { meeting } = await logMeeting(db, { clientId: client.id, input, source: "api", actor: { type: "api", name: "test" } });
  const webhook = await createWebhookEndpoint(db, { clientId: client.id, input: { url: "https://example.com/hook", events: ["meeting.scheduled"] } });
  const delivery = await sendTestEvent(db, { clientId: client.id, webhookId: webhook.id });
  await db.insert(webhookAttempts).values({ clientId: client.id, deliveryId: delivery.id, statusCode: 200, durationMs: 5 });
  owner = { clientId: client.id, leadId: lead.id, email, meetingId: meeting.id, webhookId: webhook.id, deliveryId: delivery.id };
}, 60_000);

afterAll(async () => {
  await connection.close();
});

describe("each tenant filter, on its own", () => {
  it("the owner finds everything (so the checks below are not vacuous)", async () => {
    expect((await getLead(db, { clientId: owner.clientId, leadId: owner.leadId })).id).toBe(owner.leadId);
    expect(await listPublicMeetingsOfLead(db, { clientId: owner.clientId, leadId: owner.leadId })).toHaveLength(1);
    expect(await listPublicMeetingsOfLead(db, { clientId: owner.clientId, leadId: owner.leadId, statuses: ["scheduled"] })).toHaveLength(1);
    expect((await listPublicMeetingPageOfLead(db, { clientId: owner.clientId, leadId: owner.leadId, limit: 10, after: null })).meetings).toHaveLength(1);
    expect((await listHistory(db, { clientId: owner.clientId, of: { leadId: owner.leadId }, page: { limit: 10, offset: 0 } })).total).toBe(1);
    expect((await getWebhookEndpoint(db, { clientId: owner.clientId, webhookId: owner.webhookId })).id).toBe(owner.webhookId);
    for (const query of [{ email: owner.email }, { q: "owned" }, {}]) {
      expect((await lookUpLeads(db, { clientId: owner.clientId, query: leadLookupQuerySchema.parse(query) })).leads, JSON.stringify(query)).toHaveLength(1);
    }
    expect((await listMeetingPageOfLead(db, { clientId: owner.clientId, leadId: owner.leadId, limit: 10, after: null })).meetings).toHaveLength(1);
    const counts = await countTimeline(db, { clientId: owner.clientId, leadId: owner.leadId, now: new Date("2029-01-01T00:00:00Z") });
    expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(1);
    const deliveries = { clientId: owner.clientId, endpointId: owner.webhookId };
    expect(await latestDeliveries(db, deliveries)).toHaveLength(1);
    expect(await deliveryOfEndpoint(db, { ...deliveries, deliveryId: owner.deliveryId })).not.toBeNull();
    expect(await attemptsOf(db, { clientId: owner.clientId, deliveryIds: [owner.deliveryId] })).toHaveLength(1);
  });

  it("leads: by id, by email and in the lookup (by email, by search and all)", async () => {
    await expect(getLead(db, { clientId: stranger, leadId: owner.leadId })).rejects.toMatchObject({ code: "lead_not_found" });
    expect(await findLeadByEmailWithEventMeeting(db, { clientId: stranger, email: owner.email, event: null })).toBeNull();
    for (const query of [{ email: owner.email }, { q: "owned" }, {}]) {
      const { leads } = await lookUpLeads(db, { clientId: stranger, query: leadLookupQuerySchema.parse(query) });
      expect(leads, JSON.stringify(query)).toEqual([]);
    }
  });

  it("meetings: by id, locked, a lead's whole list (prepared and filtered), a page, and the tab counts", async () => {
    await expect(getMeeting(db, { clientId: stranger, meetingId: owner.meetingId })).rejects.toMatchObject({ code: "meeting_not_found" });
    await expect(db.transaction((tx) => lockMeeting(tx, { clientId: stranger, meetingId: owner.meetingId }))).rejects.toMatchObject({ code: "meeting_not_found" });
    expect(await listPublicMeetingsOfLead(db, { clientId: stranger, leadId: owner.leadId })).toEqual([]);
    expect(await listPublicMeetingsOfLead(db, { clientId: stranger, leadId: owner.leadId, statuses: ["scheduled"] })).toEqual([]);
    expect((await listMeetingPageOfLead(db, { clientId: stranger, leadId: owner.leadId, limit: 10, after: null })).meetings).toEqual([]);
    expect((await listPublicMeetingPageOfLead(db, { clientId: stranger, leadId: owner.leadId, limit: 10, after: null })).meetings).toEqual([]);
    // A page after a cursor is a statement of its own; the cursor lies after every meeting of the lead.
    const after = { leadId: owner.leadId, startsAt: "2100-01-01T00:00:00.000000Z", createdAt: "2100-01-01T00:00:00.000000Z", id: owner.meetingId };
    expect((await listPublicMeetingPageOfLead(db, { clientId: owner.clientId, leadId: owner.leadId, limit: 10, after })).meetings).toHaveLength(1);
    expect((await listPublicMeetingPageOfLead(db, { clientId: stranger, leadId: owner.leadId, limit: 10, after })).meetings).toEqual([]);
    const counts = await countTimeline(db, { clientId: stranger, leadId: owner.leadId, now: new Date() });
    expect(Object.values(counts).every((count) => count === 0)).toBe(true);
  });

  it("meetings of an external event: by a plain read and locked", async () => {
    const booked = await createLead(db, { clientId: owner.clientId, input: { first_name: "Booked", email: "booked@example.com" } });
    const event = { provider: "calendly", eventId: "owned-event" };
    const input = meetingInputSchema.parse({
      lead_id: booked.id, title: "Booked", starts_at: "2030-01-02T10:00:00Z", duration_minutes: 30,
      external_calendar_provider: event.provider, external_event_id: event.eventId,
    });
    await logMeeting(db, { clientId: owner.clientId, input, source: "api", actor: { type: "api", name: "test" } });
    for (const lock of [false, true]) {
      const find = (clientId: string) => db.transaction((tx) => findMeetingOfExternalEvent(tx, { clientId, ...event, lock }));
      expect(await find(owner.clientId), `lock: ${lock}`).not.toBeNull();
      expect(await find(stranger), `lock: ${lock}`).toBeNull();
    }
    expect(await findMeetingOfExternalEvent(db, { clientId: stranger, ...event, lock: false })).toBeNull();
  });

  it("a lead by email with its external event's meeting: the lead's filter and the meeting's, each on its own", async () => {
    const event = { provider: "calendly", eventId: "owned-event-by-email" };
    const email = "booked-by-email@example.com";
    const booked = await createLead(db, { clientId: owner.clientId, input: { first_name: "Booked", email } });
    const input = meetingInputSchema.parse({
      lead_email: email, title: "Booked", starts_at: "2030-01-03T10:00:00Z", duration_minutes: 30,
      external_calendar_provider: event.provider, external_event_id: event.eventId,
    });
    await logMeeting(db, { clientId: owner.clientId, input, source: "api", actor: { type: "api", name: "test" } });
    const find = (clientId: string) => findLeadByEmailWithEventMeeting(db, { clientId, email, event });
    const found = await find(owner.clientId);
    expect(found?.lead.id).toBe(booked.id);
    expect(found?.meeting?.leadId).toBe(booked.id);
    // The stranger has no lead with the email: nothing, whatever the event.
    expect(await find(stranger)).toBeNull();
    // Given a lead of its own with the same email, the stranger finds that lead, and no meeting of the owner's event.
    const strangersLead = await createLead(db, { clientId: stranger, input: { first_name: "Namesake", email } });
    expect(await find(stranger)).toEqual({ lead: strangersLead, meeting: null });
  });

  it("history: of a meeting and of a lead", async () => {
    for (const of of [{ meetingId: owner.meetingId }, { leadId: owner.leadId }]) {
      expect(await listHistory(db, { clientId: stranger, of, page: { limit: 10, offset: 0 } })).toEqual({ entries: [], total: 0 });
    }
  });

  it("webhooks: the endpoint, its deliveries, a test event and a redelivery", async () => {
    const params = { clientId: stranger, webhookId: owner.webhookId };
    await expect(getWebhookEndpoint(db, params)).rejects.toMatchObject({ code: "webhook_not_found" });
    await expect(listWebhookDeliveries(db, params)).rejects.toMatchObject({ code: "webhook_not_found" });
    await expect(sendTestEvent(db, params)).rejects.toMatchObject({ code: "webhook_not_found" });
    await expect(redeliver(db, { ...params, deliveryId: owner.deliveryId })).rejects.toMatchObject({ code: "webhook_not_found" });
  });

  it("webhooks: the queries behind the endpoint's lookup, called with the owner's ids", async () => {
    const deliveries = { clientId: stranger, endpointId: owner.webhookId };
    expect(await latestDeliveries(db, deliveries)).toEqual([]);
    expect(await deliveryOfEndpoint(db, { ...deliveries, deliveryId: owner.deliveryId })).toBeNull();
    expect(await attemptsOf(db, { clientId: stranger, deliveryIds: [owner.deliveryId] })).toEqual([]);
  });
});

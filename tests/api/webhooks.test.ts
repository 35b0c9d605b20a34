import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { verifySignature } from "@/lib/webhooks/signing";
import { api, createLead, fixtures } from "@/tests/support/api";
import { startReceiver } from "@/tests/support/webhook-receiver";

const key = fixtures.webhooks.apiKey;
const otherKey = fixtures.webhooksOther.apiKey;
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const ALL_EVENTS = ["meeting.scheduled", "meeting.confirmed", "meeting.cancelled", "meeting.completed", "meeting.no_show", "meeting.rescheduled", "meeting.updated"];

const receivers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  // Every test subscribes afresh: endpoints left over would receive the next test's events.
  for (const tenantKey of [key, otherKey]) {
    const { body } = await api("GET", "/webhooks", { key: tenantKey });
    for (const webhook of body.webhooks) await api("DELETE", `/webhooks/${webhook.id}`, { key: tenantKey });
  }
  for (const receiver of receivers.splice(0)) await receiver.close();
});

async function subscribe(answer?: (count: number) => number, events = ALL_EVENTS, tenantKey = key) {
  const receiver = await startReceiver(answer);
  receivers.push(receiver);
  const created = await api("POST", "/webhooks", { key: tenantKey, body: { url: receiver.url, events, description: "test receiver" } });
  expect(created.status).toBe(201);
  return { receiver, webhook: created.body.webhook as { id: string; secret: string } };
}

async function newMeeting(tenantKey = key, startsAt = Date.now() + 48 * HOUR) {
  const lead = await createLead({}, tenantKey);
  const body = { lead_id: lead.id, title: "Webhook meeting", starts_at: iso(startsAt), duration_minutes: 30, external_calendar_provider: "test", external_event_id: randomUUID() };
  const created = await api("POST", "/meetings", { key: tenantKey, body });
  expect(created.status).toBe(201);
  return Object.assign(created, { requestBody: body });
}

const deliveriesOf = async (webhookId: string) => (await api("GET", `/webhooks/${webhookId}/deliveries`, { key })).body.deliveries as any[];

/** Polls the delivery log until every delivery has settled (none pending). */
async function settledDeliveries(webhookId: string, count: number) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const deliveries = await deliveriesOf(webhookId);
    if (deliveries.length >= count && deliveries.every((d) => d.status !== "pending")) return deliveries;
    if (Date.now() > deadline) throw new Error(`deliveries did not settle: ${JSON.stringify(deliveries.map((d) => d.status))}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("webhook subscriptions", () => {
  it("shows the signing secret once, at creation, and never in the list or the endpoint", async () => {
    const { webhook } = await subscribe();
    expect(webhook.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const listed = await api("GET", "/webhooks", { key });
    expect(listed.body.webhooks).toEqual([expect.objectContaining({ id: webhook.id, events: ALL_EVENTS, enabled: true })]);
    expect(JSON.stringify(listed.body)).not.toContain(webhook.secret);
    const one = await api("GET", `/webhooks/${webhook.id}`, { key });
    expect(one.body.webhook).not.toHaveProperty("secret");
    const rotated = await api("POST", `/webhooks/${webhook.id}/rotate-secret`, { key });
    expect(rotated.body.webhook.secret).toMatch(/^whsec_/);
    expect(rotated.body.webhook.secret).not.toBe(webhook.secret);
  });

  it.each([
    ["javascript:alert(1)", "url"],
    ["ftp://example.com/hook", "url"],
    ["https://user:pass@example.com/hook", "url"],
    ["http://example.com/hook", "url"],
  ])("refuses %s naming the url field", async (url, field) => {
    const response = await api("POST", "/webhooks", { key, body: { url, events: ["meeting.cancelled"] } });
    expect(response.status).toBe(400);
    expect(response.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
  });

  it("refuses unknown or missing event types, naming the field", async () => {
    const unknown = await api("POST", "/webhooks", { key, body: { url: "https://example.com/hook", events: ["meeting.exploded"] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details[0].field).toBe("events.0");
    const none = await api("POST", "/webhooks", { key, body: { url: "https://example.com/hook", events: [] } });
    expect(none.body.details[0].field).toBe("events");
  });

  it("treats another client's webhook exactly like a missing one", async () => {
    const { webhook } = await subscribe(undefined, ALL_EVENTS, otherKey);
    const missing = randomUUID();
    for (const [method, suffix] of [["GET", ""], ["DELETE", ""], ["GET", "/deliveries"], ["POST", "/test"], ["POST", "/rotate-secret"]] as const) {
      const foreign = await api(method, `/webhooks/${webhook.id}${suffix}`, { key });
      const absent = await api(method, `/webhooks/${missing}${suffix}`, { key });
      expect(foreign.status, `${method} ${suffix}`).toBe(404);
      expect(foreign.body, `${method} ${suffix}`).toEqual(absent.body);
    }
    expect((await api("GET", `/webhooks/${webhook.id}`, { key: otherKey })).status).toBe(200);
  });
});

describe("webhook deliveries", () => {
  it("delivers each lifecycle change as one signed event of its type, with the envelope and the meeting", async () => {
    const { receiver, webhook } = await subscribe();
    const created = await newMeeting();
    const meetingId = created.body.meeting.id;
    const newStart = iso(Date.now() + 96 * HOUR);
    for (const [action, body] of [["confirm", {}], ["reschedule", { starts_at: newStart, duration_minutes: 30 }], ["cancel", { reason: "Travelling" }]] as const) {
      expect((await api("POST", `/meetings/${meetingId}/${action}`, { key, body })).status).toBe(200);
    }
    // Deliveries run in parallel, so they may arrive in any order: the timestamp (the change's) orders them.
    const events = (await receiver.waitFor(4)).toSorted((a, b) => a.json.timestamp.localeCompare(b.json.timestamp));
    expect(events.map((e) => e.json.event_type)).toEqual(["meeting.scheduled", "meeting.confirmed", "meeting.rescheduled", "meeting.cancelled"]);

    const history = (await api("GET", `/meetings/${meetingId}/history`, { key })).body.history as { id: string }[];
    for (const event of events) {
      const nowSeconds = Math.floor(Date.now() / 1000);
      expect(verifySignature({ secret: webhook.secret, header: String(event.headers["x-nexor-signature"]), body: event.body, nowSeconds })).toBe(true);
      expect(verifySignature({ secret: "whsec_wrong", header: String(event.headers["x-nexor-signature"]), body: event.body, nowSeconds })).toBe(false);
      expect(event.headers["content-type"]).toBe("application/json");
      expect(event.headers["user-agent"]).toMatch(/^NexorMeetings-Webhooks\//);
      expect(Object.keys(event.json).sort()).toEqual(["client_id", "data", "delivery_id", "event_id", "event_type", "test", "timestamp", "webhook_id"]);
      expect(event.json).toMatchObject({ webhook_id: webhook.id, client_id: fixtures.webhooks.clientId, test: false });
      expect(event.json.data.meeting.id).toBe(meetingId);
      expect(history.map((h) => h.id)).toContain(event.json.event_id);
    }
    expect(events[2].json.data.meeting.starts_at).toBe(newStart);
    expect(events[2].json.data.previous.starts_at).toBe(created.body.meeting.starts_at);
    expect(events[3].json.data.meeting.status).toBe("cancelled");
    expect(events[0].json.data).not.toHaveProperty("previous");
    // The scheduled event's meeting is written by PostgreSQL beside the insert: it says what the POST answered.
    expect(events[0].json.data.meeting).toEqual(created.body.meeting);

    const deliveries = await settledDeliveries(webhook.id, 4);
    expect(deliveries).toHaveLength(4);
    expect(deliveries.every((d) => d.status === "succeeded" && d.attempts.length === 1 && d.attempts[0].status_code === 200)).toBe(true);
  });

  it("delivers completions, no-shows and updates as their own event types", async () => {
    const { receiver } = await subscribe();
    const past = await newMeeting(key, Date.now() - 2 * HOUR);
    const meetingId = past.body.meeting.id;
    expect((await api("POST", `/meetings/${meetingId}/complete`, { key, body: { notes: "Went well" } })).status).toBe(200);
    expect((await api("POST", `/meetings/${meetingId}/no-show`, { key, body: { reason: "Correction" } })).status).toBe(200);
    expect((await api("POST", "/meetings", { key, body: { ...past.requestBody, title: "Renamed by a replay" } })).status).toBe(200);
    const events = (await receiver.waitFor(4)).toSorted((a, b) => a.json.timestamp.localeCompare(b.json.timestamp));
    expect(events.map((e) => e.json.event_type)).toEqual(["meeting.scheduled", "meeting.completed", "meeting.no_show", "meeting.updated"]);
    expect(events[3].json.data.previous).toEqual({ title: "Webhook meeting" });
    expect(events[3].json.data.meeting.title).toBe("Renamed by a replay");
  });

  it("sends nothing for a change that changes nothing (an idempotent action or an identical replay)", async () => {
    const { receiver, webhook } = await subscribe();
    const created = await newMeeting();
    const meeting = created.body.meeting;
    await receiver.waitFor(1);
    const replay = await api("POST", "/meetings", { key, body: created.requestBody });
    expect(replay.status).toBe(200);
    expect((await api("POST", `/meetings/${meeting.id}/cancel`, { key, body: {} })).status).toBe(200);
    expect((await api("POST", `/meetings/${meeting.id}/cancel`, { key, body: {} })).body.idempotent).toBe(true);
    await settledDeliveries(webhook.id, 2);
    expect((await deliveriesOf(webhook.id)).map((d) => d.event_type)).toEqual(["meeting.cancelled", "meeting.scheduled"]);
  });

  it("sends only the subscribed event types, and nothing to another client's endpoint", async () => {
    const { webhook } = await subscribe(undefined, ["meeting.cancelled"]);
    const { receiver: otherReceiver } = await subscribe(undefined, ALL_EVENTS, otherKey);
    const created = await newMeeting();
    await api("POST", `/meetings/${created.body.meeting.id}/confirm`, { key, body: {} });
    await api("POST", `/meetings/${created.body.meeting.id}/cancel`, { key, body: {} });
    const deliveries = await settledDeliveries(webhook.id, 1);
    expect(deliveries.map((d) => d.event_type)).toEqual(["meeting.cancelled"]);
    // The other tenant's own change reaches its endpoint, and only that one.
    await newMeeting(otherKey);
    const [onlyEvent] = await otherReceiver.waitFor(1);
    expect(onlyEvent.json.client_id).toBe(fixtures.webhooksOther.clientId);
    expect(otherReceiver.received).toHaveLength(1);
  });

  it("retries a failing receiver with the same event id until it answers 2xx", async () => {
    const { receiver, webhook } = await subscribe((count) => (count <= 2 ? 500 : 200));
    await newMeeting();
    const attempts = await receiver.waitFor(3);
    expect(new Set(attempts.map((a) => a.json.event_id)).size).toBe(1);
    expect(new Set(attempts.map((a) => a.json.delivery_id)).size).toBe(1);
    const [delivery] = await settledDeliveries(webhook.id, 1);
    expect(delivery.status).toBe("succeeded");
    expect(delivery.attempts.map((a: { status_code: number }) => a.status_code)).toEqual([500, 500, 200]);
    expect(delivery.attempts[0]).toMatchObject({ error: "HTTP 500", response_excerpt: "refused 1" });
  });

  it("marks a delivery failed after the first attempt and 3 retries, and redelivers it on request with the same event id", async () => {
    let healthy = false;
    const { receiver, webhook } = await subscribe(() => (healthy ? 200 : 503));
    await newMeeting();
    const [failed] = await settledDeliveries(webhook.id, 1);
    expect(failed.status).toBe("failed");
    expect(failed.attempts.map((a: { status_code: number }) => a.status_code)).toEqual([503, 503, 503, 503]);
    expect(receiver.received).toHaveLength(4);

    healthy = true;
    const redelivered = await api("POST", `/webhooks/${webhook.id}/deliveries/${failed.id}/redeliver`, { key });
    expect(redelivered.status).toBe(202);
    const [again] = (await receiver.waitFor(5)).slice(4);
    expect(again.json.event_id).toBe(failed.event_id);
    expect(again.json.delivery_id).toBe(redelivered.body.delivery.id);
    const missingDelivery = await api("POST", `/webhooks/${webhook.id}/deliveries/${randomUUID()}/redeliver`, { key });
    expect(missingDelivery.status).toBe(404);
    expect(missingDelivery.body.code).toBe("delivery_not_found");
  });

  it("sends a test event marked as such on request", async () => {
    const { receiver, webhook } = await subscribe(undefined, ["meeting.no_show"]);
    const queued = await api("POST", `/webhooks/${webhook.id}/test`, { key });
    expect(queued.status).toBe(202);
    const [event] = await receiver.waitFor(1);
    expect(event.json).toMatchObject({ test: true, event_type: "meeting.no_show", webhook_id: webhook.id });
    expect(event.json.data.meeting.title).toMatch(/^Test event/);
  });
});

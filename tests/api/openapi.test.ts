import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, describe, expect, it } from "vitest";
import { api, baseUrl, createLead, fixtures, uniqueEmail, uniqueId, type ApiResponse } from "@/tests/support/api";
import { startReceiver } from "@/tests/support/webhook-receiver";

// Real answers, checked against the committed openapi.json: each (route, method, status) a test sees
// must be documented, and the body must match its documented schema.
const document = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../openapi.json"), "utf8"));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(document, "openapi");
const pointer = (...parts: string[]) => parts.map((part) => encodeURIComponent(part.replaceAll("~", "~0").replaceAll("/", "~1"))).join("/");
const seen = new Set<string>();

function expectDocumented(route: string, method: string, answer: ApiResponse) {
  const status = String(answer.status);
  const documented = document.paths[route]?.[method.toLowerCase()]?.responses?.[status];
  expect(documented, `${method} ${route} → ${status} is not documented`).toBeDefined();
  const validate = ajv.compile({ $ref: `openapi#/${pointer("paths", route, method.toLowerCase(), "responses", status, "content", "application/json", "schema")}` });
  expect(validate(answer.body), `${method} ${route} → ${status}: ${JSON.stringify(validate.errors)}`).toBe(true);
  seen.add(`${method} ${route} ${status}`);
}

const receivers: { close: () => Promise<void> }[] = [];
afterAll(async () => {
  for (const receiver of receivers) await receiver.close();
});

describe("openapi.json", () => {
  it("is served without a key, and is the committed file", async () => {
    const response = await fetch(`${baseUrl}/api/public/openapi.json`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(document);
  });

  it("describes the answers of the lead and meeting routes, errors included", async () => {
    const lead = await createLead();
    expectDocumented("/leads", "GET", await api("GET", `/leads?email=${encodeURIComponent(lead.email!)}`));
    expectDocumented("/leads", "GET", await api("GET", "/leads?email=not-an-email"));
    expectDocumented("/leads", "POST", await api("POST", "/leads", { body: { first_name: "Doc", email: uniqueEmail(), metadata: { plan: "pro", seats: 3 } } }));
    expectDocumented("/leads", "POST", await api("POST", "/leads", { body: { first_name: "" } }));
    expectDocumented("/leads/{id}", "GET", await api("GET", `/leads/${lead.id}`));
    expectDocumented("/leads/{id}", "GET", await api("GET", `/leads/${randomUUID()}`));
    expectDocumented("/leads/{id}", "GET", await api("GET", `/leads/${lead.id}`, { key: null }));
    expectDocumented("/leads/{id}", "PATCH", await api("PATCH", `/leads/${lead.id}`, { body: { phone: "+56 9 1234 5678" } }));
    expectDocumented("/leads/{id}", "PATCH", await api("PATCH", `/leads/${lead.id}`, { body: "{oops" }));

    const body = { lead_id: lead.id, title: "Documented", starts_at: "2031-01-10T10:00:00", timezone: "America/Santiago", duration_minutes: 45, external_calendar_provider: "doc", external_event_id: uniqueId() };
    const created = await api("POST", "/meetings", { body });
    expectDocumented("/meetings", "POST", created);
    expectDocumented("/meetings", "POST", await api("POST", "/meetings", { body }));
    expectDocumented("/meetings", "POST", await api("POST", "/meetings", { body: { ...body, lead_id: randomUUID() } }));
    expectDocumented("/meetings", "POST", await api("POST", "/meetings", { body: "x", headers: { "Content-Type": "text/plain" } }));
    const meetingId = created.body.meeting.id;
    expectDocumented("/meetings/{id}", "GET", await api("GET", `/meetings/${meetingId}`));
    expectDocumented("/leads/{id}/meetings", "GET", await api("GET", `/leads/${lead.id}/meetings`));
    expectDocumented("/leads/{id}/meetings", "GET", await api("GET", `/leads/${lead.id}/meetings?limit=1`));
    expectDocumented("/leads/{id}/meetings", "GET", await api("GET", `/leads/${lead.id}/meetings?limit=0`));
    expectDocumented("/meetings/{id}/confirm", "POST", await api("POST", `/meetings/${meetingId}/confirm`, { body: {} }));
    expectDocumented("/meetings/{id}/confirm", "POST", await api("POST", `/meetings/${meetingId}/confirm`, { body: {} }));
    expectDocumented("/meetings/{id}/reschedule", "POST", await api("POST", `/meetings/${meetingId}/reschedule`, { body: { starts_at: "2031-01-11T10:00:00Z", duration_minutes: 30 } }));
    expectDocumented("/meetings/{id}/complete", "POST", await api("POST", `/meetings/${meetingId}/complete`, { body: {} }));
    expectDocumented("/meetings/{id}/cancel", "POST", await api("POST", `/meetings/${meetingId}/cancel`, { body: { reason: "Doc" } }));
    expectDocumented("/meetings/{id}/no-show", "POST", await api("POST", `/meetings/${meetingId}/no-show`, { body: {} }));
    expectDocumented("/meetings/{id}/history", "GET", await api("GET", `/meetings/${meetingId}/history`));
    expectDocumented("/leads/{id}/history", "GET", await api("GET", `/leads/${lead.id}/history?limit=2`));
    expectDocumented("/leads/{id}", "DELETE", await api("DELETE", `/leads/${lead.id}`));
    expectDocumented("/leads/{id}", "DELETE", await api("DELETE", `/leads/${lead.id}`));
  });

  it("describes the answers of the webhook routes", async () => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    const key = fixtures.webhooksOther.apiKey;
    const created = await api("POST", "/webhooks", { key, body: { url: receiver.url, events: ["meeting.cancelled"] } });
    expectDocumented("/webhooks", "POST", created);
    expectDocumented("/webhooks", "POST", await api("POST", "/webhooks", { key, body: { url: "ftp://x", events: [] } }));
    const webhookId = created.body.webhook.id;
    expectDocumented("/webhooks", "GET", await api("GET", "/webhooks", { key }));
    expectDocumented("/webhooks/{id}", "GET", await api("GET", `/webhooks/${webhookId}`, { key }));
    const test = await api("POST", `/webhooks/${webhookId}/test`, { key });
    expectDocumented("/webhooks/{id}/test", "POST", test);
    await receiver.waitFor(1);
    expectDocumented("/webhooks/{id}/deliveries", "GET", await api("GET", `/webhooks/${webhookId}/deliveries`, { key }));
    expectDocumented("/webhooks/{id}/deliveries/{deliveryId}/redeliver", "POST", await api("POST", `/webhooks/${webhookId}/deliveries/${test.body.delivery.id}/redeliver`, { key }));
    expectDocumented("/webhooks/{id}/deliveries/{deliveryId}/redeliver", "POST", await api("POST", `/webhooks/${webhookId}/deliveries/${randomUUID()}/redeliver`, { key }));
    expectDocumented("/webhooks/{id}/rotate-secret", "POST", await api("POST", `/webhooks/${webhookId}/rotate-secret`, { key }));
    expectDocumented("/webhooks/{id}", "DELETE", await api("DELETE", `/webhooks/${webhookId}`, { key }));
    expectDocumented("/webhooks/{id}", "DELETE", await api("DELETE", `/webhooks/${webhookId}`, { key }));
  });

  it("has been checked against a real answer for every documented operation", () => {
    const operations = Object.entries(document.paths).flatMap(([route, item]) => Object.keys(item as object).map((method) => `${method.toUpperCase()} ${route}`));
    const exercised = new Set([...seen].map((entry) => entry.split(" ").slice(0, 2).join(" ")));
    expect(operations.filter((operation) => !exercised.has(operation))).toEqual([]);
  });
});

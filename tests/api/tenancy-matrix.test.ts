import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, createLead, fixtures, keyA, keyB, uniqueEmail } from "@/tests/support/api";
import { startReceiver } from "@/tests/support/webhook-receiver";

// Every public route and method, probed with tenant A's key and tenant B's ids (in the path and in the
// body): each answer must be byte for byte the answer to an id that exists nowhere, and tenant B's data
// must be unchanged afterwards. A route file the matrix does not know fails the first test.

type Ids = { lead: string; leadEmail: string; meeting: string; meetingType: string; hostEmail: string; webhook: string; delivery: string };
type Probe = { method: string; path: (ids: Ids) => string; body?: (ids: Ids) => unknown };

// A method a route handles is one exported as its own const (the refusals are re-exports: `export { notAllowed as PUT }`).
const HANDLER_EXPORT = /export const (GET|POST|PATCH|PUT|DELETE) = /g;

/** Each route (as its pattern under /api/public) with the methods it really handles: the probes for each. */
const matrix: Record<string, Record<string, Probe[]>> = {
  // The OpenAPI document: public, the same for everyone, no tenant data (and no publicRoute handler).
  "/openapi.json": {},
  "/leads": {
    GET: [
      { method: "GET", path: (ids) => `/leads?email=${encodeURIComponent(ids.leadEmail)}` },
      // The search matches emails too: B's lead's email is a search only B's leads answer.
      { method: "GET", path: (ids) => `/leads?q=${encodeURIComponent(ids.leadEmail)}` },
    ],
    // Creating a lead takes no id: nothing of another tenant can be named in it.
    POST: [],
  },
  "/leads/[id]": {
    GET: [{ method: "GET", path: (ids) => `/leads/${ids.lead}` }],
    PATCH: [{ method: "PATCH", path: (ids) => `/leads/${ids.lead}`, body: () => ({ first_name: "Probe" }) }],
    DELETE: [{ method: "DELETE", path: (ids) => `/leads/${ids.lead}` }],
  },
  "/leads/[id]/meetings": { GET: [{ method: "GET", path: (ids) => `/leads/${ids.lead}/meetings` }] },
  "/leads/[id]/history": { GET: [{ method: "GET", path: (ids) => `/leads/${ids.lead}/history` }] },
  "/meetings": {
    POST: [
      { method: "POST", path: () => "/meetings", body: (ids) => ({ lead_id: ids.lead, title: "Probe", starts_at: "2030-01-01T10:00:00Z", duration_minutes: 30 }) },
      { method: "POST", path: () => "/meetings", body: (ids) => ({ lead_email: ids.leadEmail, title: "Probe", starts_at: "2030-01-01T10:00:00Z", duration_minutes: 30 }) },
      { method: "POST", path: () => "/meetings", body: (ids) => ({ lead_id: ownLeadId, title: "Probe", starts_at: "2030-01-01T10:00:00Z", duration_minutes: 30, meeting_type_id: ids.meetingType }) },
      { method: "POST", path: () => "/meetings", body: (ids) => ({ lead_id: ownLeadId, title: "Probe", starts_at: "2030-01-01T10:00:00Z", duration_minutes: 30, host_email: ids.hostEmail }) },
    ],
  },
  "/meetings/[id]": { GET: [{ method: "GET", path: (ids) => `/meetings/${ids.meeting}` }] },
  "/meetings/[id]/history": { GET: [{ method: "GET", path: (ids) => `/meetings/${ids.meeting}/history` }] },
  ...Object.fromEntries(
    (["cancel", "complete", "confirm", "no-show"] as const).map((action) => [
      `/meetings/[id]/${action}`,
      { POST: [{ method: "POST", path: (ids: Ids) => `/meetings/${ids.meeting}/${action}`, body: () => ({}) }] },
    ]),
  ),
  "/meetings/[id]/reschedule": {
    POST: [{ method: "POST", path: (ids) => `/meetings/${ids.meeting}/reschedule`, body: () => ({ starts_at: "2031-01-01T10:00:00Z", duration_minutes: 30 }) }],
  },
  "/webhooks": {
    GET: [],
    // Subscribing takes no id.
    POST: [],
  },
  "/webhooks/[id]": {
    GET: [{ method: "GET", path: (ids) => `/webhooks/${ids.webhook}` }],
    DELETE: [{ method: "DELETE", path: (ids) => `/webhooks/${ids.webhook}` }],
  },
  "/webhooks/[id]/deliveries": { GET: [{ method: "GET", path: (ids) => `/webhooks/${ids.webhook}/deliveries` }] },
  "/webhooks/[id]/test": { POST: [{ method: "POST", path: (ids) => `/webhooks/${ids.webhook}/test` }] },
  "/webhooks/[id]/rotate-secret": { POST: [{ method: "POST", path: (ids) => `/webhooks/${ids.webhook}/rotate-secret` }] },
  "/webhooks/[id]/deliveries/[deliveryId]/redeliver": {
    POST: [
      { method: "POST", path: (ids) => `/webhooks/${ids.webhook}/deliveries/${ids.delivery}/redeliver` },
      // Tenant A's own webhook with tenant B's delivery.
      { method: "POST", path: (ids) => `/webhooks/${ownWebhookId}/deliveries/${ids.delivery}/redeliver` },
    ],
  },
};

let foreign: Ids;
let missing: Ids;
let ownWebhookId: string;
let ownLeadId: string;
const receivers: { close: () => Promise<void> }[] = [];

const send = async (key: string, probe: Probe, ids: Ids) => {
  const body = probe.body?.(ids);
  const response = await fetch(`${baseUrl}/api/public${probe.path(ids)}`, {
    method: probe.method,
    headers: { "x-api-key": key, ...(body !== undefined && { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  // An id the answer echoes is replaced, so only the answer's shape and wording are compared.
  const normalised = Object.values(ids).reduce((result, id) => result.replaceAll(id, "<id>"), text);
  return { status: response.status, contentType: response.headers.get("content-type"), body: normalised };
};

async function snapshotOfB(): Promise<string> {
  const get = async (pathname: string) => (await fetch(`${baseUrl}/api/public${pathname}`, { headers: { "x-api-key": keyB } })).text();
  return JSON.stringify(
    await Promise.all([
      get(`/leads/${foreign.lead}`), get(`/meetings/${foreign.meeting}`), get(`/meetings/${foreign.meeting}/history`),
      get(`/webhooks/${foreign.webhook}`), get(`/webhooks/${foreign.webhook}/deliveries`),
    ]),
  );
}

beforeAll(async () => {
  const receiver = await startReceiver();
  receivers.push(receiver);
  const lead = await createLead({ email: uniqueEmail("tenant-b") }, keyB);
  const post = (key: string, pathname: string, body: unknown) =>
    fetch(`${baseUrl}/api/public${pathname}`, { method: "POST", headers: { "x-api-key": key, "content-type": "application/json" }, body: JSON.stringify(body) }).then((r) => r.json());
  const webhook = (await post(keyB, "/webhooks", { url: receiver.url, events: ["meeting.no_show"] })).webhook;
  const meeting = (await post(keyB, "/meetings", { lead_id: lead.id, title: "B's meeting", starts_at: "2030-02-01T10:00:00Z", duration_minutes: 30 })).meeting;
  const delivery = (await post(keyB, `/webhooks/${webhook.id}/test`, {})).delivery;
  // B's snapshot must stand still during the probes: let the worker finish this delivery first.
  await receiver.waitFor(1);
  const settled = async () => {
    const answer = await fetch(`${baseUrl}/api/public/webhooks/${webhook.id}/deliveries`, { headers: { "x-api-key": keyB } });
    return ((await answer.json()).deliveries as { status: string }[]).every((d) => d.status !== "pending");
  };
  const deadline = Date.now() + 15_000;
  while (!(await settled()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  ownWebhookId = (await post(keyA, "/webhooks", { url: receiver.url, events: ["meeting.no_show"] })).webhook.id;
  ownLeadId = (await createLead()).id;
  foreign = {
    lead: lead.id, leadEmail: lead.email!, meeting: meeting.id, meetingType: fixtures.tenantB.meetingType.id, hostEmail: fixtures.tenantB.host.email,
    webhook: webhook.id, delivery: delivery.id,
  };
  missing = {
    lead: randomUUID(), leadEmail: uniqueEmail("nobody"), meeting: randomUUID(), meetingType: randomUUID(), hostEmail: uniqueEmail("no-host"),
    webhook: randomUUID(), delivery: randomUUID(),
  };
});

afterAll(async () => {
  await fetch(`${baseUrl}/api/public/webhooks/${foreign.webhook}`, { method: "DELETE", headers: { "x-api-key": keyB } });
  await fetch(`${baseUrl}/api/public/webhooks/${ownWebhookId}`, { method: "DELETE", headers: { "x-api-key": keyA } });
  for (const receiver of receivers) await receiver.close();
});

describe("cross-tenant probe matrix", () => {
  it("covers every public route and every method it handles", () => {
    const root = path.resolve(import.meta.dirname, "../../app/api/public");
    const found: Record<string, string[]> = {};
    for (const file of fs.readdirSync(root, { recursive: true }) as string[]) {
      if (!file.endsWith("route.ts") || file.startsWith("[[...path]]")) continue;
      const route = `/${path.dirname(file)}`;
      found[route] = [...fs.readFileSync(path.join(root, file), "utf8").matchAll(HANDLER_EXPORT)].map((m) => m[1]).sort();
    }
    const covered = Object.fromEntries(Object.entries(matrix).map(([route, methods]) => [route, Object.keys(methods).sort()]));
    expect(covered).toEqual(found);
  });

  for (const [route, methods] of Object.entries(matrix)) {
    for (const [method, probes] of Object.entries(methods)) {
      probes.forEach((probe, index) => {
        it(`${method} ${route}${probes.length > 1 ? ` (#${index + 1})` : ""}: another tenant's id answers exactly like a missing one and changes nothing`, async () => {
          const before = await snapshotOfB();
          const withForeign = await send(keyA, probe, foreign);
          const withMissing = await send(keyA, probe, missing);
          expect(withForeign).toEqual(withMissing);
          expect(await snapshotOfB()).toBe(before);
        });
      });
    }
  }
});

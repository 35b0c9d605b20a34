import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import { leads, meetings } from "@/db/schema";
import { createClient, createClientApiKey, createMeetingType, createUser, setClientRateLimit } from "@/lib/admin/service";
import { revokeApiKey } from "@/lib/api-keys";
import { createLead } from "@/lib/leads/service";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Everything the API and browser suites need that the public API cannot create: tenants, keys,
 * hosts, meeting types, reps with passwords, and meetings in every state. Seeded before the server
 * starts (PGlite allows one process), and handed to the suites as JSON via TEST_FIXTURES_FILE.
 */
export async function seedFixtures(db: Database) {
  const run = randomUUID().slice(0, 8);
  const tenant = async (name: string) => {
    const { client, apiKey } = await createClient(db, { name: `${name} ${run}` });
    const revoked = await createClientApiKey(db, { clientId: client.id, label: "revoked" });
    await revokeApiKey(db, { clientId: client.id, id: revoked.id });
    const host = await createUser(db, { clientId: client.id, email: `host-${name.toLowerCase()}-${run}@example.com`, name: `Host ${name}` });
    const inactiveHost = await createUser(db, {
      clientId: client.id, email: `inactive-${name.toLowerCase()}-${run}@example.com`, name: `Inactive ${name}`, active: false,
    });
    const repPassword = `pw-${name}-${run}-secret`;
    const rep = await createUser(db, {
      clientId: client.id, email: `rep-${name.toLowerCase()}-${run}@example.com`, name: `Rep ${name}`, password: repPassword,
    });
    const meetingType = await createMeetingType(db, { clientId: client.id, name: `Consultation ${name}` });
    return {
      clientId: client.id,
      apiKey,
      revokedApiKey: revoked.apiKey,
      host: { email: host.email, name: host.name },
      inactiveHostEmail: inactiveHost.email,
      rep: { email: rep.email, password: repPassword, name: rep.name },
      meetingType,
    };
  };
  const tenantA = await tenant("A");
  const tenantB = await tenant("B");
  // A tenant with a rate limit of its own, low enough to reach: 6 a minute, a burst of 1.
  const limited = await createClient(db, { name: `Limited ${run}` });
  await setClientRateLimit(db, { clientId: limited.client.id, perMinute: 6 });

  const now = Date.now();
  const timeline = await seedTimeline(db, { clientId: tenantA.clientId, name: `Timeline Lead ${run}`, email: `timeline-${run}@example.com`, now });
  // The browser suite gets a tenant of its own: the API suite adds hundreds of leads to tenant A,
  // which would move what the dashboard lists.
  const dashboardTenant = await tenant("Dashboard");
  const dashboardTimeline = await seedTimeline(db, {
    clientId: dashboardTenant.clientId, name: `Timeline Lead ${run}`, email: `timeline-ui-${run}@example.com`, now,
  });

  // The Spanish browser test saves its rep's language: a rep of its own keeps the other tests in English.
  const spanishTenant = await tenant("Spanish");
  const spanishTimeline = await seedTimeline(db, {
    clientId: spanishTenant.clientId, name: `María José ${run}`, email: `timeline-es-${run}@example.com`, now,
  });

  // Webhook tests subscribe to every event of their tenant: tenants of their own keep other suites' writes out.
  const webhooks = await tenant("Webhooks");
  const webhooksOther = await tenant("WebhooksOther");

  const leadOfB = await createLead(db, { clientId: tenantB.clientId, input: { first_name: "Other", last_name: "Tenant", email: `b-${run}@example.com` } });

  // Leads of tenant A sharing an email with equal updated_at, which the public API cannot produce:
  // they pin the tie-break rules of email matching (then created_at, then id).
  const tieTime = new Date(now - 30 * DAY);
  const tieLead = (email: string, fields: { id?: string; createdAt: Date }) => ({
    clientId: tenantA.clientId, firstName: "Tie", lastName: email, email, updatedAt: tieTime, ...fields,
  });
  const createdTieEmail = `tie-created-${run}@example.com`;
  const [olderCreated, newerCreated] = await db
    .insert(leads)
    .values([
      tieLead(createdTieEmail, { createdAt: new Date(now - 40 * DAY) }),
      tieLead(createdTieEmail, { createdAt: new Date(now - 35 * DAY) }),
    ])
    .returning({ id: leads.id });
  const idTieEmail = `tie-id-${run}@example.com`;
  const [lowId, highId] = [randomUUID(), randomUUID()].sort();
  await db.insert(leads).values([
    tieLead(idTieEmail, { id: highId, createdAt: new Date(now - 40 * DAY) }),
    tieLead(idTieEmail, { id: lowId, createdAt: new Date(now - 40 * DAY) }),
  ]);

  return {
    run,
    tenantA,
    tenantB: { ...tenantB, leadId: leadOfB.id },
    limited: { clientId: limited.client.id, apiKey: limited.apiKey },
    leadTies: {
      createdAt: { email: createdTieEmail, winnerId: newerCreated.id, loserId: olderCreated.id },
      id: { email: idTieEmail, winnerId: highId, loserId: lowId },
    },
    timeline,
    dashboard: { ...dashboardTenant, timeline: dashboardTimeline },
    spanish: { ...spanishTenant, timeline: spanishTimeline },
    webhooks,
    webhooksOther,
  };
}

/** A lead with meetings in every state, relative to `now`, for the timeline tabs and the status filter. */
async function seedTimeline(db: Database, params: { clientId: string; name: string; email: string; now: number }) {
  const { clientId, name, email, now } = params;
  const [firstName, ...lastName] = name.split(" ");
  const lead = await createLead(db, {
    clientId,
    input: { first_name: firstName, last_name: lastName.join(" "), email, phone: "+56 9 5555 0101" },
  });
  const base = { clientId, leadId: lead.id, timezone: "America/Santiago", attendeeName: name, attendeeEmail: email, source: "manual" as const };
  const span = (startOffsetMs: number, minutes: number) => ({
    startsAt: new Date(now + startOffsetMs), endsAt: new Date(now + startOffsetMs + minutes * 60_000),
  });
  const rows = await db
    .insert(meetings)
    .values([
      { ...base, ...span(1 * DAY, 30), title: "Upcoming soon" },
      { ...base, ...span(4 * DAY, 60), title: "Upcoming later", confirmedByLead: true, source: "api", externalCalendarProvider: "ghl" },
      { ...base, ...span(-2 * DAY, 45), title: "Past completed", status: "completed", outcomeNotes: "Signed the proposal." },
      { ...base, ...span(-5 * DAY, 30), title: "Past cancelled", status: "cancelled", cancelledAt: new Date(now - 6 * DAY), cancellationReason: "Lead asked to move it." },
      { ...base, ...span(-1 * HOUR - 30 * 60_000, 30), title: "Past awaiting outcome" },
      { ...base, ...span(-3 * DAY, 30), title: "No-show recent", status: "no_show", noShowReason: "Did not join the call." },
      { ...base, ...span(-9 * DAY, 30), title: "No-show older", status: "no_show", noShowReason: "Phone off." },
      { ...base, ...span(2 * DAY, 30), title: "Unsafe link", meetingUrl: "javascript:alert(document.cookie)" },
    ])
    .returning({ id: meetings.id, title: meetings.title });
  return { leadId: lead.id, leadName: name, meetings: Object.fromEntries(rows.map((r) => [r.title, r.id])) };
}

export type Fixtures = Awaited<ReturnType<typeof seedFixtures>>;

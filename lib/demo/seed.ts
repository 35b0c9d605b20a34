import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { clients, meetings } from "@/db/schema";
import { createClient, createMeetingType, createUser } from "@/lib/admin/service";
import { createLead } from "@/lib/leads/service";

export const DEMO_REP = { email: "rep@demo.nexor.test", password: "demo-password-2026", name: "Maria Garcia" };

type DemoCredentials = { clientId: string; apiKey: string; repEmail: string; repPassword: string; leadId: string };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Seeds the demo tenant into an empty database, all or nothing; returns null when the database already
 * has a client. Its meetings are inserted as they stand, with no invented history.
 */
export function seedDemoTenant(db: Database): Promise<DemoCredentials | null> {
  return db.transaction(async (tx) => {
    const [{ count }] = await tx.select({ count: sql<number>`count(*)::int` }).from(clients);
    return count > 0 ? null : seedInto(tx);
  });
}

async function seedInto(db: Database): Promise<DemoCredentials> {
  const { client, apiKey } = await createClient(db, { name: "Acme Advisory (demo)" });
  const clientId = client.id;
  const rep = await createUser(db, { clientId, ...DEMO_REP });
  const meetingType = await createMeetingType(db, { clientId, name: "Initial Consultation" });
  const tony = await createLead(db, {
    clientId,
    input: { first_name: "Tony", last_name: "Stark", email: "tony.stark@gmail.com", phone: "+1 212 555 0100", metadata: { company: "Stark Industries" } },
  });
  const pepper = await createLead(db, { clientId, input: { first_name: "Pepper", last_name: "Potts", email: "pepper@example.com" } });
  await createLead(db, { clientId, input: { first_name: "John", last_name: "Doe", email: "john@example.com" } });

  const now = Date.now();
  const hourAligned = Math.floor(now / HOUR) * HOUR;
  const base = {
    clientId,
    leadId: tony.id,
    timezone: "America/Santiago",
    attendeeName: "Tony Stark",
    attendeeEmail: "tony.stark@gmail.com",
    hostUserId: rep.id,
    meetingTypeId: meetingType.id,
  };
  const at = (offsetMs: number, minutes: number) => ({
    startsAt: new Date(hourAligned + offsetMs),
    endsAt: new Date(hourAligned + offsetMs + minutes * 60_000),
  });
  await db.insert(meetings).values([
    { ...base, ...at(2 * DAY, 30), title: "Discovery Call", source: "api", externalCalendarProvider: "ghl", externalEventId: "demo-1",
      meetingUrl: "https://meet.google.com/abc-xyz-123", description: "Confirmation and reminder emails sent." },
    { ...base, ...at(5 * DAY, 60), title: "Portfolio Review", source: "manual", confirmedByLead: true, locationType: "in_person",
      locationDetails: "Av. Apoquindo 3000, Las Condes" },
    { ...base, ...at(-3 * DAY, 45), title: "Intro Call", source: "api", status: "completed", externalCalendarProvider: "calendly",
      outcomeNotes: "Interested in the advisory plan; send proposal.", outcomeAt: new Date(hourAligned - 3 * DAY + HOUR) },
    { ...base, ...at(-6 * DAY, 30), title: "Follow-up", source: "manual", status: "cancelled", cancelledAt: new Date(now - 7 * DAY),
      cancellationReason: "Lead travelling; will rebook." },
    { ...base, ...at(-1 * DAY, 30), title: "Pricing Q&A", source: "api", locationType: "phone" },
    { ...base, ...at(-10 * DAY, 30), title: "First Contact", source: "manual", status: "no_show", noShowReason: "Did not join; no reply to follow-up.",
      outcomeAt: new Date(hourAligned - 10 * DAY + HOUR) },
    { ...base, leadId: pepper.id, attendeeName: "Pepper Potts", attendeeEmail: "pepper@example.com", ...at(3 * DAY, 30),
      title: "Onboarding", source: "manual", timezone: "America/New_York" },
  ]);
  return { clientId, apiKey, repEmail: DEMO_REP.email, repPassword: DEMO_REP.password, leadId: tony.id };
}

// Beside the data directory and named after it: two embedded databases under one folder (PGLITE_DATA_DIR=/tmp/a
// and /tmp/b) keep a file each, rather than sharing one that the second overwrites.
const credentialsFile = (dataDir: string) => path.join(path.dirname(dataDir), `${path.basename(dataDir)}.demo-credentials.json`);

export function saveDemoCredentials(dataDir: string, credentials: DemoCredentials) {
  fs.writeFileSync(credentialsFile(dataDir), JSON.stringify(credentials, null, 2), { mode: 0o600 });
}

export function loadDemoCredentials(dataDir: string): DemoCredentials | null {
  adoptLegacyCredentials(dataDir);
  try {
    return JSON.parse(fs.readFileSync(credentialsFile(dataDir), "utf8"));
  } catch {
    return null;
  }
}

/**
 * Until 2026-12 the file was `demo-credentials.json` beside the data directory, whatever its name: the default
 * `.data/pglite` gets its old file renamed, so the banner keeps showing the key. (Beside another directory
 * the old name may be a neighbour's, so it is left alone.)
 */
function adoptLegacyCredentials(dataDir: string) {
  const legacy = path.join(path.dirname(dataDir), "demo-credentials.json");
  if (path.basename(dataDir) !== "pglite" || fs.existsSync(credentialsFile(dataDir)) || !fs.existsSync(legacy)) return;
  fs.renameSync(legacy, credentialsFile(dataDir));
}

export function printDemoCredentials(credentials: DemoCredentials, baseUrl: string) {
  const curl = `curl ${baseUrl}/api/public/leads/${credentials.leadId}/meetings -H "X-API-Key: ${credentials.apiKey}"`;
  console.log(
    [
      "",
      "Demo tenant:",
      `  Dashboard: ${baseUrl}/sign-in  as ${credentials.repEmail} / ${credentials.repPassword}`,
      `  Client id: ${credentials.clientId ?? "see: npm run --silent admin -- client list"}   (for the admin commands)`,
      `  API key:   ${credentials.apiKey}`,
      `  Try:       ${curl}`,
      "",
    ].join("\n"),
  );
}

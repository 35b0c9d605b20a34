import type { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import * as schema from "@/db/schema";
import { createClient } from "@/lib/admin/service";
import { lookUpLeads } from "@/lib/leads/lookup";
import { createLead } from "@/lib/leads/service";
import { listHistory } from "@/lib/meetings/history";
import { findLeadByEmailWithEventMeeting, listMeetingPageOfLead, listPublicMeetingPageOfLead, listPublicMeetingsOfLead } from "@/lib/meetings/queries";
import { timelineTabs } from "@/lib/meetings/timeline";
import { countTimeline, listTimelinePage } from "@/lib/meetings/timeline-page";
import { openEmbeddedDatabase, type EmbeddedDatabase } from "@/tests/support/embedded-database";

// Keyset pages are only cheap when an index hands the rows over in the query's order. A lead with 10,000
// meetings once had each page fetch and sort all of them, because ORDER BY said DESC where the index says
// DESC NULLS LAST. With sorting priced out, any Sort left on the listing's own key means no index fits.
let connection: EmbeddedDatabase;
let db: Database;
let clientId: string;
let leadId: string;
const cursorOf = (leadIdOfCursor: string) =>
  Buffer.from(JSON.stringify({ l: leadIdOfCursor, s: "2026-06-01T12:00:00.000000Z", c: "2026-06-01T12:00:00.000000Z", i: leadIdOfCursor })).toString("base64url");

/** The plan of every statement `work` sends, with sequential scans and sorts priced out. */
async function plansOf(work: (db: Database) => Promise<unknown>): Promise<string[]> {
  const client = (db as unknown as { $client: PGlite }).$client;
  const statements: { sql: string; params: unknown[] }[] = [];
  const recording = drizzle(client, { schema, logger: { logQuery: (sql, params) => statements.push({ sql, params }) } }) as unknown as Database;
  await work(recording);
  await client.exec("set enable_sort = off; set enable_seqscan = off");
  try {
    const plans: string[] = [];
    for (const statement of statements) {
      const result = await client.query<{ "QUERY PLAN": string }>(`explain ${statement.sql}`, statement.params as never[]);
      plans.push(result.rows.map((row) => row["QUERY PLAN"]).join("\n"));
    }
    return plans;
  } finally {
    await client.exec("reset enable_sort; reset enable_seqscan");
  }
}

const sortKeys = (plan: string) => [...plan.matchAll(/Sort Key: (.*)/g)].map((match) => match[1]);

beforeAll(async () => {
  connection = await openEmbeddedDatabase("query plan");
  db = connection.db;
  clientId = (await createClient(db, { name: "Plans" })).client.id;
  leadId = (await createLead(db, { clientId, input: { first_name: "Planned", email: "planned@example.com" } })).id;
}, 60_000);

afterAll(async () => {
  await connection.close();
});

describe("the meeting listings read the timeline index in order", () => {
  it.each(timelineTabs)("the %s tab, first page and a later one", async (tab) => {
    const plans = await plansOf(async (recording) => {
      await listTimelinePage(recording, { clientId, leadId, tab, now: new Date(), cursor: null });
      await listTimelinePage(recording, { clientId, leadId, tab, now: new Date(), cursor: cursorOf(leadId) });
    });
    expect(plans).toHaveLength(2);
    for (const plan of plans) {
      expect(plan).toContain("meetings_lead_timeline_idx");
      expect(sortKeys(plan).filter((key) => key.includes("starts_at")), plan).toEqual([]);
    }
  });

  it("GET /leads/{id}/meetings, unpaged and a page after a cursor", async () => {
    const plans = await plansOf(async (recording) => {
      await listPublicMeetingsOfLead(recording, { clientId, leadId });
      const after = { leadId, startsAt: "2026-06-01T12:00:00.000000Z", createdAt: "2026-06-01T12:00:00.000000Z", id: leadId };
      await listMeetingPageOfLead(recording, { clientId, leadId, limit: 50, after });
      await listPublicMeetingPageOfLead(recording, { clientId, leadId, limit: 50, after });
    });
    expect(plans).toHaveLength(3);
    for (const plan of plans) expect(sortKeys(plan).filter((key) => key.includes("starts_at")), plan).toEqual([]);
  });
});

describe("the lead page's tab counts", () => {
  it("are read from the timeline index alone, never the meetings themselves", async () => {
    const [plan] = await plansOf((recording) => countTimeline(recording, { clientId, leadId, now: new Date() }));
    expect(plan).toContain("Index Only Scan using meetings_lead_timeline_idx");
  });
});

describe("rate-limit buckets", () => {
  it("live in an unlogged table, so taking a token does not wait for a WAL flush", async () => {
    const client = (db as unknown as { $client: PGlite }).$client;
    const { rows } = await client.query<{ relpersistence: string }>("select relpersistence from pg_class where relname = 'rate_limits'");
    expect(rows).toEqual([{ relpersistence: "u" }]);
  });
});

describe("the history and email lookups read their indexes in order", () => {
  it("a lead's and a meeting's history", async () => {
    const plans = await plansOf(async (recording) => {
      await listHistory(recording, { clientId, of: { leadId }, page: { limit: 20, offset: 0 } });
      await listHistory(recording, { clientId, of: { meetingId: leadId }, page: { limit: 20, offset: 0 } });
    });
    for (const plan of plans) expect(sortKeys(plan).filter((key) => key.includes(".at")), plan).toEqual([]);
  });

  it("matching a lead by email (alone, and with its external event's meeting), and GET /leads?email=", async () => {
    const plans = await plansOf(async (recording) => {
      await findLeadByEmailWithEventMeeting(recording, { clientId, email: "planned@example.com", event: null });
      await findLeadByEmailWithEventMeeting(recording, { clientId, email: "planned@example.com", event: { provider: "calendly", eventId: "planned-event" } });
      await lookUpLeads(recording, { clientId, query: { email: "planned@example.com", limit: 50 } });
    });
    for (const plan of plans) expect(sortKeys(plan).filter((key) => key.includes("updated_at")), plan).toEqual([]);
  });
});

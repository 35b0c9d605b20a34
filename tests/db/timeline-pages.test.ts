import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { meetings, storedMeetingStatuses } from "@/db/schema";
import { createClient } from "@/lib/admin/service";
import { AppError } from "@/lib/errors";
import { createLead } from "@/lib/leads/service";
import { timelineTab, timelineTabs, type TimelineTab } from "@/lib/meetings/timeline";
import { countTimeline, listTimelinePage, loadTimeline } from "@/lib/meetings/timeline-page";
import { openEmbeddedDatabase, type EmbeddedDatabase } from "@/tests/support/embedded-database";

// The lead page's tabs, a page at a time: every page boundary, ties on starts_at, and the tenant scope.
let connection: EmbeddedDatabase;
let db: Database;
let clientId: string;
let leadId: string;
let otherLeadId: string;
let otherClientId: string;
const now = new Date("2026-06-01T12:00:00Z");
const HOUR = 3_600_000;

type Seeded = { id: string; tab: TimelineTab; startsAt: Date; createdAt: string };
const seeded: Seeded[] = [];

/** Rows in the order the tab must show them, derived here independently of the SQL. */
function expectedOrder(tab: TimelineTab): string[] {
  const rows = seeded.filter((row) => row.tab === tab);
  // createdAt is text with microseconds, so string order is time order.
  const ascending = (a: Seeded, b: Seeded) =>
    a.startsAt.getTime() - b.startsAt.getTime() || a.createdAt.localeCompare(b.createdAt) || b.id.localeCompare(a.id);
  rows.sort(tab === "upcoming" ? ascending : (a, b) => ascending(b, a));
  return rows.map((row) => row.id);
}

async function allPages(tab: TimelineTab, limit: number, lead = leadId): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await listTimelinePage(db, { clientId, leadId: lead, tab, now, cursor, limit });
    expect(page.meetings.length).toBeLessThanOrEqual(limit);
    if (page.nextCursor) expect(page.meetings.length).toBe(limit);
    ids.push(...page.meetings.map((m) => m.id));
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor && pages < 100);
  return { ids, pages };
}

beforeAll(async () => {
  connection = await openEmbeddedDatabase("timeline page");
  db = connection.db;
  clientId = (await createClient(db, { name: "Timeline" })).client.id;
  otherClientId = (await createClient(db, { name: "Other" })).client.id;
  leadId = (await createLead(db, { clientId, input: { first_name: "Paged" } })).id;
  otherLeadId = (await createLead(db, { clientId, input: { first_name: "Other lead" } })).id;

  // Every status at several hours, and groups that tie on starts_at: some differ in created_at by one
  // microsecond (a millisecond cursor would skip one), some tie on both and differ only by id.
  const hours = [-50, -3, -1, 1, 3, 50];
  const rows = storedMeetingStatuses.flatMap((status) =>
    hours.flatMap((hour, h) =>
      [0, 1, 2].map((tie) => ({
        id: randomUUID(),
        status,
        startsAt: new Date(now.getTime() + hour * HOUR),
        createdAt: `2026-01-0${1 + (h % 3)}T00:00:00.00000${tie === 2 ? 1 : tie}Z`,
      })),
    ),
  );
  await db.insert(meetings).values(
    rows.map((row) => ({
      id: row.id, clientId, leadId, title: row.id, status: row.status, startsAt: row.startsAt,
      endsAt: new Date(row.startsAt.getTime() + HOUR / 2), attendeeName: "Paged", source: "api" as const,
      ...(row.status === "cancelled" && { cancelledAt: now }),
    })),
  );
  for (const row of rows) {
    await db.execute(sql`update meetings set created_at = ${row.createdAt}::timestamptz where id = ${row.id}`);
    seeded.push({ id: row.id, tab: timelineTab({ status: row.status, endsAt: new Date(row.startsAt.getTime() + HOUR / 2) }, now), startsAt: row.startsAt, createdAt: row.createdAt });
  }
}, 60_000);

afterAll(async () => {
  await connection.close();
});

describe("listTimelinePage", () => {
  it.each(timelineTabs)("shows %s in its order: upcoming soonest first, the others most recent first, ties by creation then id", async (tab) => {
    const expected = expectedOrder(tab);
    expect(expected.length).toBeGreaterThan(3);
    expect((await listTimelinePage(db, { clientId, leadId, tab, now, cursor: null, limit: 500 })).meetings.map((m) => m.id)).toEqual(expected);
  });

  it.each(timelineTabs)("pages through %s at every page size without skipping or repeating a meeting", async (tab) => {
    const expected = expectedOrder(tab);
    for (let limit = 1; limit <= expected.length + 1; limit++) {
      const { ids, pages } = await allPages(tab, limit);
      expect(ids, `limit ${limit}`).toEqual(expected);
      // A last page that is exactly full says so: no empty page after it.
      expect(pages, `limit ${limit}`).toBe(Math.max(1, Math.ceil(expected.length / limit)));
    }
  });

  it("refuses a cursor of another lead, and one it never issued, as a bad cursor", async () => {
    const otherLeadCursor = (await listTimelinePage(db, { clientId, leadId, tab: "past", now, cursor: null, limit: 1 })).nextCursor!;
    for (const cursor of [otherLeadCursor, "not-a-cursor", Buffer.from("{}").toString("base64url")]) {
      const failure = await listTimelinePage(db, { clientId, leadId: otherLeadId, tab: "past", now, cursor, limit: 1 }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(AppError);
      expect((failure as AppError).extra.details).toEqual([expect.objectContaining({ field: "cursor" })]);
    }
  });

  it("shows nothing of the lead to another client, even with the lead's own cursor", async () => {
    const cursor = (await listTimelinePage(db, { clientId, leadId, tab: "past", now, cursor: null, limit: 1 })).nextCursor;
    for (const tab of timelineTabs) {
      const page = await listTimelinePage(db, { clientId: otherClientId, leadId, tab, now, cursor, limit: 500 });
      expect(page).toEqual({ meetings: [], nextCursor: null, now });
    }
  });
});

describe("countTimeline", () => {
  it("counts each tab as its pages list it", async () => {
    const counts = await countTimeline(db, { clientId, leadId, now });
    for (const tab of timelineTabs) expect(counts[tab], tab).toBe(expectedOrder(tab).length);
  });

  it("counts nothing of the lead for another client", async () => {
    expect(await countTimeline(db, { clientId: otherClientId, leadId, now })).toEqual({ upcoming: 0, past: 0, "no-show": 0 });
  });
});

describe("loadTimeline", () => {
  it("gives every tab's count and the first page of the tab in view, sorted at one instant", async () => {
    for (const tab of timelineTabs) {
      const timeline = await loadTimeline(db, { clientId, leadId, now, tab });
      expect(timeline.firstPage.meetings.map((m) => m.id), tab).toEqual(expectedOrder(tab).slice(0, 25));
      expect(timeline.firstPage.now).toBe(now);
      for (const counted of timelineTabs) expect(timeline.counts[counted], counted).toBe(expectedOrder(counted).length);
    }
  });
});

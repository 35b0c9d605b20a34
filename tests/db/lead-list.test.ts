import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { leads, meetings, type StoredMeetingStatus } from "@/db/schema";
import { createClient } from "@/lib/admin/service";
import { listLeadPage, type LeadFilter } from "@/lib/leads/list";
import { leadSorts, type LeadPageCursor, type LeadSort } from "@/lib/leads/list-order";
import { createLead } from "@/lib/leads/service";
import { openEmbeddedDatabase, type EmbeddedDatabase } from "@/tests/support/embedded-database";

// The lead list's orders and its awaiting-outcome filter, walked page by page in both directions at
// every page size, over leads that tie on every sort key.
let connection: EmbeddedDatabase;
let db: Database;
const now = new Date("2026-06-01T12:00:00Z");
const HOUR = 3_600_000;
const at = (hours: number) => new Date(now.getTime() + hours * HOUR);

type Seeded = { id: string; label: string; name: string; updatedAt: Date; nextAt: Date | null; awaiting: boolean };
type Spec = { label: string; first: string; last: string; updatedHoursAgo: number; meetings: [StoredMeetingStatus, number][] };

// Meetings are [status, start in hours from now], 30 minutes long. Names share first letters only when equal,
// so byte order and the database's collation agree.
const specs: Spec[] = [
  { label: "cara", first: "Cara", last: "Dunn", updatedHoursAgo: 40, meetings: [["scheduled", 48]] },
  { label: "abe1", first: "Abe", last: "Moss", updatedHoursAgo: 40, meetings: [["scheduled", 24]] },
  { label: "bea", first: "Bea", last: "Hale", updatedHoursAgo: 30, meetings: [["scheduled", 24], ["cancelled", 12]] },
  { label: "dan1", first: "Dan", last: "Wolf", updatedHoursAgo: 30, meetings: [] },
  { label: "dan2", first: "Dan", last: "Wolf", updatedHoursAgo: 30, meetings: [] },
  { label: "eve", first: "Eve", last: "Lane", updatedHoursAgo: 20, meetings: [["scheduled", -2], ["scheduled", 72]] },
  { label: "fay", first: "Fay", last: "Lowe", updatedHoursAgo: 20, meetings: [["scheduled", -30], ["completed", -50]] },
  { label: "gus", first: "Gus", last: "Park", updatedHoursAgo: 10, meetings: [["completed", -5], ["scheduled", -0.25]] },
  { label: "abe2", first: "Abe", last: "Moss", updatedHoursAgo: 40, meetings: [["no_show", -3]] },
];

async function seedTenant(name: string): Promise<{ clientId: string; seeded: Seeded[] }> {
  const { client } = await createClient(db, { name });
  const seeded: Seeded[] = [];
  for (const spec of specs) {
    const lead = await createLead(db, { clientId: client.id, input: { first_name: spec.first, last_name: spec.last } });
    const updatedAt = at(-spec.updatedHoursAgo);
    await db.update(leads).set({ updatedAt }).where(inArray(leads.id, [lead.id]));
    if (spec.meetings.length) {
      await db.insert(meetings).values(
        spec.meetings.map(([status, startHours]) => ({
          clientId: client.id, leadId: lead.id, title: `${spec.label} ${status}`, status, attendeeName: spec.first, source: "api" as const,
          startsAt: at(startHours), endsAt: new Date(at(startHours).getTime() + 30 * 60_000),
          ...(status === "cancelled" && { cancelledAt: now }),
        })),
      );
    }
    const upcoming = spec.meetings.filter(([status, start]) => status === "scheduled" && start + 0.5 > 0).map(([, start]) => at(start));
    seeded.push({
      id: lead.id, label: spec.label, name: `${spec.first} ${spec.last}`.toLowerCase(), updatedAt,
      nextAt: upcoming.length ? new Date(Math.min(...upcoming.map(Number))) : null,
      awaiting: spec.meetings.some(([status, start]) => status === "scheduled" && start + 0.5 <= 0),
    });
  }
  return { clientId: client.id, seeded };
}

const byId = (a: Seeded, b: Seeded) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byName = (a: Seeded, b: Seeded) => (a.name < b.name ? -1 : a.name > b.name ? 1 : byId(a, b));
const comparators: Record<LeadSort, (a: Seeded, b: Seeded) => number> = {
  name: byName,
  updated: (a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || byId(b, a),
  "next-meeting": (a, b) =>
    a.nextAt && b.nextAt ? a.nextAt.getTime() - b.nextAt.getTime() || byName(a, b) : a.nextAt ? -1 : b.nextAt ? 1 : byName(a, b),
};

let tenantA: Awaited<ReturnType<typeof seedTenant>>;
let tenantB: Awaited<ReturnType<typeof seedTenant>>;

beforeAll(async () => {
  connection = await openEmbeddedDatabase("lead list");
  db = connection.db;
  tenantA = await seedTenant("List A");
  tenantB = await seedTenant("List B");
}, 60_000);

afterAll(async () => {
  await connection.close();
});

type Listing = { clientId: string; sort: LeadSort; filter: LeadFilter | null; pageSize: number };
const page = (listing: Listing, cursor: LeadPageCursor | null) => listLeadPage(db, { ...listing, cursor, now });

/** Every page from the first, following `next`; then back from the last, following `previous`. */
async function walk(listing: Listing) {
  const forward: string[][] = [];
  let current = await page(listing, null);
  expect(current.previous).toBeNull();
  for (;;) {
    forward.push(current.items.map((item) => item.id));
    if (!current.next) break;
    current = await page(listing, current.next);
  }
  const backward: string[][] = [current.items.map((item) => item.id)];
  while (current.previous) {
    current = await page(listing, current.previous);
    backward.unshift(current.items.map((item) => item.id));
  }
  return { forward, backward };
}

const labels = (seeded: Seeded[], ids: string[]) => ids.map((id) => seeded.find((lead) => lead.id === id)?.label ?? `foreign ${id}`);

describe("lead list orders", () => {
  // The walks below compare pages with these comparators; these two pin what the comparators mean.
  it("expected name order: alphabetical, same names by id", () => {
    expect([...tenantA.seeded].sort(comparators.name).map((l) => l.label).join(" ")).toMatch(/^abe\d abe\d bea cara dan\d dan\d eve fay gus$/);
  });

  it("expected next-meeting order: soonest upcoming first (in progress counts), equal times by name, leads with none last by name", () => {
    expect([...tenantA.seeded].sort(comparators["next-meeting"]).map((l) => l.label).slice(0, 5)).toEqual(["gus", "abe1", "bea", "cara", "eve"]);
  });

  for (const sort of leadSorts) {
    for (const filter of [null, "awaiting-outcome"] as const) {
      it(`${sort}${filter ? `, ${filter}` : ""}: every page size walks the whole order both ways, each lead once`, async () => {
        const expected = tenantA.seeded.filter((lead) => !filter || lead.awaiting).sort(comparators[sort]);
        for (const pageSize of [1, 2, 3, 4, expected.length, expected.length + 1]) {
          const { forward, backward } = await walk({ clientId: tenantA.clientId, sort, filter, pageSize });
          expect(labels(tenantA.seeded, forward.flat()), `page size ${pageSize}`).toEqual(expected.map((lead) => lead.label));
          expect(forward.every((ids) => ids.length <= pageSize)).toBe(true);
          expect(backward, `page size ${pageSize}, walking back`).toEqual(forward);
        }
      });
    }
  }
});

describe("awaiting-outcome filter", () => {
  it("keeps the leads with a scheduled meeting that has ended, and counts those meetings", async () => {
    const result = await listLeadPage(db, { clientId: tenantA.clientId, filter: "awaiting-outcome", now });
    expect(labels(tenantA.seeded, result.items.map((item) => item.id))).toEqual(["eve", "fay"]);
    expect(result.items.map((item) => item.counts.awaitingOutcome)).toEqual([1, 1]);
  });

  it("lists no lead while their scheduled meetings have not ended", async () => {
    const result = await listLeadPage(db, { clientId: tenantA.clientId, filter: "awaiting-outcome", now: at(-100) });
    expect(result.items).toEqual([]);
  });
});

describe("tenancy", () => {
  it("lists only the client's own leads, in every order and filter", async () => {
    for (const sort of leadSorts) {
      for (const filter of [null, "awaiting-outcome"] as const) {
        for (const tenant of [tenantA, tenantB]) {
          const { forward } = await walk({ clientId: tenant.clientId, sort, filter, pageSize: 4 });
          const own = new Set(tenant.seeded.map((lead) => lead.id));
          expect(forward.flat().every((id) => own.has(id)), `${sort} ${filter}`).toBe(true);
          expect(forward.flat()).toHaveLength(tenant.seeded.filter((lead) => !filter || lead.awaiting).length);
        }
      }
    }
  });

  it("a cursor made on another client's list positions the page without showing that client's leads", async () => {
    const theirs = await listLeadPage(db, { clientId: tenantB.clientId, sort: "name", pageSize: 2, now });
    const mine = await listLeadPage(db, { clientId: tenantA.clientId, sort: "name", pageSize: 20, cursor: theirs.next, now });
    const own = new Set(tenantA.seeded.map((lead) => lead.id));
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((item) => own.has(item.id))).toBe(true);
  });
});

describe("cursors", () => {
  it("a token that is not one of ours, or made for another order, opens the first page", async () => {
    const first = await listLeadPage(db, { clientId: tenantA.clientId, sort: "updated", pageSize: 3, now });
    const byName = await listLeadPage(db, { clientId: tenantA.clientId, sort: "name", pageSize: 3, now });
    for (const token of ["nonsense", byName.next!.token, Buffer.from('{"sort":"updated","updatedAt":"x","id":"y"}').toString("base64url")]) {
      const result = await listLeadPage(db, { clientId: tenantA.clientId, sort: "updated", pageSize: 3, cursor: { direction: "after", token }, now });
      expect(result.items.map((item) => item.id)).toEqual(first.items.map((item) => item.id));
      expect(result.previous).toBeNull();
    }
  });
});

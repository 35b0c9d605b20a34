import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { meetings, storedMeetingStatuses } from "@/db/schema";
import { createClient } from "@/lib/admin/service";
import { createLead } from "@/lib/leads/service";
import { awaitingOutcomeCondition, isAwaitingOutcome } from "@/lib/meetings/awaiting-outcome";
import { shownMeetingStatuses, shownStatus, shownStatusCondition } from "@/lib/meetings/status";
import { timelineTab, timelineTabCondition, timelineTabs } from "@/lib/meetings/timeline";
import { openEmbeddedDatabase, type EmbeddedDatabase } from "@/tests/support/embedded-database";

// Rules that exist in TypeScript and in SQL: each pair must classify every kind of meeting alike.
let connection: EmbeddedDatabase;
let db: Database;
let clientId: string;
const now = new Date("2026-06-01T12:00:00Z");
const MINUTE = 60_000;

beforeAll(async () => {
  connection = await openEmbeddedDatabase("rule pair");
  db = connection.db;
  clientId = (await createClient(db, { name: "Rules" })).client.id;
  const lead = await createLead(db, { clientId, input: { first_name: "Rule" } });
  // Every stored status × confirmation × an end before, exactly at, and after `now`.
  const rows = storedMeetingStatuses.flatMap((status) =>
    [false, true].flatMap((confirmedByLead) =>
      [-1, 0, 1].map((endOffset) => ({
        clientId, leadId: lead.id, title: `${status} ${confirmedByLead} ${endOffset}`, status, confirmedByLead,
        startsAt: new Date(now.getTime() + (endOffset - 30) * MINUTE), endsAt: new Date(now.getTime() + endOffset * MINUTE),
        attendeeName: "Rule", source: "api" as const,
        ...(status === "cancelled" && { cancelledAt: now }),
      })),
    ),
  );
  await db.insert(meetings).values(rows);
}, 60_000);

afterAll(async () => {
  await connection.close();
});

const all = () => db.select().from(meetings).where(eq(meetings.clientId, clientId));
const titlesWhere = async (condition: ReturnType<typeof sql>) =>
  (await db.select({ title: meetings.title }).from(meetings).where(and(eq(meetings.clientId, clientId), condition))).map((r) => r.title).sort();

describe("shown status: shownStatus (TS) and shownStatusCondition (SQL)", () => {
  it.each(shownMeetingStatuses)("select the same meetings as %s", async (status) => {
    const expected = (await all()).filter((m) => shownStatus(m) === status).map((m) => m.title).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(await titlesWhere(shownStatusCondition(meetings, status))).toEqual(expected);
  });
});

describe("timeline tabs: timelineTab (TS) and timelineTabCondition (SQL)", () => {
  it.each(timelineTabs)("select the same meetings for %s, including meetings that end exactly now", async (tab) => {
    const expected = (await all()).filter((m) => timelineTab(m, now) === tab).map((m) => m.title).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(await titlesWhere(timelineTabCondition(meetings, tab, now))).toEqual(expected);
  });
});

describe("awaiting outcome: isAwaitingOutcome (TS) and awaitingOutcomeCondition (SQL)", () => {
  it("agree, including a meeting that ends exactly now", async () => {
    const expected = (await all()).filter((m) => isAwaitingOutcome(m, now)).map((m) => m.title).sort();
    expect(expected).toContain("scheduled true 0");
    expect(await titlesWhere(awaitingOutcomeCondition(meetings, now))).toEqual(expected);
  });
});

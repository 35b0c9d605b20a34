import { beforeAll, describe, expect, it } from "vitest";
import { api, createLead, expectValidationError, fixtures, keyB, listMeetings, postMeeting } from "../support/api";

const HOUR = 3_600_000;
const BASE = Date.parse("2026-09-01T12:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

let leadId: string;
let all: { id: string; starts_at: string; status: string }[];
const MEETINGS = 23;

beforeAll(async () => {
  leadId = (await createLead()).id;
  // Groups of three share a start, so pages must break ties on created_at and id.
  for (let i = 0; i < MEETINGS; i++) {
    const response = await postMeeting({
      lead_id: leadId, title: `Paged ${i}`, starts_at: iso(BASE + Math.floor(i / 3) * HOUR), duration_minutes: 30,
      ...(i % 4 === 0 && { status: "confirmed" }),
    });
    expect(response.status).toBe(201);
  }
  all = (await listMeetings(leadId)).body.meetings;
}, 60_000);

const page = (query: string, key?: string) => api("GET", `/leads/${leadId}/meetings?${query}`, { key });

async function walk(query: string, limit: number) {
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const response = await page(`${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.meetings.length).toBeLessThanOrEqual(limit);
    seen.push(...response.body.meetings.map((m: { id: string }) => m.id));
    cursor = response.body.next_cursor;
    pages++;
  } while (cursor);
  return { seen, pages };
}

describe("GET /leads/{id}/meetings paging", () => {
  it("answers exactly as the spec shows without paging parameters: every meeting, no next_cursor", async () => {
    const response = await listMeetings(leadId);
    expect(response.body.meetings).toHaveLength(MEETINGS);
    expect(response.body).not.toHaveProperty("next_cursor");
  });

  it.each([1, 2, 3, 5, 22, 23, 24, 500])("walks every meeting once, in the unpaged order, with limit=%i", async (limit) => {
    const { seen, pages } = await walk("", limit);
    expect(seen).toEqual(all.map((m) => m.id));
    expect(pages).toBe(Math.max(1, Math.ceil(MEETINGS / limit)));
  });

  it("ends with next_cursor null on a page that is exactly full", async () => {
    const response = await page(`limit=${MEETINGS}`);
    expect(response.body.meetings).toHaveLength(MEETINGS);
    expect(response.body.next_cursor).toBeNull();
  });

  it("pages a status filter and a time window the same way", async () => {
    const from = iso(BASE + 2 * HOUR);
    const to = iso(BASE + 6 * HOUR);
    const expected = all.filter((m) => m.status === "scheduled" && m.starts_at >= from && m.starts_at < to).map((m) => m.id);
    expect(expected.length).toBeGreaterThan(3);
    const { seen } = await walk(`status=scheduled&from=${from}&to=${to}`, 2);
    expect(seen).toEqual(expected);
  });

  it("from is inclusive and to exclusive", async () => {
    const at = iso(BASE + HOUR);
    const response = await page(`from=${at}&to=${iso(BASE + 2 * HOUR)}`);
    expect(response.body.meetings.map((m: { starts_at: string }) => m.starts_at)).toEqual([at, at, at]);
  });

  it.each([
    ["limit=0", "limit"], ["limit=501", "limit"], ["limit=abc", "limit"], ["limit=1.5", "limit"],
    // Only decimal digits: Number() would read these as 16, 100 and 1.
    ["limit=0x10", "limit"], ["limit=1e2", "limit"], ["limit=%201", "limit"],
    ["cursor=garbage", "cursor"], ["cursor=eyJsIjoxfQ", "cursor"],
    ["from=yesterday", "from"], ["from=2026-09-01T12:00:00", "from"], ["to=2026-09-01", "to"],
    [`from=${iso(BASE)}&to=${iso(BASE)}`, "to"],
    // Instants PostgreSQL cannot store: year 0000, and year 10000 reached through an offset.
    ["from=0000-06-01T00:00:00Z", "from"], ["to=9999-12-31T23:30:00-01:00", "to"],
  ])("refuses %s with 400 naming %s", async (query, field) => {
    expectValidationError(await page(query), [field]);
  });

  it("accepts from and to at the ends of the storable range", async () => {
    const response = await page("from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59.999Z&limit=500");
    expect(response.status).toBe(200);
    expect(response.body.meetings).toHaveLength(MEETINGS);
  });

  // A cursor is base64url JSON the caller can edit: one of this lead's, with an instant preciseInstant never
  // writes (PostgreSQL would fail on the first two, and read the third as the next day's midnight).
  it.each([
    ["an impossible date", "2026-13-45T99:99:99.000000Z"],
    ["year 0000", "0000-06-01T00:00:00.000000Z"],
    ["a 25th hour", "2026-09-01T24:00:00.000000Z"],
  ])("refuses a cursor of this lead edited to hold %s with 400 naming cursor", async (_label, instant) => {
    const issued = JSON.parse(Buffer.from((await page("limit=1")).body.next_cursor, "base64url").toString());
    for (const edited of [{ ...issued, s: instant }, { ...issued, c: instant }]) {
      expectValidationError(await page(`limit=1&cursor=${Buffer.from(JSON.stringify(edited)).toString("base64url")}`), ["cursor"]);
    }
  });

  it("refuses a cursor issued for another lead", async () => {
    const other = await createLead();
    await postMeeting({ lead_id: other.id, title: "A", starts_at: iso(BASE), duration_minutes: 30 });
    await postMeeting({ lead_id: other.id, title: "B", starts_at: iso(BASE), duration_minutes: 30 });
    const foreignCursor = (await api("GET", `/leads/${other.id}/meetings?limit=1`)).body.next_cursor;
    expect(foreignCursor).toEqual(expect.any(String));
    expectValidationError(await page(`limit=1&cursor=${encodeURIComponent(foreignCursor)}`), ["cursor"]);
  });

  it("never shows another client's meetings through a cursor: their lead is a 404, our cursor on their lead a 400", async () => {
    const ours = (await page("limit=1")).body.next_cursor;
    expect((await page("limit=1", keyB)).status).toBe(404);
    const theirLead = fixtures.tenantB.leadId;
    const response = await api("GET", `/leads/${theirLead}/meetings?limit=1&cursor=${encodeURIComponent(ours)}`, { key: keyB });
    expectValidationError(response, ["cursor"]);
  });
});

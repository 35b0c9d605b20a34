import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  api, createLead, expectValidationError, fixtures, keyB, LEAD_NOT_FOUND, listMeetings, postMeeting, uniqueEmail,
} from "../support/api";

const lookup = (query: string, key?: string) => api("GET", `/leads?${query}`, { key });
const ids = (response: { body: { leads: { id: string }[] } }) => response.body.leads.map((lead) => lead.id);

describe("GET /leads?email", () => {
  it("finds every lead with the email (trimmed, any case) in the order POST /meetings matches them", async () => {
    const email = uniqueEmail("lookup");
    const older = await createLead({ email });
    const newer = await createLead({ email: email.toUpperCase() });
    await api("PATCH", `/leads/${older.id}`, { body: { first_name: "Touched" } }); // now the most recently updated
    const response = await lookup(`email=${encodeURIComponent(`  ${email.toUpperCase()} `)}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ success: true, next_cursor: null });
    expect(ids(response)).toEqual([older.id, newer.id]);

    const booked = await postMeeting({ lead_email: email, title: "Matched", starts_at: "2026-10-01T10:00:00Z", duration_minutes: 30 });
    expect(booked.body.meeting.lead_id).toBe(ids(response)[0]);
  });

  it("pages by email with a cursor, one lead a page", async () => {
    const email = uniqueEmail("paged");
    const created = [await createLead({ email }), await createLead({ email }), await createLead({ email })];
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await lookup(`email=${encodeURIComponent(email)}&limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      expect(response.body.leads).toHaveLength(1);
      seen.push(...ids(response));
      cursor = response.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual(created.map((lead) => lead.id).reverse());
  });

  it("answers an empty list for an email nobody has, and never another client's leads", async () => {
    expect((await lookup(`email=${uniqueEmail("nobody")}`)).body).toEqual({ success: true, leads: [], next_cursor: null });
    const theirs = await createLead({ email: uniqueEmail("theirs") }, keyB);
    expect(ids(await lookup(`email=${encodeURIComponent(theirs.email!)}`))).toEqual([]);
    expect(ids(await lookup(`email=${encodeURIComponent(theirs.email!)}`, keyB))).toEqual([theirs.id]);
  });
});

describe("GET /leads?q", () => {
  it("lists alphabetically, filtered by a name or email substring, in keyset pages", async () => {
    const tag = randomUUID().slice(0, 8);
    const names = ["Charlie", "alpha", "Bravo"];
    for (const name of names) await createLead({ first_name: name, last_name: `Qtest${tag}`, email: uniqueEmail(tag) });
    const first = await lookup(`q=qtest${tag}&limit=2`);
    const second = await lookup(`q=qtest${tag}&limit=2&cursor=${first.body.next_cursor}`);
    expect([...first.body.leads, ...second.body.leads].map((lead: { first_name: string }) => lead.first_name)).toEqual(["alpha", "Bravo", "Charlie"]);
    expect(second.body.next_cursor).toBeNull();
    expect(ids(await lookup(`q=${tag}`))).toHaveLength(3); // matches their emails too
  });

  it.each([
    ["limit=0", "limit"], ["limit=201", "limit"], ["limit=x", "limit"], ["cursor=nope", "cursor"], ["email=not-an-email", "email"],
    ["email=a@example.com&q=a", "q"],
  ])("refuses %s with 400 naming %s", async (query, field) => {
    expectValidationError(await lookup(query), [field]);
  });

  // A cursor is base64url JSON the caller can edit: every value in it is checked before it reaches a query.
  const forged = (position: object) => Buffer.from(JSON.stringify(position)).toString("base64url");
  const id = randomUUID();
  it.each([
    ["an email cursor whose instants are not instants", "email=a@example.com", { kind: "email", updatedAt: "x", createdAt: "x", id }],
    ["an email cursor with an impossible date", "email=a@example.com", { kind: "email", updatedAt: "2026-13-45T99:99:99.000000Z", createdAt: "2026-01-01T00:00:00.000000Z", id }],
    ["an email cursor in year 0000", "email=a@example.com", { kind: "email", updatedAt: "0000-06-01T00:00:00.000000Z", createdAt: "0000-06-01T00:00:00.000000Z", id }],
    ["a name cursor whose name is a number", "q=a", { kind: "name", name: 5, id }],
    ["a name cursor whose name holds a NUL", "q=a", { kind: "name", name: "a\u0000b", id }],
  ])("refuses %s with 400 naming cursor, not a 500", async (_label, query, position) => {
    expectValidationError(await lookup(`${query}&cursor=${forged(position)}`), ["cursor"]);
  });

  it("refuses a name cursor in an email lookup", async () => {
    const tag = randomUUID().slice(0, 8);
    await createLead({ last_name: `Cur${tag}` });
    await createLead({ last_name: `Cur${tag}` });
    const nameCursor = (await lookup(`q=cur${tag}&limit=1`)).body.next_cursor;
    expectValidationError(await lookup(`email=a@example.com&cursor=${nameCursor}`), ["cursor"]);
  });
});

describe("POST /leads with an array (bulk)", () => {
  it("creates the valid items, reports the invalid ones by index, and answers 207", async () => {
    const duplicate = uniqueEmail("dup");
    const response = await api("POST", "/leads", {
      body: [{ first_name: "Ok" }, { first_name: "" }, { first_name: "Dup", email: duplicate }, { email: "bad" }, { first_name: "Dup2", email: duplicate }],
    });
    expect(response.status).toBe(207);
    expect(response.body).toMatchObject({ success: true, created: 3, failed: 2 });
    const results = response.body.results;
    expect(results.map((r: { index: number }) => r.index)).toEqual([0, 1, 2, 3, 4]);
    expect(results[0].lead).toMatchObject({ first_name: "Ok", source: "api" });
    expect(results[1].error).toMatchObject({ code: "validation_failed", details: [{ field: "first_name", message: expect.any(String) }] });
    expect(results[3].error.details.map((d: { field: string }) => d.field).sort()).toEqual(["email", "first_name"]);
    // Several leads may share an email, inside one batch too.
    expect(ids(await lookup(`email=${encodeURIComponent(duplicate)}`)).sort()).toEqual([results[2].lead.id, results[4].lead.id].sort());
  });

  it("takes 1,000 items and refuses 1,001 (creating none)", async () => {
    const tag = randomUUID().slice(0, 8);
    const items = (count: number) => Array.from({ length: count }, (_, i) => ({ first_name: `B${i}`, last_name: `Bulk${tag}` }));
    expectValidationError(await api("POST", "/leads", { body: items(1_001) }), ["body"]);
    expect(ids(await lookup(`q=bulk${tag}&limit=1`))).toEqual([]);
    const response = await api("POST", "/leads", { body: items(1_000) });
    expect(response.status).toBe(207);
    expect(response.body).toMatchObject({ created: 1_000, failed: 0 });
  });

  it("takes an array body of exactly 1 MiB and refuses one byte more", async () => {
    const arrayOf = (bytes: number) => `["${"x".repeat(bytes - 4)}"]`;
    expect(Buffer.byteLength(arrayOf(1024 * 1024))).toBe(1024 * 1024);
    const exactly = await api("POST", "/leads", { body: arrayOf(1024 * 1024) });
    expect(exactly.status).toBe(207);
    expect(exactly.body).toMatchObject({ created: 0, failed: 1 });
    expect((await api("POST", "/leads", { body: arrayOf(1024 * 1024 + 1) })).status).toBe(413);
  });

  it("refuses an empty array; a single lead over 64 KiB is still a 413", async () => {
    expectValidationError(await api("POST", "/leads", { body: [] }), ["body"]);
    const response = await api("POST", "/leads", { body: { first_name: "Big", padding: "x".repeat(70_000) } });
    expect(response.status).toBe(413);
  });
});

describe("DELETE /leads/{id}", () => {
  it("deletes the lead, its meetings and their history; later requests find nothing", async () => {
    const lead = await createLead();
    const meeting = (await postMeeting({ lead_id: lead.id, title: "Gone", starts_at: "2026-10-01T10:00:00Z", duration_minutes: 30 })).body.meeting;
    const response = await api("DELETE", `/leads/${lead.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ success: true, deleted: true });
    expect((await api("GET", `/leads/${lead.id}`)).body).toEqual(LEAD_NOT_FOUND);
    expect((await listMeetings(lead.id)).body).toEqual(LEAD_NOT_FOUND);
    expect((await api("GET", `/meetings/${meeting.id}`)).status).toBe(404);
    expect((await api("GET", `/leads/${lead.id}/history`)).status).toBe(404);
    expect((await api("DELETE", `/leads/${lead.id}`)).body).toEqual(LEAD_NOT_FOUND);
  });

  it("answers another client's lead exactly like a missing one, and leaves it alone", async () => {
    const foreign = await api("DELETE", `/leads/${fixtures.tenantB.leadId}`);
    const missing = await api("DELETE", `/leads/${randomUUID()}`);
    expect([foreign.status, foreign.body]).toEqual([missing.status, missing.body]);
    expect(foreign.body).toEqual(LEAD_NOT_FOUND);
    expect((await api("GET", `/leads/${fixtures.tenantB.leadId}`, { key: keyB })).status).toBe(200);
  });
});

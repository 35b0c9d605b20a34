import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { api, createLead, expectValidationError, fixtures, keyB, LEAD_NOT_FOUND, uniqueEmail, UTC_ISO } from "../support/api";

describe("POST /leads", () => {
  it("answers 201 with the documented lead shape", async () => {
    const email = uniqueEmail("shape");
    const response = await api("POST", "/leads", {
      body: { first_name: "Tony", last_name: "Stark", email, phone: "+1 555 0100", metadata: { plan: "gold", seats: 3, vip: true } },
    });
    expect(response.status).toBe(201);
    expect(response.body.success).toBe(true);
    const lead = response.body.lead;
    expect(lead).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      first_name: "Tony",
      last_name: "Stark",
      full_name: "Tony Stark",
      email,
      phone: "+1 555 0100",
      source: "api",
      metadata: { plan: "gold", seats: 3, vip: true },
      created_at: expect.stringMatching(UTC_ISO),
      updated_at: expect.stringMatching(UTC_ISO),
    });
    expect(lead).not.toHaveProperty("client_id");
  });

  it("defaults optional fields to null, metadata to {}, and full_name to the first name alone", async () => {
    const response = await api("POST", "/leads", { body: { first_name: "  Solo  " } });
    expect(response.status).toBe(201);
    expect(response.body.lead).toMatchObject({ first_name: "Solo", last_name: null, full_name: "Solo", email: null, phone: null, metadata: {} });
  });

  it.each([
    ["absent", {}],
    ["empty", { first_name: "" }],
    ["blank", { first_name: "   " }],
    ["not a string", { first_name: 42 }],
  ])("requires first_name (%s) → 400 on first_name", async (_label, body) => {
    expectValidationError(await api("POST", "/leads", { body: { last_name: "X", ...body } }), ["first_name"]);
  });

  it("rejects an invalid email with 400 on email", async () => {
    expectValidationError(await api("POST", "/leads", { body: { first_name: "A", email: "not-an-email" } }), ["email"]);
  });

  it("folds unknown top-level keys into metadata; explicit metadata wins on a clash", async () => {
    const response = await api("POST", "/leads", {
      body: { first_name: "Meta", utm_source: "google", score: 7, plan: "folded", metadata: { plan: "explicit" } },
    });
    expect(response.status).toBe(201);
    expect(response.body.lead.metadata).toEqual({ utm_source: "google", score: 7, plan: "explicit" });
  });

  it("ignores server-owned fields (id, client_id, created_at, source) and does not fold them into metadata", async () => {
    const id = randomUUID();
    const response = await api("POST", "/leads", {
      body: { first_name: "Owned", id, client_id: fixtures.tenantB.clientId, created_at: "2000-01-01T00:00:00Z", source: "manual" },
    });
    expect(response.status).toBe(201);
    const lead = response.body.lead;
    expect(lead.id).not.toBe(id);
    expect(lead.source).toBe("api");
    expect(lead.created_at).not.toBe("2000-01-01T00:00:00Z");
    expect(lead.metadata).toEqual({});
    // Created in the key's tenant, whatever client_id said.
    expect((await api("GET", `/leads/${lead.id}`)).status).toBe(200);
    expect((await api("GET", `/leads/${lead.id}`, { key: keyB })).status).toBe(404);
  });

  it.each([
    ["null", { metadata: { a: null } }, "metadata.a"],
    ["an object", { metadata: { a: { nested: 1 } } }, "metadata.a"],
    ["an array", { metadata: { a: [1] } }, "metadata.a"],
    ["a folded object", { extra: { nested: 1 } }, "metadata.extra"],
  ])("rejects a metadata value that is %s with 400 naming it", async (_label, body, field) => {
    expectValidationError(await api("POST", "/leads", { body: { first_name: "M", ...body } }), [field]);
  });

  it("rejects metadata that is not an object with 400 on metadata", async () => {
    expectValidationError(await api("POST", "/leads", { body: { first_name: "M", metadata: ["a"] } }), ["metadata"]);
  });
});

describe("GET /leads/{id}", () => {
  it("returns the lead as created", async () => {
    const created = await createLead({ phone: "+56 9 1234 5678" });
    const response = await api("GET", `/leads/${created.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ success: true, lead: created });
  });

  it.each([
    ["of another tenant", () => fixtures.tenantB.leadId],
    ["that does not exist", () => randomUUID()],
    ["whose id is not a UUID", () => "not-a-uuid"],
  ])("answers 404 with the documented text for a lead %s", async (_label, id) => {
    const response = await api("GET", `/leads/${id()}`);
    expect(response.status).toBe(404);
    expect(response.body).toEqual(LEAD_NOT_FOUND);
  });
});

describe("PATCH /leads/{id}", () => {
  it("changes the given fields, keeps the rest, merges metadata and bumps updated_at", async () => {
    const created = await api("POST", "/leads", { body: { first_name: "Old", last_name: "Name", email: uniqueEmail(), metadata: { a: 1, b: "x" } } });
    const before = created.body.lead;
    const newEmail = uniqueEmail("patched");
    const response = await api("PATCH", `/leads/${before.id}`, { body: { first_name: "New", email: newEmail, metadata: { b: "y" } } });
    expect(response.status).toBe(200);
    expect(response.body.lead).toEqual({
      ...before,
      first_name: "New",
      full_name: "New Name",
      email: newEmail,
      metadata: { a: 1, b: "y" },
      updated_at: expect.stringMatching(UTC_ISO),
    });
    expect(Date.parse(response.body.lead.updated_at)).toBeGreaterThan(Date.parse(before.updated_at));
    expect((await api("GET", `/leads/${before.id}`)).body.lead).toEqual(response.body.lead);
  });

  it("clears a nullable field given as null", async () => {
    const lead = await createLead({ phone: "+1 555" });
    const response = await api("PATCH", `/leads/${lead.id}`, { body: { phone: null, last_name: "" } });
    expect(response.status).toBe(200);
    expect(response.body.lead).toMatchObject({ phone: null, last_name: null, full_name: "Test" });
  });

  it("rejects an invalid email with 400 on email and changes nothing", async () => {
    const lead = await createLead();
    expectValidationError(await api("PATCH", `/leads/${lead.id}`, { body: { email: "nope", first_name: "Changed" } }), ["email"]);
    expect((await api("GET", `/leads/${lead.id}`)).body.lead).toEqual(lead);
  });

  it.each([
    ["of another tenant", () => fixtures.tenantB.leadId],
    ["that does not exist", () => randomUUID()],
    ["whose id is not a UUID", () => "123"],
  ])("answers 404 with the documented text for a lead %s", async (_label, id) => {
    const response = await api("PATCH", `/leads/${id()}`, { body: { first_name: "Hijack" } });
    expect(response.status).toBe(404);
    expect(response.body).toEqual(LEAD_NOT_FOUND);
  });
});

describe("metadata limits (a lead's answer stays bounded)", () => {
  it("refuses a PATCH whose merged metadata would pass 16 KiB, so repeated PATCHes cannot grow a lead", async () => {
    const lead = await createLead();
    const chunk = (prefix: string) => Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`${prefix}${i}`, "v".repeat(1_900)]));
    expect((await api("PATCH", `/leads/${lead.id}`, { body: { metadata: chunk("a") } })).status).toBe(200);
    expect((await api("PATCH", `/leads/${lead.id}`, { body: { metadata: chunk("b") } })).status).toBe(200);
    const before = (await api("GET", `/leads/${lead.id}`)).body.lead;

    const [detail] = expectValidationError(await api("PATCH", `/leads/${lead.id}`, { body: { metadata: chunk("c") } }), ["metadata"]);
    expect(detail.message).toContain("16384 bytes");
    expect((await api("GET", `/leads/${lead.id}`)).body.lead).toEqual(before);

    // Replacing existing keys keeps the size, so it is still allowed.
    expect((await api("PATCH", `/leads/${lead.id}`, { body: { metadata: chunk("a") } })).status).toBe(200);
  });

  it("refuses a PATCH that would take the merged metadata past 50 keys", async () => {
    const lead = await createLead({ metadata: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i])) });
    expectValidationError(await api("PATCH", `/leads/${lead.id}`, { body: { metadata: { one_more: true } } }), ["metadata"]);
    expect((await api("PATCH", `/leads/${lead.id}`, { body: { metadata: { k0: "changed" } } })).status).toBe(200);
  });

  it.each([
    ["a 101-character key", { ["k".repeat(101)]: "v" }, `metadata.${"k".repeat(101)}`],
    ["a 2,001-character value", { k: "v".repeat(2_001) }, "metadata.k"],
    ["51 keys", Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])), "metadata"],
  ])("refuses %s on POST with 400 naming the field", async (_label, metadata, field) => {
    expectValidationError(await api("POST", "/leads", { body: { first_name: "Big", metadata } }), [field]);
  });
});

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createLeadAction, findEmailOwnerAction } from "@/app/(dashboard)/leads/actions";
import { updateLeadAction } from "@/app/(dashboard)/leads/[id]/lead-actions";
import type { Database } from "@/db/client";
import { createClient, createUser } from "@/lib/admin/service";
import type { Rep } from "@/lib/auth/session";
import { createLead, getLead, updateLead } from "@/lib/leads/service";
import { openEmbeddedDatabase, type EmbeddedDatabase } from "@/tests/support/embedded-database";

// The lead form's server actions with the session and database handed in: the API's schemas and
// service for the rep's own client, and nothing of another client's.
const session = vi.hoisted(() => ({ rep: null as Rep | null, db: null as Database | null }));
vi.mock("@/lib/auth/session", () => ({ requireRep: async () => session.rep }));
vi.mock("@/lib/db", () => ({ getDb: async () => session.db }));

let connection: EmbeddedDatabase;
let db: Database;
let clientId: string;
let otherClientId: string;
const unreadable = { ok: false, fieldErrors: {}, formError: "This request could not be read. Reload the page and try again." };
const gone = { ok: false, fieldErrors: {}, formError: "This lead no longer exists in your account." };
const body = (fields: Record<string, unknown> = {}) => ({ first_name: "Pepper", last_name: "Potts", email: "", phone: "", metadata: {}, ...fields });

beforeAll(async () => {
  connection = await openEmbeddedDatabase("lead action");
  db = session.db = connection.db;
  ({ client: { id: clientId } } = await createClient(db, { name: "Lead actions" }));
  const user = await createUser(db, { clientId, email: "rep-lead-actions@example.com", name: "Maria Rep", password: "long-enough" });
  session.rep = { userId: user.id, clientId, name: user.name, email: user.email, timeZone: "UTC", locale: null };
  ({ client: { id: otherClientId } } = await createClient(db, { name: "Other" }));
}, 60_000);

afterAll(async () => {
  await connection.close();
});

describe("createLeadAction", () => {
  it("answers arguments no form sends with a readable result", async () => {
    for (const value of [null, "Pepper", [body()], 42]) expect(await createLeadAction(value)).toEqual(unreadable);
  });

  it("puts the API schema's errors on their fields", async () => {
    const result = await createLeadAction(body({ first_name: " ", email: "pepper@", metadata: { notes: "x".repeat(2001), company: "Stark" } }));
    expect(result).toEqual({
      ok: false,
      formError: "Please correct the highlighted fields.",
      fieldErrors: { first_name: "must not be empty", email: "must be a valid email address", "metadata.notes": "must be at most 2000 characters" },
    });
  });

  it("creates a manual lead of the rep's client, company in metadata as the API keeps it", async () => {
    const result = await createLeadAction(body({ email: " pepper@stark.example ", phone: "+1 212 555 0199", metadata: { company: "Stark Industries", title: "CEO" } }));
    if (!result.ok) throw new Error(JSON.stringify(result));
    const lead = await getLead(db, { clientId, leadId: result.leadId });
    expect(lead).toMatchObject({
      firstName: "Pepper", lastName: "Potts", email: "pepper@stark.example", phone: "+1 212 555 0199", source: "manual",
      metadata: { company: "Stark Industries", title: "CEO" },
    });
  });
});

describe("updateLeadAction", () => {
  // The version the form read: the lead's updated_at when it was opened.
  const seen = (lead: { updatedAt: Date }) => lead.updatedAt.toISOString();

  it("answers arguments no form sends with a readable result", async () => {
    const lead = await createLead(db, { clientId, input: { first_name: "Args" } });
    for (const [leadId, value, version] of [[42, body(), seen(lead)], [lead.id, null, seen(lead)], [lead.id, "Pepper", seen(lead)], [lead.id, [body()], seen(lead)],
      [lead.id, body(), undefined], [lead.id, body(), "yesterday"], [lead.id, body(), 42]]) {
      expect(await updateLeadAction(leadId, value, version)).toEqual(unreadable);
    }
  });

  it("refuses to save over a change made since the form read the lead, and saves once it reads the lead again", async () => {
    const lead = await createLead(db, { clientId, input: { first_name: "Bruce", last_name: "Wayne", phone: "555", metadata: { company: "Wayne" } } });
    // Meanwhile an integration changes the phone and adds a detail.
    const changed = await updateLead(db, { clientId, leadId: lead.id, patch: { phone: "+1 999 000", metadata: { stage: "won" } } });
    const form = body({ first_name: "Bruce", last_name: "Wayne II", phone: "555", metadata: { company: "Wayne" } });
    expect(await updateLeadAction(lead.id, form, seen(lead))).toEqual({
      ok: false, fieldErrors: {},
      formError: "Someone changed this lead while the form was open, so nothing was saved. Close the form and open it again to edit the current details.",
    });
    expect(await getLead(db, { clientId, leadId: lead.id })).toMatchObject({ lastName: "Wayne", phone: "+1 999 000", metadata: { company: "Wayne", stage: "won" } });
    expect(await updateLeadAction(lead.id, body({ first_name: "Bruce", last_name: "Wayne II", phone: "+1 999 000", metadata: changed.metadata }), seen(changed)))
      .toEqual({ ok: true, leadId: lead.id });
  });

  it("does not find another client's lead, or one that does not exist, and changes nothing", async () => {
    const theirs = await createLead(db, { clientId: otherClientId, input: { first_name: "Theirs", email: "theirs@example.com" } });
    for (const id of [theirs.id, randomUUID(), "not-a-uuid"]) expect(await updateLeadAction(id, body(), seen(theirs))).toEqual(gone);
    expect(await getLead(db, { clientId: otherClientId, leadId: theirs.id })).toMatchObject({ firstName: "Theirs", email: "theirs@example.com" });
  });

  it("clears blank fields and makes the metadata exactly the form's: a removed key is gone", async () => {
    const lead = await createLead(db, {
      clientId, input: { first_name: "Happy", last_name: "Hogan", email: "happy@example.com", phone: "555", metadata: { company: "Stark", score: 7, old: "x" } },
    });
    const result = await updateLeadAction(lead.id, body({ first_name: "Harold", last_name: "", email: "", phone: "", metadata: { company: "Stark", score: 7 } }), seen(lead));
    expect(result).toEqual({ ok: true, leadId: lead.id });
    expect(await getLead(db, { clientId, leadId: lead.id })).toMatchObject({
      firstName: "Harold", lastName: null, email: null, phone: null, metadata: { company: "Stark", score: 7 },
    });
  });

  it("puts the PATCH schema's errors on their fields", async () => {
    const lead = await createLead(db, { clientId, input: { first_name: "Valid" } });
    const { id } = lead;
    expect(await updateLeadAction(id, body({ first_name: "", metadata: { ["k".repeat(101)]: "v" } }), seen(lead))).toMatchObject({
      ok: false, fieldErrors: { first_name: "must not be empty", [`metadata.${"k".repeat(101)}`]: expect.stringMatching(/^keys must be 1 to 100 characters/) },
    });
    expect((await getLead(db, { clientId, leadId: id })).firstName).toBe("Valid");
  });
});

describe("findEmailOwnerAction", () => {
  it("names the client's lead with the email, compared trimmed and in any case", async () => {
    const owner = await createLead(db, { clientId, input: { first_name: "Tony", last_name: "Stark", email: "tony@stark.example" } });
    expect(await findEmailOwnerAction("  TONY@Stark.example ", null)).toEqual({ id: owner.id, name: "Tony Stark" });
  });

  it("leaves out the lead being edited, naming another one that shares the email", async () => {
    const first = await createLead(db, { clientId, input: { first_name: "Rhodey", email: "rhodey@example.com" } });
    expect(await findEmailOwnerAction("rhodey@example.com", first.id)).toBeNull();
    const second = await createLead(db, { clientId, input: { first_name: "James", last_name: "Rhodes", email: "rhodey@example.com" } });
    expect(await findEmailOwnerAction("rhodey@example.com", first.id)).toEqual({ id: second.id, name: "James Rhodes" });
    expect(await findEmailOwnerAction("rhodey@example.com", second.id)).toEqual({ id: first.id, name: "Rhodey" });
  });

  it("never names another client's lead", async () => {
    await createLead(db, { clientId: otherClientId, input: { first_name: "Hidden", email: "only-theirs@example.com" } });
    expect(await findEmailOwnerAction("only-theirs@example.com", null)).toBeNull();
  });

  it("answers null to anything that is not an email address", async () => {
    for (const value of ["", "tony@", 42, null, ["tony@stark.example"]]) expect(await findEmailOwnerAction(value, null)).toBeNull();
  });
});

import { randomBytes, scryptSync } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import type { Database } from "@/db/client";
import { apiKeys, leads, users } from "@/db/schema";
import { authenticateApiKey, createApiKey, forgetCachedApiKeys, hashApiKey, revokeApiKey } from "@/lib/api-keys";
import { createClient, createUser } from "@/lib/admin/service";
import { needsRehash, verifyPassword } from "@/lib/auth/password";
import { createSession, findSessionRep, MAX_SESSIONS_PER_USER, verifyRepCredentials } from "@/lib/auth/session-store";
import { DEMO_REP, seedDemoTenant } from "@/lib/demo/seed";
import { createLead } from "@/lib/leads/service";
import { listHistory } from "@/lib/meetings/history";
import { logMeeting } from "@/lib/meetings/log";
import { loggedOutcomeSchema } from "@/lib/meetings/outcome-schema";
import { meetingInputSchema } from "@/lib/meetings/schema";
import { countTimeline } from "@/lib/meetings/timeline-page";
import { parseOrThrow } from "@/lib/validation";
import { openEmbeddedDatabase, type EmbeddedDatabase } from "@/tests/support/embedded-database";

// Service rules that HTTP cannot observe, on a fresh embedded database of this file's own.
let connection: EmbeddedDatabase;
let db: Database;

beforeAll(async () => {
  connection = await openEmbeddedDatabase("service");
  db = connection.db;
}, 60_000);

afterAll(async () => {
  await connection.close();
});

describe("demo tenant seed", () => {
  let seeded: NonNullable<Awaited<ReturnType<typeof seedDemoTenant>>>;

  beforeAll(async () => {
    seeded = (await seedDemoTenant(db))!;
  });

  it("seeds an empty database once, and never again", async () => {
    expect(seeded).not.toBeNull();
    expect(await seedDemoTenant(db)).toBeNull();
  });

  it("gives a working API key and a demo rep who can sign in with the printed password", async () => {
    const caller = await authenticateApiKey(db, seeded.apiKey);
    const [lead] = await db.select({ clientId: leads.clientId }).from(leads).where(eq(leads.id, seeded.leadId));
    expect(caller?.clientId).toBe(lead.clientId);
    const [rep] = await db.select().from(users).where(eq(users.email, DEMO_REP.email));
    expect(rep.active).toBe(true);
    expect(await verifyPassword(DEMO_REP.password, rep.passwordHash!)).toBe(true);
  });

  it("gives the printed lead meetings in all three timeline tabs", async () => {
    const caller = (await authenticateApiKey(db, seeded.apiKey))!;
    const counts = await countTimeline(db, { clientId: caller.clientId, leadId: seeded.leadId, now: new Date() });
    expect(counts.upcoming).toBeGreaterThan(0);
    expect(counts.past).toBeGreaterThan(0);
    expect(counts["no-show"]).toBeGreaterThan(0);
  });
});

describe("API keys", () => {
  let clientId: string;
  beforeAll(async () => {
    ({ client: { id: clientId } } = await createClient(db, { name: "Keys" }));
  });

  it("stores only the SHA-256 of the secret and a short visible prefix", async () => {
    const key = await createApiKey(db, { clientId, label: "stored" });
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(row.keyHash).toBe(hashApiKey(key.apiKey));
    expect(row.prefix).toBe(key.apiKey.slice(0, row.prefix.length));
    expect(row.prefix.length).toBeLessThan(16);
    expect(Object.values(row)).not.toContain(key.apiKey);
  });

  it("records last use on first use and does not write again within the minute", async () => {
    const key = await createApiKey(db, { clientId });
    const lastUsed = async () => (await db.select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, key.id)))[0].at;
    expect(await lastUsed()).toBeNull();

    await authenticateApiKey(db, key.apiKey);
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);

    forgetCachedApiKeys(); // so the second call reaches the database and its write rule
    await authenticateApiKey(db, key.apiKey);
    expect((await lastUsed())?.getTime()).toBe(first!.getTime());
  });

  it("trusts a key revoked by another instance for at most 5 seconds", async () => {
    const key = await createApiKey(db, { clientId, label: "cached" });
    const expected = { clientId, apiKeyId: key.id, name: "cached", rateLimitPerMinute: null };
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      expect(await authenticateApiKey(db, key.apiKey)).toEqual(expected);
      // Revoked behind this process's back, as another instance would.
      await db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, key.id));
      vi.advanceTimersByTime(4_999);
      expect(await authenticateApiKey(db, key.apiKey)).toEqual(expected);
      vi.advanceTimersByTime(2);
      expect(await authenticateApiKey(db, key.apiKey)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("stops authenticating a key from the moment it is revoked", async () => {
    const key = await createApiKey(db, { clientId });
    expect(await authenticateApiKey(db, key.apiKey)).toEqual({ clientId, apiKeyId: key.id, name: key.prefix, rateLimitPerMinute: null });
    await revokeApiKey(db, { clientId, id: key.id });
    expect(await authenticateApiKey(db, key.apiKey)).toBeNull();
  });

  it("revokes nothing when the client does not own the key (tenant filter on its own)", async () => {
    const key = await createApiKey(db, { clientId });
    const { client: other } = await createClient(db, { name: "Not the key's client" });
    expect(await revokeApiKey(db, { clientId: other.id, id: key.id })).toBe(false);
    forgetCachedApiKeys();
    expect(await authenticateApiKey(db, key.apiKey)).toMatchObject({ clientId, apiKeyId: key.id });
  });
});

describe("rep sessions", () => {
  async function newRep() {
    const { client } = await createClient(db, { name: "Sessions" });
    const user = await createUser(db, { clientId: client.id, email: `rep-${Date.now()}-${Math.random()}@example.com`, name: "Rep", password: "long-enough" });
    return { userId: user.id, clientId: client.id, timeZone: "UTC" };
  }
  const isLive = async (token: string) => (await findSessionRep(db, { token })) !== null;

  it("signing in again from the same browser ends the session it presented", async () => {
    const rep = await newRep();
    const first = await createSession(db, rep);
    const second = await createSession(db, { ...rep, replacesToken: first.token });
    expect(await isLive(first.token)).toBe(false);
    expect(await isLive(second.token)).toBe(true);
  });

  it(`keeps at most ${MAX_SESSIONS_PER_USER} live sessions per rep, ending the oldest`, async () => {
    const rep = await newRep();
    const tokens: string[] = [];
    for (let i = 0; i < MAX_SESSIONS_PER_USER + 2; i++) tokens.push((await createSession(db, rep)).token);
    const live = await Promise.all(tokens.map(isLive));
    expect(live).toEqual([false, false, ...Array(MAX_SESSIONS_PER_USER).fill(true)]);
  });

  it("another rep's token presented as the one to replace ends nothing", async () => {
    const mine = await newRep();
    const theirs = await newRep();
    const theirSession = await createSession(db, theirs);
    await createSession(db, { ...mine, replacesToken: theirSession.token });
    expect(await isLive(theirSession.token)).toBe(true);
  });
});

describe("password hashes", () => {
  /** A hash as the app wrote it before p went from 1 to 3. */
  function oldHash(password: string): string {
    const salt = randomBytes(16);
    const key = scryptSync(password.normalize("NFKC"), salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    return ["scrypt", 2 ** 15, 8, 1, salt.toString("base64"), key.toString("base64")].join("$");
  }

  it("are made at ASVS's level for N=2^15 (p=3), and older ones are replaced at the next sign-in, not on a failed one", async () => {
    const { client } = await createClient(db, { name: "Rehash" });
    const email = `rehash-${Date.now()}@example.com`;
    const user = await createUser(db, { clientId: client.id, email, name: "Old Hash", password: null });
    await db.update(users).set({ passwordHash: oldHash("violet-harbor-7") }).where(eq(users.id, user.id));
    const storedHash = async () => (await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id)))[0].hash!;

    expect(await verifyRepCredentials(db, { email, password: "wrong-password-1" })).toBeNull();
    await expect(storedHash()).resolves.toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyRepCredentials(db, { email, password: "violet-harbor-7" })).toEqual({ id: user.id, clientId: client.id });
    const rehashed = await storedHash();
    expect(rehashed).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(needsRehash(rehashed)).toBe(false);
    expect(await verifyPassword("violet-harbor-7", rehashed)).toBe(true);
  });
});

describe("who logged a meeting", () => {
  it("names the rep on the meeting_scheduled entry (type, name and user), as the API key on an API create", async () => {
    const { client } = await createClient(db, { name: "Actors" });
    const lead = await createLead(db, { clientId: client.id, input: { first_name: "Acted", email: "acted@example.com" } });
    const rep = await createUser(db, { clientId: client.id, email: "actor-rep@example.com", name: "Rita Rep", password: null });
    const input = (title: string) => parseOrThrow(meetingInputSchema, { lead_id: lead.id, title, starts_at: "2030-01-01T10:00:00Z", duration_minutes: 30 });
    const actors = [
      { type: "rep" as const, name: "Rita Rep", userId: rep.id },
      { type: "api" as const, name: "Zapier key" },
    ];
    for (const actor of actors) {
      const { meeting } = await logMeeting(db, { clientId: client.id, input: input(actor.type), source: "manual", actor });
      const { entries } = await listHistory(db, { clientId: client.id, of: { meetingId: meeting.id }, page: { limit: 10, offset: 0 } });
      expect(entries.map(({ type, actorType, actorName, actorUserId }) => ({ type, actorType, actorName, actorUserId }))).toEqual([
        { type: "meeting_scheduled", actorType: actor.type, actorName: actor.name, actorUserId: actor.type === "rep" ? rep.id : null },
      ]);
    }
  });
});

describe("logging a meeting while its lead is deleted", () => {
  const outcomes = [
    { path: "one statement", outcome: undefined },
    { path: "the transaction that also records an outcome", outcome: parseOrThrow(loggedOutcomeSchema, { action: "complete", notes: "went well" }) },
  ];
  it.each(outcomes)("answers lead_not_found, not an internal error, when the lead goes between its lookup and the insert ($path)", async ({ outcome }) => {
    const { client } = await createClient(db, { name: "Vanishing lead" });
    const lead = await createLead(db, { clientId: client.id, input: { first_name: "Gone", last_name: "Soon", email: "gone@example.com" } });
    // The lead is read before the write; the database deletes it just before the meeting's row goes in.
    await db.execute(sql`
      create function delete_the_lead_first() returns trigger language plpgsql as $$
        begin delete from leads where id = new.lead_id; return new; end $$`);
    onTestFinished(() => db.execute(sql`drop function delete_the_lead_first() cascade`).then(() => undefined));
    await db.execute(sql.raw(`create trigger delete_the_lead_first before insert on meetings for each row
      when (new.lead_id = '${lead.id}') execute function delete_the_lead_first()`));
    const input = parseOrThrow(meetingInputSchema, {
      lead_email: "gone@example.com", title: "Intro", starts_at: "2026-11-20T14:00:00Z", duration_minutes: 30,
      external_calendar_provider: "calendly", external_event_id: "vanishing-1",
    });
    await expect(logMeeting(db, { clientId: client.id, input, source: "api", actor: { type: "api", name: "test" }, outcome }))
      .rejects.toMatchObject({ code: "lead_not_found" });
  });
});

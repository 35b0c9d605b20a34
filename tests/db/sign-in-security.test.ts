import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { rateLimits, sessions } from "@/db/schema";
import { createClient, createUser } from "@/lib/admin/service";
import { attemptSignIn, SIGN_IN_POLICIES, signInBuckets } from "@/lib/auth/sign-in";
import { takeRateLimitToken } from "@/lib/rate-limit";
import { createSession, deleteUserSessions, findSessionRep } from "@/lib/auth/session-store";
import { openEmbeddedDatabase, type EmbeddedDatabase } from "@/tests/support/embedded-database";

let connection: EmbeddedDatabase;
let db: Database;
let clientId: string;

beforeAll(async () => {
  connection = await openEmbeddedDatabase("sign-in security");
  db = connection.db;
  clientId = (await createClient(db, { name: "Sign-in security" })).client.id;
}, 60_000);

afterAll(async () => {
  await connection.close();
});

const PASSWORD = "violet-harbor-7-lantern";
async function newRep() {
  const email = `rep-${randomUUID()}@example.com`;
  const user = await createUser(db, { clientId, email, name: "Rep", password: PASSWORD });
  return { email, userId: user.id, clientId, timeZone: "UTC" };
}
const newAddress = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
const signIn = (params: { email: string; password: string; address: string; replacesToken?: string }) =>
  attemptSignIn(db, { timeZone: "UTC", ...params });
const outcome = async (params: { email: string; password: string; address: string }) => {
  const result = await signIn(params);
  return result.ok ? "ok" : result.reason;
};

// Every attempt runs one scrypt verification (tens to hundreds of milliseconds).
describe("sign-in throttling", { timeout: 60_000 }, () => {
  it(`allows ${SIGN_IN_POLICIES.account.burst} failed sign-ins per account, then refuses even the right password`, async () => {
    const rep = await newRep();
    // A new address for each attempt: only the account's bucket is being spent.
    for (let i = 0; i < SIGN_IN_POLICIES.account.burst; i++) {
      expect(await outcome({ email: rep.email, password: "wrong", address: newAddress() }), `attempt ${i + 1}`).toBe("invalid_credentials");
    }
    expect(await outcome({ email: rep.email.toUpperCase(), password: PASSWORD, address: newAddress() })).toBe("throttled");
    const other = await newRep();
    expect(await outcome({ email: other.email, password: PASSWORD, address: newAddress() })).toBe("ok");
  });

  it(`allows ${SIGN_IN_POLICIES.address.burst} failed sign-ins per address across accounts, then refuses that address only`, async () => {
    const address = newAddress();
    // The address refills one attempt every 6 s, longer than this many scrypt checks may take on a busy
    // machine: all but the last failure are spent straight from its bucket, the last through a sign-in.
    const [, addressBucket] = signInBuckets({ email: "", address });
    for (let i = 0; i < SIGN_IN_POLICIES.address.burst - 1; i++) expect((await takeRateLimitToken(db, addressBucket)).allowed).toBe(true);
    expect(await outcome({ email: `nobody-${randomUUID()}@example.com`, password: "wrong", address })).toBe("invalid_credentials");
    const rep = await newRep();
    expect(await outcome({ email: rep.email, password: PASSWORD, address })).toBe("throttled");
    expect(await outcome({ email: rep.email, password: PASSWORD, address: newAddress() })).toBe("ok");
  });

  it("does not count successful sign-ins against either limit", async () => {
    const rep = await newRep();
    const address = newAddress();
    for (let i = 0; i < SIGN_IN_POLICIES.account.burst + 2; i++) {
      expect(await outcome({ email: rep.email, password: PASSWORD, address }), `sign-in ${i + 1}`).toBe("ok");
    }
    // The whole burst of failures is still there.
    for (let i = 0; i < SIGN_IN_POLICIES.account.burst; i++) {
      expect(await outcome({ email: rep.email, password: "wrong", address: newAddress() })).toBe("invalid_credentials");
    }
    expect(await outcome({ email: rep.email, password: "wrong", address: newAddress() })).toBe("throttled");
  });

  it("signs in with a new session that replaces the one the browser presented", async () => {
    const rep = await newRep();
    const presented = await createSession(db, rep);
    const result = await signIn({ email: rep.email, password: PASSWORD, address: newAddress(), replacesToken: presented.token });
    if (!result.ok) throw new Error(`sign-in refused: ${result.reason}`);
    expect(await findSessionRep(db, { token: result.session.token })).toMatchObject({ userId: rep.userId, clientId });
    expect(await findSessionRep(db, { token: presented.token })).toBeNull();
  });

  it("gives no token back when the session cannot be written: the attempt stays counted", async () => {
    const rep = await newRep();
    await db.execute(sql.raw("create function refuse_session() returns trigger language plpgsql as $$ begin raise exception 'no sessions today'; end $$"));
    await db.execute(sql.raw(`create trigger refuse_session before insert on sessions for each row when (new.user_id = '${rep.userId}') execute function refuse_session()`));
    try {
      const [accountBucket] = signInBuckets({ email: rep.email, address: "" });
      const tat = async () => (await db.select({ tat: rateLimits.tat }).from(rateLimits).where(eq(rateLimits.bucket, accountBucket.bucket)))[0]?.tat.getTime();
      await expect(signIn({ email: rep.email, password: PASSWORD, address: newAddress() })).rejects.toMatchObject({ cause: { message: "no sessions today" } });
      const spent = await tat();
      expect(spent).toBeDefined();
      // One failure spent: the bucket stands a whole emission interval (a minute) ahead of now, give or take the test's run time.
      expect(spent! - Date.now()).toBeGreaterThan(50_000);
    } finally {
      await db.execute(sql.raw("drop trigger refuse_session on sessions"));
      await db.execute(sql.raw("drop function refuse_session()"));
    }
  });

  it("takes as long for an unknown email, a wrong password and a throttled account, so timing tells nothing", async () => {
    const known = await newRep();
    const throttled = await newRep();
    for (let i = 0; i < SIGN_IN_POLICIES.account.burst; i++) await signIn({ email: throttled.email, password: "wrong", address: newAddress() });
    await signIn({ email: "warm-up@example.com", password: "wrong", address: newAddress() }); // builds the decoy hash once

    const kinds = {
      unknownEmail: () => signIn({ email: `nobody-${randomUUID()}@example.com`, password: "wrong", address: newAddress() }),
      wrongPassword: () => signIn({ email: known.email, password: `wrong-${randomUUID()}`, address: newAddress() }),
      throttledAccount: () => signIn({ email: throttled.email, password: PASSWORD, address: newAddress() }),
    };
    const samples: Record<keyof typeof kinds, number[]> = { unknownEmail: [], wrongPassword: [], throttledAccount: [] };
    for (let round = 0; round < 7; round++) {
      // Interleaved, so a slow moment of the machine falls on every kind alike.
      for (const kind of Object.keys(kinds) as (keyof typeof kinds)[]) {
        const start = performance.now();
        const result = await kinds[kind]();
        samples[kind].push(performance.now() - start);
        expect(result.ok).toBe(false);
      }
    }
    const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];
    const medians = Object.values(samples).map(median);
    // Each is one scrypt verification (hundreds of milliseconds here); without it an attempt takes a few.
    expect(Math.max(...medians) / Math.min(...medians), JSON.stringify(Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])))).toBeLessThan(1.5);
  });
});

describe("session idle timeout", () => {
  const IDLE_SECONDS = 720 * 60;
  // Each test's rep has one session.
  const setLastSeen = (userId: string, secondsAgo: number) =>
    db.update(sessions).set({ lastSeenAt: sql`now() - ${secondsAgo}::float8 * interval '1 second'` }).where(eq(sessions.userId, userId));
  const lastSeenAgeSeconds = async (userId: string) => {
    const [row] = await db.select({ age: sql<number>`extract(epoch from now() - ${sessions.lastSeenAt})::float8` }).from(sessions).where(eq(sessions.userId, userId));
    return Number(row.age);
  };

  it("ends a session unused for 12 hours, and keeps one used just within them", async () => {
    const rep = await newRep();
    const { token } = await createSession(db, rep);
    await setLastSeen(rep.userId, IDLE_SECONDS - 3);
    expect(await findSessionRep(db, { token })).not.toBeNull();
    await setLastSeen(rep.userId, IDLE_SECONDS + 3);
    expect(await findSessionRep(db, { token })).toBeNull();
  });

  it("moves last use forward when it is more than a minute old, and writes nothing more often", async () => {
    const rep = await newRep();
    const { token } = await createSession(db, rep);
    await setLastSeen(rep.userId, 30);
    await findSessionRep(db, { token });
    expect(await lastSeenAgeSeconds(rep.userId)).toBeGreaterThanOrEqual(30);
    await setLastSeen(rep.userId, 90);
    await findSessionRep(db, { token });
    expect(await lastSeenAgeSeconds(rep.userId)).toBeLessThan(5);
  });
});

describe("sign out everywhere", () => {
  it("ends every session of the rep and none of another rep's", async () => {
    const rep = await newRep();
    const colleague = await newRep();
    const mine = [await createSession(db, rep), await createSession(db, rep)];
    const theirs = await createSession(db, colleague);
    await deleteUserSessions(db, { userId: rep.userId, clientId: rep.clientId });
    for (const { token } of mine) expect(await findSessionRep(db, { token })).toBeNull();
    expect(await findSessionRep(db, { token: theirs.token })).not.toBeNull();
  });

  it("ends nothing when the client does not match the user (tenant filter on its own)", async () => {
    const rep = await newRep();
    const { token } = await createSession(db, rep);
    const { client: otherClient } = await createClient(db, { name: "Other tenant" });
    await deleteUserSessions(db, { userId: rep.userId, clientId: otherClient.id });
    expect(await findSessionRep(db, { token })).not.toBeNull();
  });
});

import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, lt, notInArray, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { preparedStatement } from "@/db/prepared";
import { sessions, users } from "@/db/schema";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { canonicalTimeZone } from "@/lib/time/zoned";
import { normalizedEmail } from "@/lib/validation";
import { hashPassword, needsRehash, verifyPassword } from "./password";

// Rep sessions in the database: credentials, session rows and their lookup. The cookie side (reading and
// setting it in a request) is lib/auth/session.ts; this module has no request in it, so scripts can use it.

const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
// A session unused this long ends, whatever its lifetime left (ASVS 7.3.1; 12 hours by default).
const idleTimeoutSeconds = () => Number(process.env.SESSION_IDLE_TIMEOUT_MINUTES ?? 720) * 60;
// How stale last_seen_at may be before a request moves it: at most one write a minute per session.
const LAST_SEEN_RESOLUTION_MS = 60_000;

/** The signed-in sales rep: who they are, which tenant they act for, and the zone to show times in. */
export type Rep = { userId: string; clientId: string; name: string; email: string; timeZone: string; locale: Locale | null };

// The cookie carries a random token; the table stores only its SHA-256, so a database leak yields no usable session.
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

let decoyHash: Promise<string> | undefined;

/**
 * The active, password-holding user with these credentials, or null; unknown emails cost the same scrypt work.
 * A hash made with older scrypt parameters is replaced with today's on the way.
 */
export async function verifyRepCredentials(
  db: Database,
  params: { email: string; password: string },
): Promise<{ id: string; clientId: string } | null> {
  const [user] = await db
    .select({ id: users.id, clientId: users.clientId, passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, normalizedEmail(params.email)), eq(users.active, true)));
  decoyHash ??= hashPassword(randomBytes(16).toString("hex"));
  const matches = await verifyPassword(params.password, user?.passwordHash ?? (await decoyHash));
  if (!user?.passwordHash || !matches) return null;
  if (needsRehash(user.passwordHash)) {
    await db.update(users).set({ passwordHash: await hashPassword(params.password) }).where(and(eq(users.id, user.id), eq(users.clientId, user.clientId)));
  }
  return { id: user.id, clientId: user.clientId };
}

// Signing in on yet another device beyond this many ends the oldest session.
export const MAX_SESSIONS_PER_USER = 5;

/**
 * A new session for the user. The session this browser presented (`replacesToken`), if any, ends, as do
 * the user's expired and idle ones and the oldest beyond MAX_SESSIONS_PER_USER: signing in again never piles up live sessions.
 */
export async function createSession(
  db: Database,
  params: { userId: string; clientId: string; timeZone: string; replacesToken?: string },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  const ofUser = and(eq(sessions.userId, params.userId), eq(sessions.clientId, params.clientId));
  await db.transaction(async (tx) => {
    if (params.replacesToken) await tx.delete(sessions).where(and(ofUser, eq(sessions.tokenHash, hashToken(params.replacesToken))));
    const ended = or(lt(sessions.expiresAt, sql`now()`), lt(sessions.lastSeenAt, sql`now() - ${idleTimeoutSeconds()}::float8 * interval '1 second'`));
    await tx.delete(sessions).where(and(ofUser, ended));
    await tx.insert(sessions).values({
      clientId: params.clientId,
      userId: params.userId,
      tokenHash: hashToken(token),
      timeZone: canonicalTimeZone(params.timeZone) ?? "UTC",
      expiresAt,
    });
    const newest = tx
      .select({ id: sessions.id })
      .from(sessions)
      .where(ofUser)
      .orderBy(desc(sessions.createdAt), desc(sessions.id))
      .limit(MAX_SESSIONS_PER_USER);
    await tx.delete(sessions).where(and(ofUser, notInArray(sessions.id, newest)));
  });
  return { token, expiresAt };
}

/** The rep behind a session token: unexpired, used within the idle timeout, and the user still active in the session's client. */
export async function findSessionRep(db: Database, params: { token: string }): Promise<Rep | null> {
  const [found] = await sessionRep(db).execute({ tokenHash: hashToken(params.token), idleSeconds: idleTimeoutSeconds() });
  if (!found) return null;
  const { sessionId, lastSeenAt, ...rep } = found;
  if (Date.now() - lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(and(eq(sessions.id, sessionId), eq(sessions.clientId, rep.clientId)));
  }
  return { ...rep, locale: isLocale(rep.locale) ? rep.locale : null };
}

// Every dashboard page and server action looks its session up: prepared.
const sessionRep = (db: Database) =>
  preparedStatement(db, "session_rep", () =>
    db
      .select({
        sessionId: sessions.id, lastSeenAt: sessions.lastSeenAt,
        userId: users.id, clientId: sessions.clientId, name: users.name, email: users.email, timeZone: sessions.timeZone,
        locale: users.locale,
      })
      .from(sessions)
      .innerJoin(users, and(eq(users.id, sessions.userId), eq(users.clientId, sessions.clientId)))
      .where(
        and(
          eq(sessions.tokenHash, sql.placeholder("tokenHash")),
          gt(sessions.expiresAt, sql`now()`),
          gt(sessions.lastSeenAt, sql`now() - ${sql.placeholder("idleSeconds")}::float8 * interval '1 second'`),
          eq(users.active, true),
        ),
      )
      .prepare("session_rep"),
  );

/** Saves the rep's dashboard language (null: follow the browser). */
export async function saveRepLocale(db: Database, params: { userId: string; clientId: string; locale: Locale | null }): Promise<void> {
  await db.update(users).set({ locale: params.locale }).where(and(eq(users.id, params.userId), eq(users.clientId, params.clientId)));
}

export async function deleteSession(db: Database, params: { token: string }): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(params.token)));
}

/** Ends every session of the user, on every device ("sign out everywhere"). */
export async function deleteUserSessions(db: Database, params: { userId: string; clientId: string }): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, params.userId), eq(sessions.clientId, params.clientId)));
}

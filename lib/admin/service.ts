import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { apiKeys, clients, meetingTypes, users } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { normalizedEmail } from "@/lib/validation";

// Operator actions shared by the admin command line, the demo seed and the test fixtures.

/** A client and its first API key ("default"), together or not at all. */
export async function createClient(db: Database, params: { name: string }) {
  return db.transaction(async (tx) => {
    const [client] = await tx.insert(clients).values({ name: params.name }).returning({ id: clients.id, name: clients.name });
    const key = await createApiKey(tx, { clientId: client.id, label: "default" });
    return { client, apiKey: key.apiKey };
  });
}

async function assertClientExists(db: Database, clientId: string) {
  const [client] = await db.select({ id: clients.id }).from(clients).where(eq(clients.id, clientId));
  if (!client) throw new AppError("not_found", `No client with id ${clientId}`);
}

export async function createUser(
  db: Database,
  params: { clientId: string; email: string; name: string; active?: boolean; password?: string | null },
) {
  await assertClientExists(db, params.clientId);
  const [user] = await db
    .insert(users)
    .values({
      clientId: params.clientId,
      email: normalizedEmail(params.email),
      name: params.name.trim(),
      active: params.active ?? true,
      passwordHash: params.password ? await hashPassword(params.password) : null,
    })
    .returning({ id: users.id, client_id: users.clientId, email: users.email, name: users.name, active: users.active });
  return user;
}

export async function createMeetingType(db: Database, params: { clientId: string; name: string }) {
  await assertClientExists(db, params.clientId);
  const [meetingType] = await db
    .insert(meetingTypes)
    .values({ clientId: params.clientId, name: params.name.trim() })
    .returning({ id: meetingTypes.id, name: meetingTypes.name });
  return meetingType;
}

export async function createClientApiKey(db: Database, params: { clientId: string; label?: string | null }) {
  await assertClientExists(db, params.clientId);
  return createApiKey(db, params);
}

export async function listClients(db: Database) {
  return db
    .select({ id: clients.id, name: clients.name, rate_limit_per_minute: clients.rateLimitPerMinute, created_at: clients.createdAt })
    .from(clients)
    .orderBy(asc(clients.createdAt), asc(clients.id));
}

/** A client's keys as operators see them: never the key itself, which is stored only as a hash. */
export async function listApiKeys(db: Database, params: { clientId: string }) {
  await assertClientExists(db, params.clientId);
  return db
    .select({
      id: apiKeys.id, prefix: apiKeys.prefix, label: apiKeys.label, created_at: apiKeys.createdAt,
      last_used_at: apiKeys.lastUsedAt, revoked_at: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.clientId, params.clientId))
    .orderBy(asc(apiKeys.createdAt), asc(apiKeys.id));
}

export async function listUsers(db: Database, params: { clientId: string }) {
  await assertClientExists(db, params.clientId);
  return db
    .select({ id: users.id, email: users.email, name: users.name, active: users.active, can_sign_in: sql<boolean>`${users.passwordHash} is not null` })
    .from(users)
    .where(eq(users.clientId, params.clientId))
    .orderBy(asc(users.name), asc(users.id));
}

export async function listMeetingTypes(db: Database, params: { clientId: string }) {
  await assertClientExists(db, params.clientId);
  return db
    .select({ id: meetingTypes.id, name: meetingTypes.name })
    .from(meetingTypes)
    .where(eq(meetingTypes.clientId, params.clientId))
    .orderBy(asc(meetingTypes.name), asc(meetingTypes.id));
}

/** Requests a minute per API key of the client; null returns it to RATE_LIMIT_PER_MINUTE. */
export async function setClientRateLimit(db: Database, params: { clientId: string; perMinute: number | null }) {
  const [client] = await db
    .update(clients)
    .set({ rateLimitPerMinute: params.perMinute })
    .where(eq(clients.id, params.clientId))
    .returning({ id: clients.id, name: clients.name, rate_limit_per_minute: clients.rateLimitPerMinute });
  if (!client) throw new AppError("not_found", `No client with id ${params.clientId}`);
  return client;
}

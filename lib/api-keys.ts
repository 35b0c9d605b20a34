import { createHash, randomInt } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { apiKeys, clients } from "@/db/schema";

const KEY_PREFIX = "nxr_live_";
const SECRET_LENGTH = 40;
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const KEY_FORMAT = /^nxr_live_[0-9A-Za-z]{32,}$/;
const LAST_USED_RESOLUTION_MS = 60_000;

export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");

function generateApiKey(): string {
  let secret = "";
  for (let i = 0; i < SECRET_LENGTH; i++) secret += BASE62[randomInt(BASE62.length)];
  return KEY_PREFIX + secret;
}

export async function createApiKey(db: Database, params: { clientId: string; label?: string | null }) {
  const apiKey = generateApiKey();
  const prefix = apiKey.slice(0, KEY_PREFIX.length + 4);
  const [row] = await db
    .insert(apiKeys)
    .values({ clientId: params.clientId, label: params.label ?? null, prefix, keyHash: hashApiKey(apiKey) })
    .returning({ id: apiKeys.id });
  return { id: row.id, apiKey, prefix };
}

/** Revokes the client's key; false when the client has no key with that id (revoking twice is true). */
export async function revokeApiKey(db: Database, params: { clientId: string; id: string }): Promise<boolean> {
  const ofClient = and(eq(apiKeys.clientId, params.clientId), eq(apiKeys.id, params.id));
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(ofClient, isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  forgetCachedApiKey(params.id);
  if (rows.length) return true;
  const existing = await db.select({ id: apiKeys.id }).from(apiKeys).where(ofClient);
  return existing.length > 0;
}

type Caller = { clientId: string; apiKeyId: string; name: string; rateLimitPerMinute: number | null };

/**
 * Valid keys seen in the last few seconds, so most requests skip the lookup. A revocation takes effect at
 * once in the process that revokes and within API_KEY_CACHE_TTL_MS (5 s) in every other instance: a TTL
 * rather than LISTEN/NOTIFY, which would need a dedicated connection per instance and PGlite has no peers.
 */
const CACHE_TTL_MS = Number(process.env.API_KEY_CACHE_TTL_MS ?? 5_000);
const MAX_CACHED_KEYS = 10_000;
const globalForKeys = globalThis as unknown as { nexorApiKeyCache?: Map<string, { caller: Caller; until: number }> };
const cache = (globalForKeys.nexorApiKeyCache ??= new Map());

function forgetCachedApiKey(apiKeyId: string) {
  for (const [hash, entry] of cache) if (entry.caller.apiKeyId === apiKeyId) cache.delete(hash);
}

/** For tests that need every call to reach the database. */
export const forgetCachedApiKeys = () => cache.clear();

/** The key's client, or null for a malformed, unknown or revoked key: callers cannot tell which. */
export async function authenticateApiKey(db: Database, presentedKey: string): Promise<Caller | null> {
  if (!KEY_FORMAT.test(presentedKey)) return null;
  const keyHash = hashApiKey(presentedKey);
  const cached = cache.get(keyHash);
  if (cached && cached.until > Date.now()) return cached.caller;
  const caller = await lookUpApiKey(db, keyHash);
  if (caller) {
    if (cache.size >= MAX_CACHED_KEYS) cache.clear();
    cache.set(keyHash, { caller, until: Date.now() + CACHE_TTL_MS });
  } else {
    cache.delete(keyHash);
  }
  return caller;
}

async function lookUpApiKey(db: Database, keyHash: string): Promise<Caller | null> {
  const [key] = await db
    .select({
      id: apiKeys.id, clientId: apiKeys.clientId, lastUsedAt: apiKeys.lastUsedAt, label: apiKeys.label, prefix: apiKeys.prefix,
      rateLimitPerMinute: clients.rateLimitPerMinute,
    })
    .from(apiKeys)
    .innerJoin(clients, eq(clients.id, apiKeys.clientId))
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)));
  if (!key) return null;

  // Keep last_used_at roughly current without a write on every request: at most one a minute per key.
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.update(apiKeys).set({ lastUsedAt: new Date() }).where(and(eq(apiKeys.clientId, key.clientId), eq(apiKeys.id, key.id)));
  }
  // How the key appears in meeting history: its label, else its visible prefix.
  return { clientId: key.clientId, apiKeyId: key.id, name: key.label ?? key.prefix, rateLimitPerMinute: key.rateLimitPerMinute };
}

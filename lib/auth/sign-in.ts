import { createHash } from "node:crypto";
import type { Database } from "@/db/client";
import { returnRateLimitToken, takeRateLimitToken, type RatePolicy } from "@/lib/rate-limit";
import { normalizedEmail } from "@/lib/validation";
import { createSession, verifyRepCredentials } from "./session-store";

/**
 * Failed sign-ins allowed (OWASP ASVS 6.3.1), through the same GCRA buckets as the API's limits: per account
 * 10 at once, then one a minute (70 in the first hour, under ASVS's 100); per address 30 at once, then ten a minute.
 */
export const SIGN_IN_POLICIES = {
  account: { name: "sign-in-account", perMinute: 1, burst: 10 },
  address: { name: "sign-in-address", perMinute: 10, burst: 30 },
} satisfies Record<string, RatePolicy>;

export type SignInOutcome =
  | { ok: true; user: { id: string; clientId: string }; session: { token: string; expiresAt: Date } }
  | { ok: false; reason: "invalid_credentials" | "throttled" };

/** The two buckets an attempt spends. The email is hashed: attacker-chosen text is not stored as typed, and keys stay short. */
export const signInBuckets = (params: { email: string; address: string }) => [
  { bucket: `sign-in:account:${createHash("sha256").update(normalizedEmail(params.email)).digest("base64url")}`, policy: SIGN_IN_POLICIES.account },
  { bucket: `sign-in:address:${params.address}`, policy: SIGN_IN_POLICIES.address },
];

/**
 * One sign-in attempt from `address`, and on success the new session (`replacesToken` is the one this
 * browser presented, which ends). Every attempt takes a token from its account's and its address's bucket
 * first (atomically, so concurrent guesses cannot slip past the count) and a successful one gives them back
 * in the transaction that creates the session: only failures add up, and a success is never counted as one.
 * The password is checked even when throttled, so a throttled attempt costs the same time as a wrong
 * password and the caller can answer both with one message.
 */
export async function attemptSignIn(
  db: Database,
  params: { email: string; password: string; address: string; timeZone: string; replacesToken?: string },
): Promise<SignInOutcome> {
  const buckets = signInBuckets(params);
  const decisions = await Promise.all(buckets.map((bucket) => takeRateLimitToken(db, bucket)));
  const user = await verifyRepCredentials(db, params);
  if (decisions.some((decision) => !decision.allowed)) return { ok: false, reason: "throttled" };
  if (!user) return { ok: false, reason: "invalid_credentials" };
  const session = await db.transaction(async (tx) => {
    for (const bucket of buckets) await returnRateLimitToken(tx, bucket);
    return createSession(tx, { userId: user.id, clientId: user.clientId, timeZone: params.timeZone, replacesToken: params.replacesToken });
  });
  return { ok: true, user, session };
}

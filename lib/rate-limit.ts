import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { preparedStatement } from "@/db/prepared";
import { rateLimits } from "@/db/schema";

/** `perMinute` requests a minute on average, of which `burst` may come at once. */
export type RatePolicy = { name: string; perMinute: number; burst: number };
export type RateDecision = { allowed: boolean; policy: RatePolicy; remaining: number; resetSeconds: number; retryAfterSeconds: number };

const MINUTE_MS = 60_000;
const ms = (name: string) => sql`(${sql.placeholder(name)}::float8 * interval '1 millisecond')`;

// Runs on every API request: prepared (see db/prepared.ts).
const takeToken = (db: Database) =>
  preparedStatement(db, "take_rate_limit_token", () =>
    db
      .insert(rateLimits)
      .values({ bucket: sql.placeholder("bucket"), tat: sql`now() + ${ms("interval")}` })
      .onConflictDoUpdate({
        target: rateLimits.bucket,
        set: { tat: sql`greatest(${rateLimits.tat}, now()) + ${ms("interval")}` },
        setWhere: sql`greatest(${rateLimits.tat}, now()) - now() <= ${ms("tolerance")}`,
      })
      .returning({ tat: rateLimits.tat, now: sql<Date>`now()`.mapWith(rateLimits.tat) })
      .prepare("take_rate_limit_token"),
  );

/**
 * Takes one request from a GCRA bucket shared by every app instance, in one atomic statement on the
 * database's clock: the bucket's "theoretical arrival time" moves on by one emission interval unless that
 * would put it more than the burst ahead of now, in which case nothing is written and the request is refused.
 * (Only a refusal reads the bucket again, to say when to retry.)
 */
export async function takeRateLimitToken(db: Database, params: { bucket: string; policy: RatePolicy }): Promise<RateDecision> {
  const { policy } = params;
  const interval = MINUTE_MS / policy.perMinute;
  const tolerance = interval * (policy.burst - 1);
  const [taken] = await takeToken(db).execute({ bucket: params.bucket, interval, tolerance });
  if (taken) {
    const ahead = taken.tat.getTime() - taken.now.getTime();
    return {
      allowed: true, policy, retryAfterSeconds: 0,
      remaining: Math.max(0, Math.floor((tolerance + interval - ahead) / interval)),
      resetSeconds: Math.ceil(ahead / 1000),
    };
  }
  const [bucket] = await db
    .select({ tat: rateLimits.tat, now: sql<Date>`now()`.mapWith(rateLimits.tat) })
    .from(rateLimits)
    .where(eq(rateLimits.bucket, params.bucket));
  const ahead = bucket.tat.getTime() - bucket.now.getTime();
  return {
    allowed: false, policy, remaining: 0,
    resetSeconds: Math.ceil(ahead / 1000),
    retryAfterSeconds: Math.max(1, Math.ceil((ahead - tolerance) / 1000)),
  };
}

/** Gives back a token taken from the bucket (the request it paid for turned out not to count). */
export async function returnRateLimitToken(db: Database, params: { bucket: string; policy: RatePolicy }): Promise<void> {
  await db
    .update(rateLimits)
    .set({ tat: sql`${rateLimits.tat} - ${MINUTE_MS / params.policy.perMinute}::float8 * interval '1 millisecond'` })
    .where(eq(rateLimits.bucket, params.bucket));
}

/** The IETF draft headers (draft-ietf-httpapi-ratelimit-headers): the policy, and where this caller stands. */
export function rateLimitHeaders(decision: RateDecision): Record<string, string> {
  const { policy } = decision;
  return {
    "ratelimit-policy": `"${policy.name}";q=${policy.perMinute};w=60;burst=${policy.burst}`,
    ratelimit: `"${policy.name}";r=${decision.remaining};t=${decision.resetSeconds}`,
    ...(!decision.allowed && { "retry-after": String(decision.retryAfterSeconds) }),
  };
}

/** A policy for `perMinute` with a burst of a tenth of it (at least one). */
export const policyOf = (name: string, perMinute: number): RatePolicy => ({
  name, perMinute, burst: Math.max(1, Math.round(perMinute / 10)),
});

import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Database } from "@/db/client";
import { getDb } from "@/lib/db";
import { SESSION_COOKIE, signInPath } from "./routing";
import { createSession, deleteSession, findSessionRep, type Rep } from "./session-store";

export type { Rep } from "./session-store";

/**
 * Secure cookies are sent only over https. The e2e server is plain http on 127.0.0.1 even under
 * NODE_ENV=production, so the flag follows the request's scheme (x-forwarded-proto, which Next sets
 * and a TLS-terminating proxy overrides); NEXOR_SECURE_COOKIES=1 forces it on behind proxies that do not say.
 */
async function cookieShouldBeSecure(): Promise<boolean> {
  if (process.env.NEXOR_SECURE_COOKIES === "1") return true;
  const proto = (await headers()).get("x-forwarded-proto")?.split(",")[0]?.trim();
  return proto === "https";
}

/** Signs the user in on this browser: a new session row and its cookie. For server actions only. */
export async function startSession(db: Database, params: { userId: string; clientId: string; timeZone: string }) {
  const jar = await cookies();
  const { token, expiresAt } = await createSession(db, { ...params, replacesToken: jar.get(SESSION_COOKIE)?.value });
  jar.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: await cookieShouldBeSecure(),
    path: "/",
    expires: expiresAt,
  });
}

/** Signs this browser out: deletes its session row and cookie. For server actions only. */
export async function endSession() {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (token) await deleteSession(await getDb(), { token });
  jar.delete(SESSION_COOKIE);
}

/** The rep signed in on this request, or null; looked up once per request. */
export const currentRep = cache(async (): Promise<Rep | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  return findSessionRep(await getDb(), { token });
});

/** The signed-in rep; otherwise redirects to sign-in, coming back to `returnTo` afterwards. */
export async function requireRep(returnTo?: string): Promise<Rep> {
  const rep = await currentRep();
  if (!rep) redirect(signInPath(returnTo));
  return rep;
}

import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { noteRequestCaller } from "@/lib/observability/request-context";
import { sessionCookieName, signInPath } from "./routing";
import { deleteSession, deleteUserSessions, findSessionRep, type Rep } from "./session-store";

export type { Rep } from "./session-store";

/**
 * Whether this request came over https: then the cookie is Secure and `__Host-` prefixed. The e2e server
 * is plain http on 127.0.0.1 even under NODE_ENV=production, so this follows the request's scheme
 * (x-forwarded-proto, which Next sets and a TLS-terminating proxy overrides); NEXOR_SECURE_COOKIES=1
 * forces it on behind proxies that do not say.
 */
async function isSecureRequest(): Promise<boolean> {
  if (process.env.NEXOR_SECURE_COOKIES === "1") return true;
  const proto = (await headers()).get("x-forwarded-proto")?.split(",")[0]?.trim();
  return proto === "https";
}

/** This request's session cookie: over https only the `__Host-` one counts, so a plain one planted by a subdomain is ignored. */
async function sessionCookie() {
  const jar = await cookies();
  const name = sessionCookieName(await isSecureRequest());
  return { jar, name, token: jar.get(name)?.value };
}

const cookieOptions = (name: string) => ({ httpOnly: true, sameSite: "lax", secure: name.startsWith("__Host-"), path: "/" }) as const;

/** The session token this browser presents, if any: a new sign-in replaces its session. */
export async function presentedSessionToken(): Promise<string | undefined> {
  return (await sessionCookie()).token;
}

/** Puts a session created for this browser (by attemptSignIn) in its cookie. For server actions only. */
export async function setSessionCookie(session: { token: string; expiresAt: Date }) {
  const { jar, name } = await sessionCookie();
  jar.set(name, session.token, { ...cookieOptions(name), expires: session.expiresAt });
}

/** Signs this browser out: deletes its session row and cookie. For server actions only. */
export async function endSession() {
  const { jar, name, token } = await sessionCookie();
  if (token) await deleteSession(await getDb(), { token });
  jar.delete({ name, ...cookieOptions(name) }); // a `__Host-` cookie is only removed by one with the same attributes
}

/** Signs the rep out on every device, this browser included. For server actions only. */
export async function endEverySession(rep: Rep) {
  const { jar, name } = await sessionCookie();
  await deleteUserSessions(await getDb(), { userId: rep.userId, clientId: rep.clientId });
  jar.delete({ name, ...cookieOptions(name) }); // a `__Host-` cookie is only removed by one with the same attributes
}

/** The rep signed in on this request, or null; looked up once per request. */
export const currentRep = cache(async (): Promise<Rep | null> => {
  const { token } = await sessionCookie();
  if (!token) return null;
  const rep = await findSessionRep(await getDb(), { token });
  if (rep) noteRequestCaller({ clientId: rep.clientId, userId: rep.userId });
  return rep;
});

/**
 * The signed-in rep; otherwise redirects to sign-in, coming back afterwards to `returnTo`, or for a server
 * action to the page it was called from.
 */
export async function requireRep(returnTo?: string): Promise<Rep> {
  const rep = await currentRep();
  if (rep) return rep;
  // A cookie that opens no session is one that ended (signed out elsewhere, idle, expired): the sign-in page says so.
  const { token } = await sessionCookie();
  redirect(signInPath(returnTo ?? (await pageOfAction()), { sessionEnded: Boolean(token) }));
}

/** The page a server action was called from, by its Referer: only the path is kept, and checked as every return path is. */
async function pageOfAction(): Promise<string | undefined> {
  const referer = (await headers()).get("referer");
  if (!referer) return undefined;
  try {
    const url = new URL(referer);
    return `${url.pathname}${url.search}`;
  } catch {
    return undefined;
  }
}

// Over https the session cookie is `__Host-` prefixed: the browser keeps it only if it is Secure, for
// path "/" and without a Domain, so no subdomain can set or overwrite it. Plain http (local use, the
// test server) cannot hold a Secure cookie, so there it goes by the plain name.
export const SESSION_COOKIE = "nexor_session";
export const SECURE_SESSION_COOKIE = "__Host-nexor_session";
export const sessionCookieName = (secure: boolean) => (secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE);
export const DEFAULT_RETURN_PATH = "/leads";

const RETURN_BASE = "http://return-path.invalid";

/**
 * Where to go after signing in: only a path on this site. The value is normalised first (as the browser
 * will: `/./`, `..`, backslashes, tabs) and then checked, so `/.//evil.example` cannot turn into the
 * protocol-relative `//evil.example` after the check; anything else falls back to the leads list.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/")) return DEFAULT_RETURN_PATH;
  let url: URL;
  try {
    url = new URL(value, RETURN_BASE);
  } catch {
    return DEFAULT_RETURN_PATH;
  }
  const path = url.pathname;
  if (url.origin !== RETURN_BASE || path.startsWith("//") || path.startsWith("/sign-in")) return DEFAULT_RETURN_PATH;
  return `${path}${url.search}${url.hash}`;
}

/** The sign-in page, coming back to `returnTo`; `sessionEnded` when the browser's session has ended (it says so). */
export function signInPath(returnTo?: string, options: { sessionEnded?: boolean } = {}): string {
  const next = returnTo ? safeReturnPath(returnTo) : null;
  const query = new URLSearchParams();
  if (next && next !== DEFAULT_RETURN_PATH) query.set("next", next);
  if (options.sessionEnded) query.set("ended", "1");
  const search = query.toString();
  return search ? `/sign-in?${search}` : "/sign-in";
}

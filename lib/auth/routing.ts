export const SESSION_COOKIE = "nexor_session";
export const DEFAULT_RETURN_PATH = "/leads";

/**
 * Where to go after signing in: only a path on this site. Anything else (absolute URLs, `//host`,
 * `/\host`, which browsers treat as another origin) falls back to the leads list.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return DEFAULT_RETURN_PATH;
  }
  const base = "http://return-path.invalid";
  try {
    const url = new URL(value, base);
    if (url.origin !== base || url.pathname.startsWith("/sign-in")) return DEFAULT_RETURN_PATH;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return DEFAULT_RETURN_PATH;
  }
}

export function signInPath(returnTo?: string): string {
  const next = returnTo ? safeReturnPath(returnTo) : null;
  return next && next !== DEFAULT_RETURN_PATH ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in";
}

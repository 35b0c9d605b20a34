import { NextResponse, type NextRequest } from "next/server";
import { SECURE_SESSION_COOKIE, SESSION_COOKIE, signInPath } from "@/lib/auth/routing";
import {
  actionBodyProblem, crossSiteProblem, expectedHost, hasMalformedEncoding, MAX_ACTION_BODY_BYTES,
} from "@/lib/http/request-guards";
import { contentSecurityPolicy } from "@/lib/http/security-headers";
import { AppError, leadNotFound, meetingNotFound, noSuchEndpoint } from "@/lib/errors";

const trustProxy = process.env.TRUST_PROXY === "1";
const isDashboardPath = (pathname: string) => ["/leads", "/settings"].some((root) => pathname === root || pathname.startsWith(`${root}/`));


/**
 * Runs before routing, only for the requests its matcher names (API hot paths never pay for it):
 * - a path that is not valid percent-encoding gets the 404 an unknown id gets, not Next's plain-text 500;
 * - a request with a body to a page (a server action or a form post) must come from this site, fit the
 *   action body limit and be decodable, else 403 / 413 / 400 rather than Next's 500;
 * - a dashboard request without a session cookie goes straight to sign-in with a real 307 and its full URL
 *   to come back to (pages stream, so a redirect from inside one cannot set the status). Whether the
 *   cookie is a valid session is checked by every page and action;
 * - every page gets a Content-Security-Policy with a fresh nonce, which Next puts on its own scripts.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (hasMalformedEncoding(pathname)) return malformedPath(pathname);

  if (!pathname.startsWith("/api/") && request.method !== "GET" && request.method !== "HEAD") {
    const problem = crossSiteProblem(request.headers, { trustProxy });
    if (problem) return new AppError("forbidden", `Cross-site request refused: ${problem}`).toResponse();
    if (Number(request.headers.get("content-length") ?? 0) > MAX_ACTION_BODY_BYTES) {
      return new AppError("payload_too_large", `Request body is larger than ${MAX_ACTION_BODY_BYTES / 1024 / 1024} MB`).toResponse();
    }
    const bodyProblem = request.headers.has("next-action") ? await actionBodyProblem(request) : null;
    if (bodyProblem) return new AppError("invalid_request", `Invalid request: ${bodyProblem}`).toResponse();
  }

  const hasSessionCookie = request.cookies.has(SESSION_COOKIE) || request.cookies.has(SECURE_SESSION_COOKIE);
  if (isDashboardPath(pathname) && !hasSessionCookie) {
    return NextResponse.redirect(new URL(signInPath(`${pathname}${search}`), request.url));
  }
  const headers = withTrustedForwardedHost(request.headers);
  if (pathname.startsWith("/api/")) return NextResponse.next({ request: { headers } });
  const policy = contentSecurityPolicy(btoa(crypto.randomUUID()), { development: process.env.NODE_ENV === "development" });
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

/** Next checks a server action's Origin against X-Forwarded-Host, which any client can send: pin it to the real host. */
function withTrustedForwardedHost(headers: Headers): Headers {
  const host = expectedHost(headers, { trustProxy });
  const pinned = new Headers(headers);
  if (host) pinned.set("x-forwarded-host", host);
  return pinned;
}

function malformedPath(pathname: string): Response {
  if (pathname.startsWith("/api/public/leads/")) return leadNotFound().toResponse();
  if (pathname.startsWith("/api/public/meetings/")) return meetingNotFound().toResponse();
  if (pathname.startsWith("/api/")) return noSuchEndpoint().toResponse();
  return new NextResponse(
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page not found</title></head>' +
      '<body style="font-family:system-ui,sans-serif;margin:4rem auto;max-width:32rem;color:#0f172a">' +
      '<h1>Page not found</h1><p>This address is not valid.</p><p><a href="/leads">Back to leads</a></p></body></html>',
    { status: 404, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } },
  );
}

export const config = {
  matcher: [
    // Every page (the API and static files are left out: the API's hot paths never pay for the proxy).
    "/((?!api/|_next/static|_next/image|favicon.ico|icon).*)",
    // Any API path with a percent sign (raw or decoded): only those can be malformed.
    "/api/:path(.*%.*)",
  ],
};

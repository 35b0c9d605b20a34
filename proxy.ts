import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE, signInPath } from "@/lib/auth/routing";

/**
 * An optimistic check only: a dashboard request without a session cookie goes straight to sign-in
 * with a real 307 and its full URL to come back to (pages stream, so a redirect from inside one
 * cannot set the status). Whether a cookie is a valid session is checked by every page and action.
 */
export function proxy(request: NextRequest) {
  if (request.cookies.has(SESSION_COOKIE)) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  return NextResponse.redirect(new URL(signInPath(`${pathname}${search}`), request.url));
}

export const config = { matcher: ["/leads", "/leads/:path*"] };

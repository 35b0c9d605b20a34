// Checks the proxy (proxy.ts) runs before Next.js routes a request. Pure functions of the request's
// parts, so each rule is unit-tested on its own.

/** Whether some path segment is not valid percent-encoding (`%ZZ`, `%ED%A0%80`, `%C0%AF`): Next's router would answer 500. */
export function hasMalformedEncoding(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return false;
  } catch {
    return true;
  }
}

/**
 * Why a state-changing request must be refused as cross-site, or null. The `Origin` must name this
 * host; a request without one must say `Sec-Fetch-Site: same-origin`. The host is the `Host` header,
 * or, only behind a proxy we were told to trust (TRUST_PROXY=1), the first `X-Forwarded-Host`.
 */
export function crossSiteProblem(headers: Headers, options: { trustProxy: boolean }): string | null {
  const host = expectedHost(headers, options);
  const origin = headers.get("origin");
  if (origin === null) {
    return headers.get("sec-fetch-site") === "same-origin" ? null : "the request has no Origin header";
  }
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return "the Origin header is not a URL";
  }
  return host && originHost === host ? null : `the request comes from another origin (${origin})`;
}

export function expectedHost(headers: Headers, options: { trustProxy: boolean }): string | null {
  const forwarded = options.trustProxy ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return forwarded || headers.get("host");
}

// Next's own limit for server action bodies (serverActions.bodySizeLimit, 1 MB by default).
export const MAX_ACTION_BODY_BYTES = 1024 * 1024;
const MAX_JSON_DEPTH = 64;

/** How deeply arrays and objects nest in a JSON text (counting only brackets outside strings). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "[" || char === "{") deepest = Math.max(deepest, ++depth);
    else if (char === "]" || char === "}") depth--;
  }
  return deepest;
}

/**
 * Why a server action request's body cannot be a real action call, or null. Browsers send the arguments
 * as JSON text (`text/plain`) or as a multipart form; anything else, or JSON that does not parse or nests
 * absurdly deep, would only reach Next's decoder and come back as a 500.
 */
export async function actionBodyProblem(request: Request): Promise<string | null> {
  const type = request.headers.get("content-type")?.split(";")[0].trim().toLowerCase() ?? "";
  if (type === "text/plain") {
    const text = await request.clone().text();
    try {
      JSON.parse(text);
    } catch {
      return "the action arguments are not valid JSON";
    }
    return jsonDepth(text) > MAX_JSON_DEPTH ? `the action arguments nest deeper than ${MAX_JSON_DEPTH} levels` : null;
  }
  if (type === "multipart/form-data" || type === "application/x-www-form-urlencoded") {
    try {
      await request.clone().formData();
      return null;
    } catch {
      return "the form data cannot be read";
    }
  }
  return `a server action does not take ${type || "a body without a Content-Type"}`;
}

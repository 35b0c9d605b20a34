import type { Database } from "@/db/client";
import { authenticateApiKey } from "@/lib/api-keys";
import { getDb } from "@/lib/db";
import { policyOf, rateLimitHeaders, takeRateLimitToken, type RateDecision } from "@/lib/rate-limit";
import type { Actor } from "@/lib/meetings/history";
import { AppError, isDatabaseUnavailable, serviceUnavailable } from "@/lib/errors";
import { log } from "@/lib/observability/log";
import { currentRequestId, noteRequestCaller } from "@/lib/observability/request-context";

type RouteContext<P> = { request: Request; db: Database; clientId: string; actor: Actor; params: P };

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

/**
 * An answer whose JSON is mostly written already: `head`, the `items` (each a JSON value in UTF-8, as PostgreSQL
 * sent it) joined by commas, then `tail`; sent as `json` would send it. The body goes out as the one chunk of a
 * stream: a Response made from bytes copies them first (3 ms for a 7.5 MB answer).
 */
export function jsonOfParts(head: string, items: Uint8Array[], tail: string, status = 200): Response {
  const parts: Uint8Array[] = [Buffer.from(head)];
  for (let index = 0; index < items.length; index++) {
    if (index) parts.push(COMMA);
    parts.push(items[index]);
  }
  parts.push(Buffer.from(tail));
  const body = Buffer.concat(parts);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(body);
      controller.close();
    },
  });
  return new Response(stream, {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });
}

const COMMA = Buffer.from(",");

/**
 * A handler for the methods a public route does not support: a JSON 405 naming the allowed ones,
 * rather than Next's empty-bodied 405.
 */
export function methodNotAllowed(allowed: string[]) {
  return async () => {
    const response = new AppError("method_not_allowed", `Method not allowed; use ${allowed.join(" or ")}`).toResponse();
    response.headers.set("allow", allowed.join(", "));
    return response;
  };
}

export function errorResponse(error: unknown, request?: Request): Response {
  if (request?.signal.aborted) {
    // A client that hung up mid-request is nobody's error, and there is no one left to answer.
    log.info({ method: request.method, path: new URL(request.url).pathname }, "the client closed the connection before the answer");
    return new Response(null, { status: 499 });
  }
  if (error instanceof AppError) return error.toResponse();
  if (isDatabaseUnavailable(error)) return serviceUnavailable().toResponse();
  log.error({ err: error }, "unhandled error in a public API route");
  // The request id lets support find this line in the log; the client learns nothing else.
  return new AppError("internal_error", "Internal server error", { fields: { request_id: currentRequestId() ?? null } }).toResponse();
}

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const keyPolicy = (perMinute: number | null) => policyOf("per-key", perMinute ?? setting("RATE_LIMIT_PER_MINUTE", 600));
const invalidKeyPolicy = () => policyOf("per-ip", setting("INVALID_KEY_RATE_LIMIT_PER_MINUTE", 60));

// The connecting address, as scripts/serve.ts stamps it (X-Forwarded-For's first hop only with TRUST_PROXY=1).
const clientIp = (request: Request) => request.headers.get("x-nexor-client-ip") ?? "unknown";

const rateLimited = (decision: RateDecision) =>
  new AppError("rate_limited", "Too many requests", { message: `Retry in ${decision.retryAfterSeconds} s` });

/**
 * Wraps a public route handler: authenticates the X-API-Key, takes a token from the key's rate limit (or
 * the caller's IP's, for a missing or invalid key), resolves params, maps every error to JSON, and puts
 * the RateLimit headers on the answer.
 */
export function publicRoute<P = Record<string, never>>(handler: (context: RouteContext<P>) => Promise<Response>) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    let limit: RateDecision | null = null;
    let response: Response;
    try {
      const db = await getDb();
      const presentedKey = request.headers.get("x-api-key")?.trim();
      const caller = presentedKey ? await authenticateApiKey(db, presentedKey) : null;
      limit = await takeRateLimitToken(db, caller
        ? { bucket: `key:${caller.apiKeyId}`, policy: keyPolicy(caller.rateLimitPerMinute) }
        : { bucket: `ip:${clientIp(request)}`, policy: invalidKeyPolicy() });
      if (!limit.allowed) throw rateLimited(limit);
      if (!presentedKey) {
        throw new AppError("missing_api_key", "Missing API key", { message: "Please provide your API key in the X-API-Key header" });
      }
      if (!caller) throw new AppError("invalid_api_key", "Invalid API key", { message: "The provided API key is not valid" });
      noteRequestCaller({ clientId: caller.clientId });
      const actor: Actor = { type: "api", name: caller.name };
      response = await handler({ request, db, clientId: caller.clientId, actor, params: await route.params });
    } catch (error) {
      response = errorResponse(error, request);
    }
    if (limit) for (const [name, value] of Object.entries(rateLimitHeaders(limit))) response.headers.set(name, value);
    return response;
  };
}

import type { Database } from "@/db/client";
import { authenticateApiKey } from "@/lib/api-keys";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/meetings/history";
import { AppError, isDatabaseUnavailable, serviceUnavailable } from "@/lib/errors";

type RouteContext<P> = { request: Request; db: Database; clientId: string; actor: Actor; params: P };

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

/**
 * A handler for the methods a public route does not support: a JSON 405 naming the allowed ones,
 * rather than Next's empty-bodied 405.
 */
export function methodNotAllowed(allowed: string[]) {
  return async () => {
    const response = json({ error: `Method not allowed; use ${allowed.join(" or ")}`, code: "method_not_allowed" }, 405);
    response.headers.set("allow", allowed.join(", "));
    return response;
  };
}

function appErrorResponse(error: AppError): Response {
  const response = json(error.toBody(), error.status);
  if (error.extra.retryAfterSeconds) response.headers.set("retry-after", String(error.extra.retryAfterSeconds));
  if (error.extra.closeConnection) response.headers.set("connection", "close");
  return response;
}

export function errorResponse(error: unknown, request?: Request): Response {
  if (request?.signal.aborted) {
    // A client that hung up mid-request is nobody's error, and there is no one left to answer.
    console.info(`${request.method} ${new URL(request.url).pathname}: the client closed the connection before the answer`);
    return new Response(null, { status: 499 });
  }
  if (error instanceof AppError) return appErrorResponse(error);
  if (isDatabaseUnavailable(error)) return appErrorResponse(serviceUnavailable());
  console.error("Unhandled error in a public API route", error);
  return json({ error: "Internal server error", code: "internal_error" }, 500);
}

/** Wraps a public route handler: authenticates the X-API-Key, resolves params, maps every error to JSON. */
export function publicRoute<P = Record<string, never>>(handler: (context: RouteContext<P>) => Promise<Response>) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const presentedKey = request.headers.get("x-api-key")?.trim();
      if (!presentedKey) {
        throw new AppError("missing_api_key", "Missing API key", {
          message: "Please provide your API key in the X-API-Key header",
        });
      }
      const db = await getDb();
      const caller = await authenticateApiKey(db, presentedKey);
      if (!caller) {
        throw new AppError("invalid_api_key", "Invalid API key", { message: "The provided API key is not valid" });
      }
      const actor: Actor = { type: "api", name: caller.name };
      return await handler({ request, db, clientId: caller.clientId, actor, params: await route.params });
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}

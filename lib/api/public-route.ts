import type { Database } from "@/db/client";
import { authenticateApiKey } from "@/lib/api-keys";
import { getDb } from "@/lib/db";
import { AppError, isDatabaseUnavailable, serviceUnavailable } from "@/lib/errors";

export const MAX_BODY_BYTES = 64 * 1024;

type RouteContext<P> = { request: Request; db: Database; clientId: string; params: P };

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
  return response;
}

export function errorResponse(error: unknown, request?: Request): Response {
  if (error instanceof AppError) return appErrorResponse(error);
  if (isDatabaseUnavailable(error)) return appErrorResponse(serviceUnavailable());
  // A client that hung up mid-request is nobody's error; there is no one left to answer either.
  if (!request?.signal.aborted) console.error("Unhandled error in a public API route", error);
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
      return await handler({ request, db, clientId: caller.clientId, params: await route.params });
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}

const payloadTooLarge = () =>
  new AppError("payload_too_large", `Request body is larger than ${MAX_BODY_BYTES / 1024} KiB`);

// How much of an oversized body is still read (and dropped) after the 413, so that the client can finish
// sending and read the answer on a live connection. Beyond it the connection is dropped instead.
const MAX_DISCARDED_BYTES = 16 * 1024 * 1024;

/** Reads and drops the rest of a body in the background; cancels it (dropping the connection) past the cap. */
function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>, alreadyRead: number): void {
  void (async () => {
    let size = alreadyRead;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.byteLength;
      if (size > MAX_DISCARDED_BYTES) return reader.cancel();
    }
  })().catch(() => {});
}

/** Reads a JSON body, enforcing the size limit while streaming (a chunked body has no Content-Length). */
export async function readJsonBody(request: Request): Promise<unknown> {
  const reader = request.body?.getReader();
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) {
    if (declared > MAX_DISCARDED_BYTES) void reader?.cancel().catch(() => {});
    else if (reader) discardRest(reader, 0);
    throw payloadTooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        discardRest(reader, size);
        throw payloadTooLarge();
      }
      chunks.push(value);
    }
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new AppError("invalid_json", "Request body is not valid UTF-8 JSON");
  }
  if (!text.trim()) throw new AppError("invalid_json", "Request body is empty; send a JSON object");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_json", "Request body is not valid JSON");
  }
}

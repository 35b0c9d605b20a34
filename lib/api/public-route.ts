import type { Database } from "@/db/client";
import { authenticateApiKey } from "@/lib/api-keys";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const MAX_BODY_BYTES = 64 * 1024;

type RouteContext<P> = { request: Request; db: Database; clientId: string; params: P };

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });
}

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    // The unread rest of an oversized body leaves the connection unusable: the server drops it after
    // answering, so tell the client not to send its next request on it.
    const headers: Record<string, string> = error.code === "payload_too_large" ? { connection: "close" } : {};
    return json(error.toBody(), error.status, headers);
  }
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
      return await handler({ request, db, clientId: caller.clientId, params: await route.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

const payloadTooLarge = () =>
  new AppError("payload_too_large", `Request body is larger than ${MAX_BODY_BYTES / 1024} KiB`);

/** Reads a JSON body, enforcing the size limit while streaming (a chunked body has no Content-Length). */
export async function readJsonBody(request: Request): Promise<unknown> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw payloadTooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel().catch(() => {});
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

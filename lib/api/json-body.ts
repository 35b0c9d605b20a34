import { AppError, validationFailed } from "@/lib/errors";

const MAX_BODY_BYTES = 64 * 1024;
// A client gets this long to send its whole body; a slow-drip body would otherwise hold a connection for minutes.
export const BODY_READ_TIMEOUT_MS = Number(process.env.BODY_READ_TIMEOUT_MS ?? 10_000);
// How much of an oversized or refused body is still read (and dropped) after the answer, so that the client can
// finish sending and read it on a live connection. Beyond it the connection is dropped instead.
const MAX_DISCARDED_BYTES = 16 * 1024 * 1024;

const payloadTooLarge = (arrayMaxBytes?: number) =>
  new AppError(
    "payload_too_large",
    `Request body is larger than ${MAX_BODY_BYTES / 1024} KiB${arrayMaxBytes ? ` (${arrayMaxBytes / 1024} KiB for an array)` : ""}`,
  );

/** Reads and drops the rest of a body in the background; cancels it (dropping the connection) past the cap. */
function discardRest(reader: ReadableStreamDefaultReader<Uint8Array> | undefined, alreadyRead: number): void {
  if (!reader) return;
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

/**
 * Whether the request carries a body: by HTTP/1.1's framing (RFC 9112, 6.3), only with a Content-Length
 * above zero or a Transfer-Encoding. `curl -X POST` without `-d` sends neither, and no Content-Type.
 */
function hasBody(request: Request): boolean {
  if (!request.body) return false;
  const length = request.headers.get("content-length");
  return length === null ? request.headers.has("transfer-encoding") : length !== "0";
}

/** `application/json`, with or without parameters such as `charset=utf-8`. */
function isJsonContentType(header: string | null): boolean {
  return header?.split(";")[0].trim().toLowerCase() === "application/json";
}

/** Reads the whole body within the time limit, enforcing the size limit while streaming (a chunked body has no Content-Length). */
async function readBodyBytes(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  maxBytes: number,
  options?: { arrayMaxBytes?: number },
): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    // Answered with Connection: close, so the server drops the connection once the 408 is written
    // (cancelling the stream here would drop it before the answer).
    // Made only when it fires: an Error captures a stack, which cost every request a little.
    const timeout = () => new AppError("request_timeout", `Request body was not received within ${BODY_READ_TIMEOUT_MS / 1000} seconds`, {
      closeConnection: true,
    });
    timer = setTimeout(() => reject(timeout()), BODY_READ_TIMEOUT_MS);
  });
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), timedOut]);
      if (done) return Buffer.concat(chunks);
      size += value.byteLength;
      if (size > maxBytes) {
        discardRest(reader, size);
        throw payloadTooLarge(options?.arrayMaxBytes);
      }
      chunks.push(value);
    }
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `__proto__` as a key would set an object's prototype instead of a property wherever the body is copied,
 * so it is refused (as a 400 on that field) rather than silently dropped. The walk is iterative: bodies
 * may nest as deep as 64 KiB allows.
 */
function rejectPrototypeKeys(value: unknown): void {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length) {
    const { value: current, path } = stack.pop()!;
    if (typeof current !== "object" || current === null) continue;
    for (const [key, child] of Object.entries(current)) {
      if (key === "__proto__") {
        throw validationFailed([{ field: [...path, key].join("."), message: "is not an allowed key" }]);
      }
      stack.push({ value: child, path: [...path, key] });
    }
  }
}

/**
 * Reads a JSON body: application/json only, at most 64 KiB, within the time limit, valid UTF-8 JSON.
 * With `optional`, a request without a body (or with an empty one) reads as `{}`. With `arrayMaxBytes`,
 * a body that is a JSON array (a bulk request) may be that large; any other body keeps the 64 KiB limit.
 */
export async function readJsonBody(request: Request, options: { optional?: boolean; arrayMaxBytes?: number } = {}): Promise<unknown> {
  const maxBytes = Math.max(MAX_BODY_BYTES, options.arrayMaxBytes ?? 0);
  if (options.optional && !hasBody(request)) return {};
  const reader = request.body?.getReader();
  if (!isJsonContentType(request.headers.get("content-type"))) {
    discardRest(reader, 0);
    throw new AppError("unsupported_media_type", "Request body must be JSON", {
      message: "Send the body with Content-Type: application/json",
    });
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) {
    if (declared > MAX_DISCARDED_BYTES) void reader?.cancel().catch(() => {});
    else discardRest(reader, 0);
    throw payloadTooLarge(options.arrayMaxBytes);
  }
  const bytes = reader ? await readBodyBytes(reader, maxBytes, options) : Buffer.alloc(0);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("invalid_json", "Request body is not valid UTF-8 JSON");
  }
  if (!text.trim()) {
    if (options.optional) return {};
    throw new AppError("invalid_json", "Request body is empty; send a JSON object");
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("invalid_json", "Request body is not valid JSON");
  }
  if (bytes.byteLength > MAX_BODY_BYTES && !Array.isArray(body)) throw payloadTooLarge();
  rejectPrototypeKeys(body);
  return body;
}

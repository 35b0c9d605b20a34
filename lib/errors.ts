export const errorStatuses = {
  missing_api_key: 401,
  invalid_api_key: 401,
  forbidden: 403,
  invalid_json: 400,
  validation_failed: 400,
  invalid_request: 400,
  lead_not_found: 404,
  meeting_not_found: 404,
  webhook_not_found: 404,
  delivery_not_found: 404,
  not_found: 404,
  method_not_allowed: 405,
  request_timeout: 408,
  external_event_conflict: 409,
  edit_conflict: 409,
  endpoint_disabled: 409,
  invalid_transition: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatuses;
export type FieldIssue = { field: string; message: string };

/** The one error type of the service layer: a stable code, a sentence for people, optional extras. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: {
      details?: FieldIssue[];
      message?: string;
      /** Extra top-level fields of the body, e.g. `current_status` of a refused transition. */
      fields?: Record<string, unknown>;
      retryAfterSeconds?: number;
      closeConnection?: boolean;
    } = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return errorStatuses[this.code];
  }

  /** The JSON answer: its code's status, never cached, with Retry-After or Connection: close when the error says so. */
  toResponse(): Response {
    const headers = new Headers({ "cache-control": "no-store" });
    if (this.extra.retryAfterSeconds) headers.set("retry-after", String(this.extra.retryAfterSeconds));
    if (this.extra.closeConnection) headers.set("connection", "close");
    return Response.json(this.toBody(), { status: this.status, headers });
  }

  toBody(): Record<string, unknown> {
    const { message: hint, details, fields } = this.extra;
    return {
      error: this.message,
      ...(hint ? { message: hint } : {}),
      code: this.code,
      ...fields,
      ...(details ? { details } : {}),
    };
  }
}

export const leadNotFound = () => new AppError("lead_not_found", "Lead not found or does not belong to your account");

export const meetingNotFound = () => new AppError("meeting_not_found", "Meeting not found or not owned by your account");

export const webhookNotFound = () => new AppError("webhook_not_found", "Webhook not found or does not belong to your account");

export const deliveryNotFound = () => new AppError("delivery_not_found", "Delivery not found or does not belong to this webhook");

export const noSuchEndpoint = () => new AppError("not_found", "No such endpoint");

export const validationFailed = (details: FieldIssue[]) =>
  new AppError("validation_failed", "Validation failed", { details });

export const RETRY_AFTER_SECONDS = 5;

export const serviceUnavailable = () =>
  new AppError("service_unavailable", "Service temporarily unavailable", {
    message: "The database cannot be reached right now; retry shortly",
    retryAfterSeconds: RETRY_AFTER_SECONDS,
  });

// Error codes that mean "the database cannot be reached" rather than "the query was wrong":
// postgres.js's own connection codes, socket errors, and SQLSTATE class 08 / 57P0x (shutdown, starting up).
const UNREACHABLE_CODES = new Set([
  "CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED",
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH",
  "57P01", "57P02", "57P03",
]);

/** The error and those it wraps, outermost first: drizzle wraps the driver's error in its own. */
function* errorAndCauses(error: unknown): Generator<unknown> {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    yield current;
    current = (current as { cause?: unknown }).cause;
  }
}

/** Whether an error (or one it wraps) says the database is unreachable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const current of errorAndCauses(error)) {
    if (current instanceof AppError) return current.code === "service_unavailable";
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && (UNREACHABLE_CODES.has(code) || code.startsWith("08"))) return true;
  }
  return false;
}

/** The constraint a foreign-key violation (SQLSTATE 23503) names, in an error or one it wraps; else null. */
export function violatedForeignKey(error: unknown): string | null {
  for (const current of errorAndCauses(error)) {
    const { code, constraint_name: postgresJs, constraint: pglite } = current as { code?: unknown; constraint_name?: string; constraint?: string };
    if (code === "23503") return postgresJs ?? pglite ?? null;
  }
  return null;
}

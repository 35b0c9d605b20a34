export const errorStatuses = {
  missing_api_key: 401,
  invalid_api_key: 401,
  unauthenticated: 401,
  invalid_json: 400,
  validation_failed: 400,
  lead_not_found: 404,
  not_found: 404,
  method_not_allowed: 405,
  external_event_conflict: 409,
  payload_too_large: 413,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof errorStatuses;
export type FieldIssue = { field: string; message: string };

/** The one error type of the service layer: a stable code, a sentence for people, optional extras. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { details?: FieldIssue[]; message?: string } = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return errorStatuses[this.code];
  }

  toBody(): Record<string, unknown> {
    const { message: hint, details } = this.extra;
    return {
      error: this.message,
      ...(hint ? { message: hint } : {}),
      code: this.code,
      ...(details ? { details } : {}),
    };
  }
}

export const leadNotFound = () => new AppError("lead_not_found", "Lead not found or does not belong to your account");

export const validationFailed = (details: FieldIssue[]) =>
  new AppError("validation_failed", "Validation failed", { details });

import { z } from "zod";
import { validationFailed, type FieldIssue } from "./errors";
import { isHttpUrl } from "./url";

// In the browser zod must not probe for eval (new Function): the page's CSP forbids it and reports each
// attempt. Every schema module imports this one first, so the setting precedes every schema.
if (typeof window !== "undefined") z.config({ jitless: true });

/** Turns zod issues into the API's `details`: one entry per bad field, `field` being the body path. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.join(".") : "body";
    if (seen.has(field)) continue;
    seen.add(field);
    issues.push({ field, message: issue.message });
  }
  return issues;
}

export function parseOrThrow<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw validationFailed(fieldIssues(result.error));
  return result.data;
}

const typeMessage = (expected: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? "is required" : `must be ${expected}`;

/**
 * Whether PostgreSQL can store the string: text cannot hold NUL, and an unpaired UTF-16 surrogate has
 * no UTF-8 form (jsonb rejects it; text would silently turn it into U+FFFD).
 */
export const isStorableText = (value: string) => !value.includes("\u0000") && value.isWellFormed();
export const STORABLE_TEXT_MESSAGE = "must not contain NUL characters or unpaired surrogates";

/** A string that can be stored as given: refused as a 400 here rather than by the database as a 500. */
export const storableString = () =>
  z.string({ error: typeMessage("a string") }).refine(isStorableText, STORABLE_TEXT_MESSAGE);

/** A trimmed string; `min`/`max` count characters after trimming. */
export const text = (options: { min?: number; max: number }) =>
  storableString()
    .trim()
    .min(options.min ?? 0, options.min === 1 ? "must not be empty" : `must be at least ${options.min} characters`)
    .max(options.max, `must be at most ${options.max} characters`);

/** An optional field that also accepts null; empty strings count as absent. */
export const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (value === null || (typeof value === "string" && value.trim() === "") ? undefined : value), schema.optional());

/** A JSON object (not an array, not null): what a body or a form's values must be. */
export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** An email as every lookup compares it: trimmed, lower case (the column side is `lower(email)`). */
export const normalizedEmail = (email: string) => email.trim().toLowerCase();

export const emailAddress = () =>
  storableString()
    .trim()
    .max(320, "must be at most 320 characters")
    .pipe(z.email("must be a valid email address"));

/** Loose UUID form on purpose: ids from other systems do not always carry RFC version bits. */
export const uuidString = () =>
  z.string({ error: typeMessage("a string") }).trim().pipe(z.guid("must be a UUID"));

export const isUuid = (value: string) => z.guid().safeParse(value).success;

export const httpUrl = () =>
  storableString()
    .trim()
    .max(2048, "must be at most 2048 characters")
    .refine(isHttpUrl, "must be an http or https URL");

export const enumOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: () => `must be one of: ${values.join(", ")}` });

/**
 * A query parameter that holds a whole number, as text of decimal digits only: Number() would also take
 * "0x10", "1e2" and " 1" (and z.coerce uses it).
 */
export const wholeNumberText = <S extends z.ZodType<number | undefined>>(schema: S) =>
  z.preprocess((value) => (typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value), schema);

/** A `limit` query parameter: a whole number from 1 to `max`, arriving as text; `fallback` when absent. */
export function pageLimit(max: number, fallback?: number): z.ZodType<number, unknown> {
  const message = `must be an integer from 1 to ${max}`;
  const limit = z.number({ error: () => message }).int(message).min(1, message).max(max, message);
  return wholeNumberText(fallback === undefined ? limit : limit.default(fallback));
}

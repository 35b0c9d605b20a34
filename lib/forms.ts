import type { z } from "zod";
import type { FieldIssue } from "./errors";
import { fieldIssues } from "./validation";

/** Field path → message, for showing each problem next to its input (`additional_attendees.0.email`). */
export type FieldErrors = Record<string, string>;

export const fieldErrorsFrom = (issues: FieldIssue[], prefix = ""): FieldErrors =>
  Object.fromEntries(issues.map((issue) => [`${prefix}${issue.field}`, issue.message]));

/** Why a dashboard form was not saved: per field, and for the form as a whole. */
export type FormFailure = { ok: false; fieldErrors: FieldErrors; formError: string | null };

/** What a dashboard server action answers: `ok` with its result, or the failure to show in the form. */
export type FormResult<T extends object = object> = ({ ok: true } & T) | FormFailure;

export const CORRECT_THE_FIELDS = "Please correct the highlighted fields.";

export const formFailure = (formError: string | null, fieldErrors: FieldErrors = {}): FormFailure => ({ ok: false, fieldErrors, formError });

/**
 * Checks form data against a shared schema, in the browser before sending and in the server action
 * again: the parsed value, or a failure naming each bad field (under `prefix`, e.g. "outcome.").
 */
export function parseForm<S extends z.ZodType>(schema: S, data: unknown, prefix = ""): { ok: true; data: z.output<S> } | FormFailure {
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, data: parsed.data };
  return formFailure(CORRECT_THE_FIELDS, fieldErrorsFrom(fieldIssues(parsed.error), prefix));
}

/**
 * The failure once the named fields were edited: their errors go (a field's nested ones too, so
 * "additional_attendees" clears "additional_attendees.0.email"), and the summary when none is left.
 */
export function withoutFieldErrors(failure: FormFailure | null, fields: string[]): FormFailure | null {
  const edited = (path: string) => fields.some((field) => path === field || path.startsWith(`${field}.`));
  if (!failure || !Object.keys(failure.fieldErrors).some(edited)) return failure;
  const fieldErrors = Object.fromEntries(Object.entries(failure.fieldErrors).filter(([path]) => !edited(path)));
  if (Object.keys(fieldErrors).length === 0 && failure.formError === CORRECT_THE_FIELDS) return null;
  return { ...failure, fieldErrors };
}

import type { FieldIssue } from "./errors";

/** Field path → message, for showing each problem next to its input (`additional_attendees.0.email`). */
export type FieldErrors = Record<string, string>;

export const fieldErrorsFrom = (issues: FieldIssue[]): FieldErrors =>
  Object.fromEntries(issues.map((issue) => [issue.field, issue.message]));

import "server-only";
import { AppError, isDatabaseUnavailable } from "./errors";
import { CORRECT_THE_FIELDS, fieldErrorsFrom, formFailure, type FormFailure } from "./forms";

/** The answer to arguments no form of ours sends (a forged or stale request): said plainly, never a 500. */
export const unreadableRequest = () => formFailure("This request could not be read. Reload the page and try again.");

/**
 * A service error as the form shows it: field errors next to their fields, a refused or stale action as
 * a sentence. Anything else is rethrown (a redirect to sign-in, or a bug that must not pass silently).
 */
export function failureFromError(error: unknown): FormFailure {
  if (isDatabaseUnavailable(error)) {
    return formFailure("The service is briefly unavailable, so nothing was saved. Please try again in a minute.");
  }
  if (!(error instanceof AppError)) throw error;
  switch (error.code) {
    case "validation_failed":
      return formFailure(CORRECT_THE_FIELDS, fieldErrorsFrom(error.extra.details ?? []));
    case "lead_not_found":
      return formFailure("This lead no longer exists in your account.");
    case "meeting_not_found":
      return formFailure("This meeting no longer exists in your account.");
    case "webhook_not_found":
      return formFailure("This webhook endpoint no longer exists in your account.");
    case "delivery_not_found":
      return formFailure("This delivery no longer exists.");
    case "endpoint_disabled":
      return formFailure("This endpoint is disabled. Enable it before sending to it.");
    case "edit_conflict":
      return formFailure("Someone changed this lead while the form was open, so nothing was saved. Close the form and open it again to edit the current details.");
    case "invalid_transition":
      return formFailure(`${error.message}. Someone may have changed it meanwhile; the page now shows its current state.`);
    default:
      throw error;
  }
}

import { readBack, readBackTemplates } from "@/lib/i18n/read-back";
import english from "@/messages/en/webhooks.json" with { type: "json" };

// A failed attempt's error is stored in English, as the public API returns it. The sentences our delivery
// code writes (lib/webhooks/delivery.ts, lib/webhooks/url-guard.ts) are entries of "webhooks.attemptErrors",
// read back against the English catalogue and shown in the rep's language; anything else (a network error
// from Node, "HTTP 500") is shown as it is.

type Key = keyof typeof english.attemptErrors;
export type AttemptErrorTranslator = (key: Key, values: Record<string, string>) => string;

const templates = readBackTemplates(Object.entries(english.attemptErrors) as [Key, string][]);

/** The stored `error` of an attempt in the rep's language, or as it is when our code did not write it. */
export function localizeAttemptError(error: string, translate: AttemptErrorTranslator): string {
  const found = readBack(error, templates);
  return found ? translate(found.key, found.values) : error;
}

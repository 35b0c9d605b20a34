import english from "@/messages/en/validation.json" with { type: "json" };
import { readBack, readBackTemplates } from "./read-back";

// The shared zod schemas and the service speak English: the public API returns their messages as they
// are. The dashboard shows them in the rep's language by reading each message back against the English
// catalogue (messages/en/validation.json), whose entries are the very sentences the code produces with
// their variable parts as {placeholders}, and answering with the same entry of the rep's catalogue. A
// placeholder's value is read back the same way, so "Cannot {action} a meeting that is {state}" translates
// its action and state too. tests/unit/localize-message.test.ts pins every message the forms can show.

type Group = keyof Omit<typeof english, "fieldError">;

// Placeholders that hold a whole clause ({refusal}, {why}, {problem}, {gap}) match anything; the rest hold one
// value (a time, a number, a state) and never span parentheses or a semicolon, so a clause is never
// mistaken for a value: "must be after the start (02:30 does not exist …)" is not "{wall} does not exist …".
const clauses = new Set(["refusal", "why", "problem", "gap"]);
const placeholderPattern = (name: string) => (clauses.has(name) ? "(.+)" : "([^();]+?)");

const templates = readBackTemplates(
  (["field", "form", "word"] as const).flatMap((group) =>
    Object.entries(english[group] as Record<string, string>).map(([name, text]): [`${Group}.${string}`, string] => [`${group}.${name}`, text]),
  ),
  placeholderPattern,
);

export type MessageTranslator = (key: string, values?: Record<string, string>) => string;

/** `message` in the rep's language, or as it is when no catalogue entry produces it (data, say). */
export function localizeMessage(message: string, translate: MessageTranslator): string {
  const found = readBack(message, templates);
  if (!found) return message;
  const values = Object.fromEntries(Object.entries(found.values).map(([param, value]) => [param, localizeMessage(value, translate)]));
  return translate(found.key, values);
}

/** Whether the English catalogue produces `message`: what the catalogue test checks for every message a form can show. */
export const isCatalogued = (message: string) => templates.some((template) => template.pattern.test(message));

import english from "@/messages/en/validation.json" with { type: "json" };

// The shared zod schemas and the service speak English: the public API returns their messages as they
// are. The dashboard shows them in the rep's language by reading each message back against the English
// catalogue (messages/en/validation.json), whose entries are the very sentences the code produces with
// their variable parts as {placeholders}, and answering with the same entry of the rep's catalogue. A
// placeholder's value is read back the same way, so "Cannot {action} a meeting that is {state}" translates
// its action and state too. tests/unit/localize-message.test.ts pins every message the forms can show.

type Group = keyof Omit<typeof english, "fieldError">;
type Template = { key: `${Group}.${string}`; pattern: RegExp; params: string[]; literalLength: number };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// Placeholders that hold a whole clause ({refusal}, {why}, {problem}, {gap}) match anything; the rest hold one
// value (a time, a number, a state) and never span parentheses or a semicolon, so a clause is never
// mistaken for a value: "must be after the start (02:30 does not exist …)" is not "{wall} does not exist …".
const clauses = new Set(["refusal", "why", "problem", "gap"]);
const placeholderPattern = (name: string) => (clauses.has(name) ? "(.+)" : "([^();]+?)");

function compile(): Template[] {
  const templates: Template[] = [];
  for (const group of ["field", "form", "word"] as const) {
    for (const [name, text] of Object.entries(english[group] as Record<string, string>)) {
      const params = [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const literals = text.split(/\{\w+\}/).map(escape);
      const source = literals.map((literal, index) => (index === 0 ? literal : placeholderPattern(params[index - 1]) + literal)).join("");
      templates.push({ key: `${group}.${name}`, pattern: new RegExp(`^${source}$`), params, literalLength: text.replace(/\{\w+\}/g, "").length });
    }
  }
  // The most specific sentence wins: "must be a string" before "must be {expected}".
  return templates.sort((a, b) => b.literalLength - a.literalLength);
}

const templates = compile();

export type MessageTranslator = (key: string, values?: Record<string, string>) => string;

/** `message` in the rep's language, or as it is when no catalogue entry produces it (data, say). */
export function localizeMessage(message: string, translate: MessageTranslator): string {
  for (const template of templates) {
    const match = template.pattern.exec(message);
    if (!match) continue;
    const values = Object.fromEntries(template.params.map((param, index) => [param, localizeMessage(match[index + 1], translate)]));
    return translate(template.key, values);
  }
  return message;
}

/** Whether the English catalogue produces `message`: what the catalogue test checks for every message a form can show. */
export const isCatalogued = (message: string) => templates.some((template) => template.pattern.test(message));

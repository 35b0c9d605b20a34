// Reading a sentence the code wrote in English back to the catalogue entry that says it: each entry's English
// text, its {placeholders} turned into capture groups, matched against the sentence. Used for the schemas'
// validation messages (localize-message.ts) and for webhook delivery errors (components/webhooks/attempt-error.ts).

export type ReadBackTemplate<Key extends string> = { key: Key; params: string[]; pattern: RegExp; literalLength: number };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * One template per catalogue entry, the most specific first ("must be a string" before "must be {expected}").
 * `placeholder` gives the pattern a placeholder's value may match; any text by default.
 */
export function readBackTemplates<Key extends string>(
  entries: [Key, string][],
  placeholder: (name: string) => string = () => "(.+)",
): ReadBackTemplate<Key>[] {
  return entries
    .map(([key, text]) => {
      const params = [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const literals = text.split(/\{\w+\}/).map(escape);
      const source = literals.map((literal, index) => (index === 0 ? literal : placeholder(params[index - 1]) + literal)).join("");
      return { key, params, pattern: new RegExp(`^${source}$`), literalLength: text.replace(/\{\w+\}/g, "").length };
    })
    .sort((a, b) => b.literalLength - a.literalLength);
}

/** The first template that produces `sentence`, with its placeholders' values; null when none does. */
export function readBack<Key extends string>(sentence: string, templates: ReadBackTemplate<Key>[]): { key: Key; values: Record<string, string> } | null {
  for (const template of templates) {
    const match = template.pattern.exec(sentence);
    if (match) return { key: template.key, values: Object.fromEntries(template.params.map((param, index) => [param, match[index + 1]])) };
  }
  return null;
}

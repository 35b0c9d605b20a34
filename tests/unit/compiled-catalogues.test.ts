import compile from "icu-minify/compile";
import format from "icu-minify/format";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { intlLocale, type Locale } from "@/lib/i18n/locales";
import { catalogues } from "@/messages";

// The dashboard formats its messages compiled (messages/compiled.ts with next-intl's format-only formatter,
// next.config.ts), while the catalogues are written, and tested elsewhere, as ICU text. This pins the two equal:
// every message of both languages, compiled and formatted, reads exactly as the ICU parser and formatter read it.

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ""): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === "string" ? [[`${prefix}${key}`, value]] : leaves(value, `${prefix}${key}.`)));

/** Values for the message's arguments: each plural with one and with several, the rest as a word; tags wrap. */
function sampleValues(text: string): Record<string, unknown>[] {
  const plurals = [...text.matchAll(/\{(\w+),\s*plural/g)].map((match) => match[1]);
  const simple = [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).filter((name) => !plurals.includes(name));
  const tags = [...text.matchAll(/<(\w+)>/g)].map((match) => match[1]);
  const base = {
    ...Object.fromEntries(simple.map((name) => [name, `«${name}»`])),
    ...Object.fromEntries(tags.map((name) => [name, (chunks: unknown[]) => `[${name}:${chunks.join("")}]`])),
  };
  return [1, 3, 1_234].map((count) => ({ ...base, ...Object.fromEntries(plurals.map((name) => [name, count])) }));
}

const formatters = {
  getDateTimeFormat: (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args),
  getNumberFormat: (...args: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...args),
  getPluralRules: (...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args),
};
const asText = (result: unknown) => (Array.isArray(result) ? result.join("") : String(result));

const cases = (Object.keys(catalogues) as Locale[]).flatMap((locale) =>
  leaves(catalogues[locale] as unknown as Tree).map(([key, text]) => ({ locale, key, text })),
);

describe("compiled catalogues", () => {
  it("cover every message of both languages", () => {
    expect(cases.length).toBeGreaterThan(600);
  });

  it.each(cases)("$locale $key reads the same compiled", ({ locale, text }) => {
    for (const values of sampleValues(text)) {
      const parsed = asText(new IntlMessageFormat(text, intlLocale[locale]).format(values as never));
      const compiled = asText(format(compile(text), intlLocale[locale], values as never, { formatters }));
      expect(compiled).toBe(parsed);
    }
  });
});

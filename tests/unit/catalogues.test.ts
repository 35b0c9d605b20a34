import { describe, expect, it } from "vitest";
import { catalogues } from "@/messages";

const flatten = (value: unknown, prefix = ""): [string, string][] =>
  typeof value === "string"
    ? [[prefix, value]]
    : Object.entries(value as object).flatMap(([key, inner]) => flatten(inner, prefix ? `${prefix}.${key}` : key));

const english = new Map(flatten(catalogues.en));
const spanish = new Map(flatten(catalogues.es));
// Words that are the same in Latin American Spanish: product terms integrators know, and "No".
const sameInBoth = new Set(["Leads", "Webhooks", "Endpoints", "Endpoint {url}", "API", "API ({name})", "Manual", "No"]);
// "must be {expected}": the value is the schema's English ("a string"), so the Spanish says it without it.
const dropsEnglishValue = new Set(["validation.field.mustBe"]);
const placeholders = (message: string) => [...message.matchAll(/\{(\w+)[,}]/g)].map((match) => match[1]).sort();

describe("the message catalogues", () => {
  it("have the same keys in English and Spanish", () => {
    expect([...spanish.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each([...english])("%s is translated, not copied", (key, text) => {
    if (!sameInBoth.has(text)) expect(spanish.get(key)).not.toBe(text);
  });

  it.each([...english].filter(([key]) => !dropsEnglishValue.has(key)))("%s takes the same values in both languages", (key, text) => {
    expect(placeholders(spanish.get(key) ?? "")).toEqual(placeholders(text));
  });
});

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The dashboard's words live in messages/{en,es}/*.json. This reads every page and component for text
// written straight into JSX or into an attribute people read, which would stay English in Spanish.

const roots = ["app", "components"];
const skipped = [/^app\/api\//, /^app\/docs\//];
// Not words of the interface: the product's name, and symbols.
const allowed = new Set(["Nexor", "Meetings", "Nexor Meetings"]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return file.endsWith(".tsx") ? [file] : [];
  });
}

function hardcodedTexts(source: string): string[] {
  const code = source.replace(/\{\s*\/\*[\s\S]*?\*\/\s*\}/g, "").replace(/^\s*\/\/.*$/gm, "");
  const jsxText = [...code.matchAll(/(?<![=-])>([^<>{}`]*[A-Za-z]{2}[^<>{}`]*)</g)].map((match) => match[1].trim());
  const attributes = [...code.matchAll(/\b(?:aria-label|title|placeholder|alt|label)="([^"]*[A-Za-z]{2}[^"]*)"/g)].map((match) => match[1].trim());
  // JSX text and arrow functions share ">": keep what reads like words, not code.
  // Example URLs read the same in every language.
  return [...jsxText, ...attributes].filter((text) => text && !/[=;()]|=>|&&/.test(text) && !/^https?:\/\//.test(text) && !allowed.has(text));
}

describe("dashboard text comes from the catalogue", () => {
  const files = roots.flatMap((root) => sourceFiles(root)).filter((file) => !skipped.some((pattern) => pattern.test(file)));

  it("reads the pages and components", () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files)("%s writes no interface text of its own", (file) => {
    expect(hardcodedTexts(fs.readFileSync(file, "utf8"))).toEqual([]);
  });
});

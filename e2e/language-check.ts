import type { Page } from "@playwright/test";
import { catalogues } from "@/messages";

// What a Spanish page must not show: a message key (next-intl prints "namespace.key" for a missing
// message) or a sentence of the English catalogue whose Spanish differs (a string that was never
// moved to the catalogue, or a component that ignores the rep's language).

type Phrase = { key: string; text: string; whole: boolean };

const flatten = (value: unknown, prefix = ""): [string, string][] =>
  typeof value === "string"
    ? [[prefix, value]]
    : Object.entries(value as object).flatMap(([key, inner]) => flatten(inner, prefix ? `${prefix}.${key}` : key));

/** The literal runs of an ICU message, without its {placeholders} and plural branches' syntax. */
function literalRuns(message: string): string[] {
  let depth = 0;
  let run = "";
  const runs: string[] = [];
  for (const char of message) {
    if (char === "{") {
      if (depth === 0) runs.push(run), (run = "");
      depth++;
    } else if (char === "}") depth--;
    else if (depth === 0) run += char;
  }
  runs.push(run);
  return runs.map((text) => text.trim()).filter((text) => /[A-Za-z]{2}/.test(text));
}

const spanish = new Map(flatten(catalogues.es));

/** English phrases whose Spanish differs: whole messages, and the literal runs of messages with placeholders. */
export const englishPhrases: Phrase[] = flatten(catalogues.en)
  .filter(([key, text]) => spanish.get(key) !== text)
  .flatMap(([key, text]) => {
    const runs = literalRuns(text);
    const whole = runs.length === 1 && runs[0] === text.trim();
    return runs.map((run) => ({ key, text: run, whole }));
  });

export const catalogueKeys = new Set(flatten(catalogues.en).map(([key]) => key));

/** Every text a rep can see or hear on the page: visible text nodes, labels read by screen readers, and the title. */
export async function shownTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"].includes(parent.tagName)) continue;
      if (!parent.checkVisibility() && !parent.closest(".sr-only")) continue;
      texts.push(node.textContent ?? "");
    }
    for (const element of document.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
      for (const name of ["aria-label", "title", "placeholder", "alt"]) {
        const value = element.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    return texts.map((text) => text.replace(/\s+/g, " ").trim()).filter(Boolean);
  });
}

/** What on the page is English or a bare message key, with the catalogue key it came from. */
export function untranslated(texts: string[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    if (catalogueKeys.has(text) || /^(common|auth|pages|leads|meetings|meetingForms|history|webhooks|validation)\.[\w.]+$/.test(text)) {
      found.add(`message key shown: ${text}`);
    }
    for (const phrase of englishPhrases) {
      const words = phrase.text.split(" ").length;
      const shown = phrase.whole ? text === phrase.text || (words >= 3 && text.includes(phrase.text)) : words >= 3 && text.includes(phrase.text);
      if (shown) found.add(`English (${phrase.key}): ${text}`);
    }
  }
  return [...found];
}

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

const RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/**
 * Serious and critical axe violations on the page as it is now, one line each, with where they are;
 * `within` narrows the scan to one part (an open dialog), for speed when the page around it was scanned already.
 */
export async function seriousViolations(page: Page, options: { within?: string } = {}): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(RULE_TAGS);
  const { violations } = await (options.within ? builder.include(options.within) : builder).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(", ")}`);
}

import "server-only";
import compile from "icu-minify/compile";
import type { Locale } from "@/lib/i18n/locales";
import { catalogues, type Messages } from "./index";

// The catalogues as the dashboard formats them: every ICU message compiled once, when the server starts, so
// neither the server nor the browser parses messages per render, and the browser is sent next-intl's small
// formatter instead of the ICU parser (next.config.ts aliases use-intl/format-message to its format-only
// build, as next-intl's own `precompile` option does for catalogues it loads). The English sources stay
// as they are for the code that reads messages back (lib/i18n/localize-message.ts).

type Tree = { [key: string]: string | Tree };

function compileTree(tree: Tree): Tree {
  return Object.fromEntries(
    Object.entries(tree).map(([key, value]) => [key, typeof value === "string" ? (compile(value) as unknown as string) : compileTree(value)]),
  );
}

// Same keys as the sources, so the typed keys still hold; the leaves are compiled messages. Through JSON, as
// next-intl's own loader does: the compiler's plural branches have no prototype, which React refuses to
// pass to the browser.
export const compiledCatalogues = Object.fromEntries(
  Object.entries(catalogues).map(([locale, messages]) => [locale, JSON.parse(JSON.stringify(compileTree(messages as unknown as Tree))) as Messages]),
) as Record<Locale, Messages>;

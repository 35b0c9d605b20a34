import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { catalogues, type Messages } from "@/messages";

// next-intl's server functions need a Next.js request; tests that call the service or a server action
// directly get the English catalogue through the same translator next-intl uses (vitest.config.ts).
export async function getLocale(): Promise<Locale> {
  return "en";
}

export async function getTranslations(namespace?: string) {
  return createTranslator({ locale: "en", messages: catalogues.en as Messages, namespace: namespace as never });
}

import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { compiledCatalogues } from "@/messages/compiled";
import { currentRep } from "@/lib/auth/session";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { resolveLocale } from "@/lib/i18n/negotiate";

/** Once per request: the rep's saved language, else this browser's, else Accept-Language (lib/i18n/negotiate.ts). */
export default getRequestConfig(async () => {
  const [jar, requestHeaders, saved] = await Promise.all([cookies(), headers(), savedLocale()]);
  const locale = resolveLocale({ saved, cookie: jar.get(LOCALE_COOKIE)?.value, acceptLanguage: requestHeaders.get("accept-language") });
  return { locale, messages: compiledCatalogues[locale] };
});

// The error pages render while the database is down; then the browser's language is the best we have.
async function savedLocale(): Promise<string | null> {
  try {
    return (await currentRep())?.locale ?? null;
  } catch {
    return null;
  }
}

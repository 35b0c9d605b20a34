import Negotiator from "negotiator";
import { defaultLocale, isLocale, locales, type Locale } from "./locales";

/** The language to show: the rep's saved choice, else this browser's remembered one, else its Accept-Language, else English. */
export function resolveLocale(params: { saved?: string | null; cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(params.saved)) return params.saved;
  if (isLocale(params.cookie)) return params.cookie;
  const preferred = new Negotiator({ headers: { "accept-language": params.acceptLanguage ?? "" } }).language([...locales]);
  return isLocale(preferred) ? preferred : defaultLocale;
}

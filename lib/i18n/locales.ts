// The dashboard's languages. The public API stays in English whatever the rep chooses.
export const locales = ["en", "es"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

/** Remembers the language on this browser, for pages shown before sign-in; the rep's own choice is stored on their user. */
export const LOCALE_COOKIE = "nexor_locale";

export const isLocale = (value: unknown): value is Locale => typeof value === "string" && (locales as readonly string[]).includes(value);

/** The BCP 47 tag Intl formats with: US English, Latin American Spanish. */
export const intlLocale: Record<Locale, string> = { en: "en-US", es: "es-419" };

/** Each language named in itself, for the switch. */
export const localeNames: Record<Locale, string> = { en: "English", es: "Español" };

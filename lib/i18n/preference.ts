import "server-only";
import { cookies } from "next/headers";
import { saveRepLocale, type Rep } from "@/lib/auth/session-store";
import { getDb } from "@/lib/db";
import { LOCALE_COOKIE, isLocale, type Locale } from "./locales";

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/** Remembers the language on this browser (the sign-in page reads it before anyone is signed in). */
export async function rememberLocaleOnBrowser(locale: Locale): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: YEAR_SECONDS });
}

/** The rep's choice of language, kept on their user so it follows them to every device. Unknown values are ignored. */
export async function chooseLocale(rep: Rep | null, value: unknown): Promise<void> {
  if (!isLocale(value)) return;
  if (rep) await saveRepLocale(await getDb(), { userId: rep.userId, clientId: rep.clientId, locale: value });
  await rememberLocaleOnBrowser(value);
}

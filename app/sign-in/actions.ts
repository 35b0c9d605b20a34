"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { safeReturnPath } from "@/lib/auth/routing";
import { presentedSessionToken, setSessionCookie } from "@/lib/auth/session";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { getDb } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/locales";
import { rememberLocaleOnBrowser } from "@/lib/i18n/preference";
import { storableString } from "@/lib/validation";

/** `error` names a message of the "auth.signIn.errors" catalogue. */
export type SignInState = { error: "invalidCredentials" | "unavailable" | null; email: string };

const signInSchema = z.object({
  // Storable: an email PostgreSQL cannot compare (a NUL in it) is a wrong sign-in, not a 500.
  email: storableString().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
  timeZone: z.string().max(100).catch("UTC"),
  next: z.string().max(2048).catch("/leads"),
});

// One message for every failure, throttled or not, so the form does not reveal which emails have accounts.
const INVALID_CREDENTIALS = "invalidCredentials";
const UNAVAILABLE = "unavailable";

export async function signIn(_previous: SignInState, formData: FormData): Promise<SignInState> {
  // An action can be called with anything a client sends, not only what our form sends.
  if (!(formData instanceof FormData)) return { error: INVALID_CREDENTIALS, email: "" };
  const submitted = signInSchema.safeParse(Object.fromEntries(formData));
  const email = String(formData.get("email") ?? "").slice(0, 320);
  if (!submitted.success) return { error: INVALID_CREDENTIALS, email };

  try {
    const db = await getDb();
    // The connecting address as scripts/serve.ts stamps it (replacing any a client sent).
    const address = (await headers()).get("x-nexor-client-ip") ?? "unknown";
    const attempt = await attemptSignIn(db, { ...submitted.data, address, replacesToken: await presentedSessionToken() });
    if (!attempt.ok) return { error: INVALID_CREDENTIALS, email };
    await setSessionCookie(attempt.session);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { error: UNAVAILABLE, email };
    throw error;
  }
  redirect(safeReturnPath(submitted.data.next));
}

/** The language chosen on the sign-in page, remembered on this browser until a rep signs in with one of their own. */
export async function chooseSignInLanguage(locale: string) {
  if (isLocale(locale)) await rememberLocaleOnBrowser(locale);
}

"use server";

import { redirect } from "next/navigation";
import { currentRep, endEverySession, endSession } from "@/lib/auth/session";
import { chooseLocale } from "@/lib/i18n/preference";

export async function signOut() {
  await endSession();
  redirect("/sign-in");
}

/** Ends the rep's sessions on every device (a lost phone, a shared computer), this one included. */
export async function signOutEverywhere() {
  const rep = await currentRep();
  if (rep) await endEverySession(rep);
  else await endSession();
  redirect("/sign-in");
}

/** The rep's dashboard language, remembered for them on every device; the page re-renders in it. */
export async function chooseLanguage(locale: string) {
  await chooseLocale(await currentRep(), locale);
}

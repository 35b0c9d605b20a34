"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { safeReturnPath } from "@/lib/auth/routing";
import { startSession } from "@/lib/auth/session";
import { verifyRepCredentials } from "@/lib/auth/session-store";
import { getDb } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/errors";

export type SignInState = { error: string | null; email: string };

const signInSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
  timeZone: z.string().max(100).catch("UTC"),
  next: z.string().max(2048).catch("/leads"),
});

// One message for every failure, so the form does not reveal which emails have accounts.
const INVALID_CREDENTIALS = "Incorrect email or password.";
const UNAVAILABLE = "We cannot sign you in right now because the service is briefly unavailable. Please try again in a minute.";

export async function signIn(_previous: SignInState, formData: FormData): Promise<SignInState> {
  // An action can be called with anything a client sends, not only what our form sends.
  if (!(formData instanceof FormData)) return { error: INVALID_CREDENTIALS, email: "" };
  const submitted = signInSchema.safeParse(Object.fromEntries(formData));
  const email = String(formData.get("email") ?? "").slice(0, 320);
  if (!submitted.success) return { error: INVALID_CREDENTIALS, email };

  try {
    const db = await getDb();
    const user = await verifyRepCredentials(db, submitted.data);
    if (!user) return { error: INVALID_CREDENTIALS, email };
    await startSession(db, { userId: user.id, clientId: user.clientId, timeZone: submitted.data.timeZone });
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { error: UNAVAILABLE, email };
    throw error;
  }
  redirect(safeReturnPath(submitted.data.next));
}

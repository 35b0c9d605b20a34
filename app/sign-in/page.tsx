import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Logo } from "@/components/ui/logo";
import { cardClass } from "@/components/ui/styles";
import { safeReturnPath } from "@/lib/auth/routing";
import { currentRep } from "@/lib/auth/session";
import { isDatabaseUnavailable } from "@/lib/errors";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeReturnPath((await searchParams).next);
  // During a database outage the form still renders; signing in then says the service is unavailable.
  const rep = await currentRep().catch((error) => {
    if (isDatabaseUnavailable(error)) return null;
    throw error;
  });
  if (rep) redirect(next);

  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <Logo className="text-lg" />
          <h1 className="mt-6 text-2xl font-semibold tracking-tight">Sign in to your workspace</h1>
          <p className="mt-1 text-sm text-slate-500">Find your leads and log the meetings you book.</p>
        </div>
        <div className={`${cardClass} p-6 sm:p-8`}>
          <SignInForm next={next} />
        </div>
      </div>
    </main>
  );
}

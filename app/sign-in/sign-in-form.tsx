"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { Field } from "@/components/ui/field";
import { inputClass, primaryButtonClass } from "@/components/ui/styles";
import { signIn, type SignInState } from "./actions";

export function SignInForm({ next }: { next: string }) {
  const t = useTranslations("auth.signIn");
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signIn, { error: null, email: "" });
  // Times are shown in the rep's own zone: the browser's, read after hydration (the server cannot know it).
  const [timeZone, setTimeZone] = useState("UTC");
  useEffect(() => setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);

  return (
    <form action={formAction} className="space-y-5">
      <input type="hidden" name="timeZone" value={timeZone} />
      <input type="hidden" name="next" value={next} />
      {state.error && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          {t(`errors.${state.error}`)}
        </p>
      )}
      <Field label={t("email")}>
        {(control) => (
          <input
            {...control}
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={state.email}
            key={state.email}
            className={inputClass}
          />
        )}
      </Field>
      <Field label={t("password")}>
        {(control) => <input {...control} name="password" type="password" autoComplete="current-password" required className={inputClass} />}
      </Field>
      <button type="submit" disabled={pending} className={`${primaryButtonClass} w-full py-2.5`}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}

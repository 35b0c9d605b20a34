"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { secondaryButtonClass } from "@/components/ui/styles";
import type { FormResult } from "@/lib/forms";
import { useLocalizedMessage } from "@/lib/i18n/use-localized-message";
import { SecretNotice } from "./secret-notice";

type SecretResult = FormResult<{ secret: string; url: string }>;

/** "Rotate secret": the old secret stops signing at once, the new one is shown once. */
export function RotateSecretButton({ action }: { action: () => Promise<SecretResult> }) {
  const t = useTranslations("webhooks.endpoint");
  const localize = useLocalizedMessage();
  const [result, run, pending] = useActionState(async () => action(), null);
  return (
    <div className="contents">
      <form
        action={run}
        onSubmit={(event) => {
          if (!window.confirm(t("confirmRotate"))) event.preventDefault();
        }}
      >
        <button type="submit" disabled={pending} className={`${secondaryButtonClass} px-2.5 py-1.5`}>
          {pending ? t("rotating") : t("rotate")}
        </button>
      </form>
      {result?.ok && (
        <div className="basis-full">
          <SecretNotice secret={result.secret} url={result.url} />
        </div>
      )}
      {result && !result.ok && <p role="alert" className="basis-full text-sm text-red-600">{result.formError && localize(result.formError)}</p>}
    </div>
  );
}

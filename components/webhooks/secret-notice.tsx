"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { secondaryButtonClass } from "@/components/ui/styles";

/** The signing secret, shown once, with a copy button. */
export function SecretNotice({ secret, url }: { secret: string; url: string }) {
  const t = useTranslations("webhooks.secret");
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
      <p className="font-medium">{t("heading", { url })}</p>
      <p className="mt-1">{t("body")}</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code data-testid="webhook-secret" className="rounded bg-white px-2 py-1 font-mono text-xs break-all ring-1 ring-amber-200">
          {secret}
        </code>
        <button
          type="button"
          className={`${secondaryButtonClass} px-2.5 py-1`}
          onClick={() => void navigator.clipboard?.writeText(secret).then(() => setCopied(true), () => setCopied(false))}
        >
          {copied ? t("copied") : t("copy")}
        </button>
      </div>
    </div>
  );
}

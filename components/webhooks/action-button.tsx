"use client";

import { useActionState } from "react";
import type { FormResult } from "@/lib/forms";
import { useLocalizedMessage } from "@/lib/i18n/use-localized-message";

type Props = { action: () => Promise<FormResult>; label: string; pendingLabel: string; className: string; confirm?: string };

/** A button running one server action, saying so while it runs and showing why it failed, if it did. */
export function ActionButton({ action, label, pendingLabel, className, confirm }: Props) {
  const [result, run, pending] = useActionState(async () => action(), null);
  const localize = useLocalizedMessage();
  return (
    <form
      action={run}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
      className="inline-flex flex-col items-start"
    >
      <button type="submit" disabled={pending} className={className}>
        {pending ? pendingLabel : label}
      </button>
      {result && !result.ok && (
        <p role="alert" className="mt-1 text-sm text-red-600">
          {result.formError && localize(result.formError)}
        </p>
      )}
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { secondaryButtonClass } from "@/components/ui/styles";
import type { FormResult } from "@/lib/forms";
import { SecretNotice } from "./secret-notice";

type SecretResult = FormResult<{ secret: string; url: string }>;

/** "Rotate secret": the old secret stops signing at once, the new one is shown once. */
export function RotateSecretButton({ action }: { action: () => Promise<SecretResult> }) {
  const [result, run, pending] = useActionState(async () => action(), null);
  return (
    <div className="contents">
      <form
        action={run}
        onSubmit={(event) => {
          if (!window.confirm("Rotate the signing secret? Deliveries are signed with the new one at once.")) event.preventDefault();
        }}
      >
        <button type="submit" disabled={pending} className={`${secondaryButtonClass} px-2.5 py-1.5`}>
          {pending ? "Rotating…" : "Rotate secret"}
        </button>
      </form>
      {result?.ok && (
        <div className="basis-full">
          <SecretNotice secret={result.secret} url={result.url} />
        </div>
      )}
      {result && !result.ok && <p role="alert" className="basis-full text-sm text-red-600">{result.formError}</p>}
    </div>
  );
}

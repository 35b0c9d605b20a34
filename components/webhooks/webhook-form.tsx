"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Field } from "@/components/ui/field";
import { cardClass, inputClass, primaryButtonClass } from "@/components/ui/styles";
import type { FormResult } from "@/lib/forms";
import { useLocalizedMessage } from "@/lib/i18n/use-localized-message";
import { webhookEventTypes } from "@/lib/webhooks/events";
import { SecretNotice } from "./secret-notice";

type SecretResult = FormResult<{ secret: string; url: string }>;
const emptyFields = { url: "", description: "", events: [...webhookEventTypes] as string[] };

type Props = { createAction: (previous: SecretResult | null, form: FormData) => Promise<SecretResult> };

/** "Add endpoint": URL, events and a description; after saving, the secret is shown once. */
export function WebhookForm({ createAction }: Props) {
  const t = useTranslations("webhooks.form");
  const localize = useLocalizedMessage();
  // Controlled, so a refused submission keeps what the rep typed (React resets a form after its action).
  const [fields, setFields] = useState(emptyFields);
  const [result, submit, pending] = useActionState(async (previous: SecretResult | null, form: FormData) => {
    const outcome = await createAction(previous, form);
    if (outcome.ok) setFields(emptyFields);
    return outcome;
  }, null);
  const errors = result && !result.ok ? result.fieldErrors : {};
  const toggleEvent = (type: string, checked: boolean) =>
    setFields((current) => ({ ...current, events: checked ? [...current.events, type] : current.events.filter((e) => e !== type) }));
  return (
    <section aria-labelledby="add-webhook" className={`${cardClass} space-y-4 p-5`}>
      <h2 id="add-webhook" className="text-base font-semibold">{t("heading")}</h2>
      {result?.ok && <SecretNotice secret={result.secret} url={result.url} />}
      <form action={submit} className="space-y-4">
        <Field label={t("url")} error={errors.url} hint={t("urlHint")}>
          {(control) => (
            <input
              {...control}
              name="url"
              type="url"
              required
              value={fields.url}
              onChange={(event) => setFields({ ...fields, url: event.target.value })}
              placeholder="https://crm.example.com/hooks/nexor"
              className={inputClass}
            />
          )}
        </Field>
        <EventsFieldset chosen={fields.events} error={errors.events} onToggle={toggleEvent} />
        <Field label={t("description")} error={errors.description}>
          {(control) => (
            <input
              {...control}
              name="description"
              maxLength={500}
              value={fields.description}
              onChange={(event) => setFields({ ...fields, description: event.target.value })}
              placeholder={t("descriptionPlaceholder")}
              className={inputClass}
            />
          )}
        </Field>
        {result && !result.ok && result.formError && (
          <p role="alert" className="text-sm text-red-600">{localize(result.formError)}</p>
        )}
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? t("adding") : t("submit")}
        </button>
      </form>
    </section>
  );
}

/** The events the endpoint receives, one checkbox each. */
function EventsFieldset({ chosen, error, onToggle }: { chosen: string[]; error?: string; onToggle: (type: string, checked: boolean) => void }) {
  const t = useTranslations("webhooks.form");
  const tv = useTranslations("validation");
  const localize = useLocalizedMessage();
  return (
    <fieldset aria-describedby={error ? "webhook-events-error" : undefined}>
      <legend className="text-sm font-medium text-slate-700">{t("events")}</legend>
      <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2">
        {webhookEventTypes.map((type) => (
          <label key={type} className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              name="events"
              value={type}
              checked={chosen.includes(type)}
              onChange={(event) => onToggle(type, event.target.checked)}
              className="size-4 rounded border-slate-300"
            />
            <code className="font-mono text-xs">{type}</code>
          </label>
        ))}
      </div>
      {error && (
        <p id="webhook-events-error" className="mt-1 text-sm text-red-600">
          {tv("fieldError", { label: t("events"), message: localize(error) })}
        </p>
      )}
    </fieldset>
  );
}

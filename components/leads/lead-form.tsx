"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Field } from "@/components/ui/field";
import { inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { useLocalizedMessage } from "@/lib/i18n/use-localized-message";
import { leadFormValues, type FindEmailOwnerAction, type LeadBody, type LeadFormLead, type SaveLeadResult } from "@/lib/leads/form";
import { DuplicateEmailNotice } from "./duplicate-email-notice";
import { MetadataFields } from "./metadata-fields";
import { useEmailOwner } from "./use-email-owner";
import { useLeadForm } from "./use-lead-form";

export type LeadFormProps = {
  mode: "create" | "edit";
  /** The lead to edit, or null for a new one. */
  lead: (LeadFormLead & { id: string }) | null;
  save: (body: LeadBody) => Promise<SaveLeadResult>;
  findEmailOwner: FindEmailOwnerAction;
  onSaved: (leadId: string) => void;
  onCancel: () => void;
};

type TextField = "firstName" | "lastName" | "email" | "phone" | "company";

export function LeadForm(props: LeadFormProps) {
  const t = useTranslations("leads.form");
  const localize = useLocalizedMessage();
  const { values, set, errors, rowErrors, formError, busy, submit, refusals } = useLeadForm({
    ...props, initialValues: leadFormValues(props.lead ?? undefined),
  });
  const owner = useEmailOwner(values.email, props.lead?.id ?? null, props.findEmailOwner);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (refusals) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  const text = (field: TextField, label: string, apiField: string, extra: { type?: string; autoComplete?: string; className?: string; autoFocus?: boolean } = {}) => (
    <Field label={label} error={errors[apiField]} className={extra.className}>
      {(control) => (
        <input
          {...control}
          type={extra.type ?? "text"}
          autoComplete={extra.autoComplete ?? "off"}
          autoFocus={extra.autoFocus}
          value={values[field]}
          onChange={(e) => set({ [field]: e.target.value })}
          className={inputClass}
        />
      )}
    </Field>
  );

  return (
    <form ref={form} onSubmit={submit} noValidate aria-label={props.mode === "create" ? t("newLead") : t("editLead")} className="space-y-4">
      {formError && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          {localize(formError)}
        </p>
      )}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        {/* The form loads after its dialog opened, so the dialog could not focus it itself. */}
        {text("firstName", t("firstName"), "first_name", { autoComplete: "given-name", autoFocus: true })}
        {text("lastName", t("lastName"), "last_name", { autoComplete: "family-name" })}
        {text("email", t("email"), "email", { type: "email" })}
        {text("phone", t("phone"), "phone", { type: "tel" })}
        {text("company", t("company"), "metadata.company", { className: "sm:col-span-2" })}
      </div>
      <DuplicateEmailNotice owner={owner} mode={props.mode} />
      <MetadataFields rows={values.metadata} rowErrors={rowErrors} error={errors.metadata} onChange={(metadata) => set({ metadata })} />
      <div className="flex flex-col-reverse gap-3 border-t border-slate-100 pt-4 sm:flex-row sm:justify-end">
        <button type="button" onClick={props.onCancel} className={secondaryButtonClass}>
          {t("cancel")}
        </button>
        <button type="submit" disabled={busy} className={primaryButtonClass}>
          {busy ? t("saving") : props.mode === "create" ? (owner ? t("createAnyway") : t("create")) : t("save")}
        </button>
      </div>
    </form>
  );
}

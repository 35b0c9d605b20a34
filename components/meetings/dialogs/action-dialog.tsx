"use client";

import { useTranslations } from "next-intl";
import type { FormEvent, ReactNode } from "react";
import { Dialog } from "@/components/ui/dialog";
import { dangerButtonClass, primaryButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { useLocalizedMessage } from "@/lib/i18n/use-localized-message";

/** A dialog holding one action's form: its fields, the form's error, and Close beside the action's button. */
export function ActionDialog(props: {
  title: string;
  description: ReactNode;
  submitLabel: string;
  closeLabel?: string;
  danger?: boolean;
  pending: boolean;
  formError: string | null;
  onSubmit: () => void;
  onClose: () => void;
  children?: ReactNode;
}) {
  const t = useTranslations("meetingForms.dialog");
  const localize = useLocalizedMessage();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    props.onSubmit();
  }
  return (
    <Dialog title={props.title} description={props.description} onClose={props.onClose}>
      <form onSubmit={submit} noValidate className="space-y-4">
        {props.formError && (
          <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
            {localize(props.formError)}
          </p>
        )}
        {props.children}
        <div className="flex flex-col-reverse gap-3 pt-2 sm:flex-row sm:justify-end">
          <button type="button" onClick={props.onClose} className={secondaryButtonClass}>
            {props.closeLabel ?? t("close")}
          </button>
          <button type="submit" disabled={props.pending} className={props.danger ? dangerButtonClass : primaryButtonClass}>
            {props.pending ? t("saving") : props.submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

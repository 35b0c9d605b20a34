"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { useLocalizedMessage } from "@/lib/i18n/use-localized-message";
import type { AttendeeRow } from "@/lib/meetings/log-form";

/** Additional attendees as rows of name and email; errors come per row (`error(key, "email")`). */
export function AttendeesFieldset(props: {
  rows: AttendeeRow[];
  onChange: (rows: AttendeeRow[]) => void;
  error: (key: number, field: "name" | "email") => string | undefined;
  groupError?: string;
}) {
  const t = useTranslations("meetingForms.attendees");
  const tv = useTranslations("validation");
  const localize = useLocalizedMessage();
  const { rows, onChange } = props;
  const update = (key: number, patch: Partial<AttendeeRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  return (
    <fieldset className="min-w-0 space-y-3">
      <legend className={labelClass}>{t("heading")}</legend>
      {props.groupError && <p className="text-sm text-red-600">{tv("fieldError", { label: t("attendees"), message: localize(props.groupError) })}</p>}
      {rows.map((row, index) => (
        <div key={row.key} className="grid grid-cols-1 items-start gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-[1fr_1fr_auto]" data-testid="attendee-row">
          <Field label={t("name", { position: index + 1 })} error={props.error(row.key, "name")}>
            {(control) => <input {...control} value={row.name} onChange={(e) => update(row.key, { name: e.target.value })} className={inputClass} />}
          </Field>
          <Field label={t("email", { position: index + 1 })} error={props.error(row.key, "email")}>
            {(control) => (
              <input {...control} type="email" value={row.email} onChange={(e) => update(row.key, { email: e.target.value })} className={inputClass} />
            )}
          </Field>
          <button type="button" onClick={() => onChange(rows.filter((other) => other.key !== row.key))} className={`${secondaryButtonClass} sm:mt-6`}>
            {t("remove")}<span className="sr-only"> {t("removeWhich", { position: index + 1 })}</span>
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...rows, { key: Date.now() + Math.random(), name: "", email: "" }])} className={secondaryButtonClass}>
        {t("add")}
      </button>
    </fieldset>
  );
}

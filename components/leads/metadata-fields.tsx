"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { useLocalizedMessage } from "@/lib/i18n/use-localized-message";
import type { MetadataRow } from "@/lib/leads/form";

/** Free key/value details of a lead, one row each; a row's error sits under it, tied to both inputs. */
export function MetadataFields(props: {
  rows: MetadataRow[];
  rowErrors: Record<number, string>;
  error?: string;
  onChange: (rows: MetadataRow[]) => void;
}) {
  const t = useTranslations("leads.details");
  const tv = useTranslations("validation");
  const localize = useLocalizedMessage();
  const headingId = useId();
  const update = (key: number, patch: Partial<MetadataRow>) =>
    props.onChange(props.rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const add = () => props.onChange([...props.rows, { key: Math.max(-1, ...props.rows.map((row) => row.key)) + 1, name: "", value: "" }]);

  return (
    <fieldset aria-labelledby={headingId} className="space-y-3">
      <legend id={headingId} className={labelClass}>
        {t("heading")}
      </legend>
      <p className="text-xs text-slate-500">{t("hint")}</p>
      {props.error && (
        <p className="text-sm text-red-600" data-testid="field-error">
          {tv("fieldError", { label: t("heading"), message: localize(props.error) })}
        </p>
      )}
      {props.rows.map((row, index) => (
        <MetadataRowFields
          key={row.key}
          row={row}
          position={index + 1}
          error={props.rowErrors[row.key]}
          onChange={(patch) => update(row.key, patch)}
          onRemove={() => props.onChange(props.rows.filter((other) => other.key !== row.key))}
        />
      ))}
      <button type="button" onClick={add} className={`${secondaryButtonClass} px-2.5 py-1.5`}>
        {t("add")}
      </button>
    </fieldset>
  );
}

function MetadataRowFields(props: {
  row: MetadataRow;
  position: number;
  error?: string;
  onChange: (patch: Partial<MetadataRow>) => void;
  onRemove: () => void;
}) {
  const t = useTranslations("leads.details");
  const tv = useTranslations("validation");
  const localize = useLocalizedMessage();
  const id = useId();
  const errorId = props.error ? `${id}-error` : undefined;
  const input = (part: "name" | "value") => (
    <>
      <label htmlFor={`${id}-${part}`} className="sr-only">
        {t(part === "name" ? "nameLabel" : "valueLabel", { position: props.position })}
      </label>
      <input
        id={`${id}-${part}`}
        value={props.row[part]}
        onChange={(e) => props.onChange({ [part]: e.target.value })}
        aria-invalid={Boolean(props.error)}
        aria-describedby={errorId}
        placeholder={t(part === "name" ? "namePlaceholder" : "valuePlaceholder")}
        className={inputClass}
      />
    </>
  );
  return (
    <div data-testid="metadata-row">
      <div className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)_auto] items-start gap-2">
        {input("name")}
        {input("value")}
        <button type="button" onClick={props.onRemove} className={`${secondaryButtonClass} px-2.5`} aria-label={t("remove", { position: props.position })}>
          <span aria-hidden>✕</span>
        </button>
      </div>
      {props.error && (
        <p id={errorId} className="mt-1 text-sm text-red-600" data-testid="field-error">
          {tv("fieldError", { label: t("detail", { position: props.position }), message: localize(props.error) })}
        </p>
      )}
    </div>
  );
}

"use client";

import { useId } from "react";
import { inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import type { MetadataRow } from "@/lib/leads/form";

/** Free key/value details of a lead, one row each; a row's error sits under it, tied to both inputs. */
export function MetadataFields(props: {
  rows: MetadataRow[];
  rowErrors: Record<number, string>;
  error?: string;
  onChange: (rows: MetadataRow[]) => void;
}) {
  const headingId = useId();
  const update = (key: number, patch: Partial<MetadataRow>) =>
    props.onChange(props.rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const add = () => props.onChange([...props.rows, { key: Math.max(-1, ...props.rows.map((row) => row.key)) + 1, name: "", value: "" }]);

  return (
    <fieldset aria-labelledby={headingId} className="space-y-3">
      <legend id={headingId} className={labelClass}>
        Other details
      </legend>
      <p className="text-xs text-slate-500">Anything else worth keeping, such as a job title or where the lead came from.</p>
      {props.error && (
        <p className="text-sm text-red-600" data-testid="field-error">
          Other details {props.error}
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
        Add detail
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
  const id = useId();
  const errorId = props.error ? `${id}-error` : undefined;
  const input = (part: "name" | "value", placeholder: string) => (
    <>
      <label htmlFor={`${id}-${part}`} className="sr-only">
        Detail {props.position} {part}
      </label>
      <input
        id={`${id}-${part}`}
        value={props.row[part]}
        onChange={(e) => props.onChange({ [part]: e.target.value })}
        aria-invalid={Boolean(props.error)}
        aria-describedby={errorId}
        placeholder={placeholder}
        className={inputClass}
      />
    </>
  );
  return (
    <div data-testid="metadata-row">
      <div className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)_auto] items-start gap-2">
        {input("name", "Name")}
        {input("value", "Value")}
        <button type="button" onClick={props.onRemove} className={`${secondaryButtonClass} px-2.5`} aria-label={`Remove detail ${props.position}`}>
          <span aria-hidden>✕</span>
        </button>
      </div>
      {props.error && (
        <p id={errorId} className="mt-1 text-sm text-red-600" data-testid="field-error">
          Detail {props.position} {props.error}
        </p>
      )}
    </div>
  );
}

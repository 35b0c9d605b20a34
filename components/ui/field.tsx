import { useTranslations } from "next-intl";
import { useId, type ReactNode } from "react";
import { useLocalizedMessage } from "@/lib/i18n/use-localized-message";
import { labelClass } from "./styles";

export type FieldControl = { id: string; "aria-invalid": boolean; "aria-describedby"?: string };

/**
 * A labelled control with its error (or hint) below it, tied to it by aria-describedby so screen
 * readers read "Title must not be empty" on the field itself; the schema's English message is shown in the rep's language. The control is rendered by `children`.
 */
export function Field(props: {
  label: string;
  error?: string;
  hint?: ReactNode;
  className?: string;
  children: (control: FieldControl) => ReactNode;
}) {
  const id = useId();
  const t = useTranslations("validation");
  const localize = useLocalizedMessage();
  const describedBy = props.error ? `${id}-error` : props.hint ? `${id}-hint` : undefined;
  return (
    <div className={`space-y-1.5 ${props.className ?? ""}`}>
      <label htmlFor={id} className={labelClass}>
        {props.label}
      </label>
      {props.children({ id, "aria-invalid": Boolean(props.error), "aria-describedby": describedBy })}
      {props.error ? (
        <p id={`${id}-error`} className="text-sm text-red-600" data-testid="field-error">
          {t("fieldError", { label: props.label, message: localize(props.error) })}
        </p>
      ) : (
        props.hint && (
          <p id={`${id}-hint`} className="text-xs text-slate-500">
            {props.hint}
          </p>
        )
      )}
    </div>
  );
}

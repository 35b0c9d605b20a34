"use client";

import { useTranslations } from "next-intl";
import { Disclosure } from "@/components/ui/disclosure";
import { Field } from "@/components/ui/field";
import { inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { useLocalizedMessage } from "@/lib/i18n/use-localized-message";
import type { LogFormStatus, LogFormValues } from "@/lib/meetings/log-form";
import { outcomeStartError } from "@/lib/meetings/outcome-schema";
import { humanizeFieldError, startInstant } from "@/lib/meetings/time-form";
import { detailFields, MeetingDetailsFields } from "./meeting-details-fields";
import { TimeFields } from "./time-fields";
import { useLogMeetingForm, type LogMeetingFormProps } from "./use-log-meeting-form";

const happened = (status: LogFormStatus) => status === "completed" || status === "no_show";

type FormPart = { values: LogFormValues; set: (patch: Partial<LogFormValues>) => void; error: (field: string) => string | undefined };

export function LogMeetingForm(props: LogMeetingFormProps & { onLogged: () => void; onCancel: () => void }) {
  const t = useTranslations("meetingForms.log");
  const localize = useLocalizedMessage();
  const { values, set, errors, formError, attendeeError, busy, submit } = useLogMeetingForm(props);
  const error = (field: string) => errors[field] && humanizeFieldError(errors[field]);
  const detailsHaveErrors = Object.keys(errors).some((field) => detailFields.includes(field.split(".")[0]));

  return (
    <form onSubmit={submit} noValidate aria-label={t("formLabel")} className="space-y-5">
      {formError && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          {localize(formError)}
        </p>
      )}
      <Field label={t("title")} error={error("title")}>
        {(control) => (
          <input {...control} value={values.title} onChange={(e) => set({ title: e.target.value })} className={inputClass} placeholder={t("titlePlaceholder")} />
        )}
      </Field>
      <TimeFields values={values} errors={errors} onChange={set} extra={<StatusField values={values} set={set} error={error} />} />
      {happened(values.status) && <OutcomeFields values={values} set={set} error={error} />}
      <Disclosure label={t("moreDetails")} summary={t("moreDetailsSummary")} forceOpen={detailsHaveErrors}>
        <MeetingDetailsFields values={values} errors={errors} set={set} options={props.options} attendeeError={attendeeError} />
      </Disclosure>

      <div className="flex flex-col-reverse gap-3 border-t border-slate-100 pt-4 sm:flex-row sm:justify-end">
        <button type="button" onClick={props.onCancel} className={secondaryButtonClass}>
          {t("cancel")}
        </button>
        <button type="submit" disabled={busy} className={primaryButtonClass}>
          {busy ? t("saving") : t("save")}
        </button>
      </div>
    </form>
  );
}

/** Upcoming (scheduled or confirmed) or already happened; a hint when the start has passed and it still says upcoming. */
function StatusField({ values, set, error }: FormPart) {
  const t = useTranslations("meetingForms.log");
  const tm = useTranslations("meetings");
  const start = startInstant(values);
  // Started, as the transition table counts it: an outcome could be recorded.
  const startHasPassed = start !== null && outcomeStartError(start, new Date()) === null;
  const passedHint = t("statusPassedHint", { completed: tm("status.completed"), noShow: tm("status.no_show") });
  return (
    <Field label={t("status")} error={error("status")} hint={startHasPassed && !happened(values.status) ? passedHint : undefined}>
      {(control) => (
        <select {...control} value={values.status} onChange={(e) => set({ status: e.target.value as LogFormStatus })} className={inputClass}>
          <optgroup label={tm("tabs.upcoming")}>
            <option value="scheduled">{tm("status.scheduled")}</option>
            <option value="confirmed">{t("statusConfirmed")}</option>
          </optgroup>
          <optgroup label={t("statusHappened")}>
            <option value="completed">{tm("status.completed")}</option>
            <option value="no_show">{tm("status.no_show")}</option>
          </optgroup>
        </select>
      )}
    </Field>
  );
}

/** A meeting that already happened: its no-show reason and its notes. */
function OutcomeFields({ values, set, error }: FormPart) {
  const t = useTranslations("meetingForms.log");
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      {values.status === "no_show" && (
        <Field label={t("noShowReason")} error={error("outcome.reason")} hint={t("noShowReasonHint")}>
          {(control) => <textarea {...control} rows={2} value={values.noShowReason} onChange={(e) => set({ noShowReason: e.target.value })} className={inputClass} />}
        </Field>
      )}
      <Field
        label={t("outcomeNotes")}
        error={error("outcome.notes")}
        hint={values.status === "completed" ? t("outcomeNotesCompletedHint") : t("outcomeNotesNoShowHint")}
        className={values.status === "completed" ? "sm:col-span-2" : ""}
      >
        {(control) => <textarea {...control} rows={2} value={values.outcomeNotes} onChange={(e) => set({ outcomeNotes: e.target.value })} className={inputClass} />}
      </Field>
    </div>
  );
}

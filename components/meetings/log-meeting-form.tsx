"use client";

import { Disclosure } from "@/components/ui/disclosure";
import { Field } from "@/components/ui/field";
import { inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import type { LogFormStatus } from "@/lib/meetings/log-form";
import { humanizeFieldError, startInstant } from "@/lib/meetings/time-form";
import { detailFields, MeetingDetailsFields } from "./meeting-details-fields";
import { TimeFields } from "./time-fields";
import { useLogMeetingForm, type LogMeetingFormProps } from "./use-log-meeting-form";

const happened = (status: LogFormStatus) => status === "completed" || status === "no_show";

export function LogMeetingForm(props: LogMeetingFormProps & { onLogged: () => void; onCancel: () => void }) {
  const { values, set, errors, formError, attendeeError, busy, submit } = useLogMeetingForm(props);
  const error = (field: string) => errors[field] && humanizeFieldError(errors[field]);
  const start = startInstant(values);
  const startHasPassed = start !== null && start.getTime() < Date.now();
  const detailsHaveErrors = Object.keys(errors).some((field) => detailFields.includes(field.split(".")[0]));

  return (
    <form onSubmit={submit} noValidate aria-label="Log meeting" className="space-y-5">
      {formError && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          {formError}
        </p>
      )}
      <Field label="Title" error={error("title")}>
        {(control) => (
          <input {...control} value={values.title} onChange={(e) => set({ title: e.target.value })} className={inputClass} placeholder="Discovery call" />
        )}
      </Field>
      <TimeFields
        values={values}
        errors={errors}
        onChange={set}
        extra={
          <Field
            label="Status"
            error={error("status")}
            hint={startHasPassed && !happened(values.status) ? "This time has passed: choose Completed or No-show to record how it went." : undefined}
          >
            {(control) => (
              <select {...control} value={values.status} onChange={(e) => set({ status: e.target.value as LogFormStatus })} className={inputClass}>
                <optgroup label="Upcoming">
                  <option value="scheduled">Scheduled</option>
                  <option value="confirmed">Confirmed by lead</option>
                </optgroup>
                <optgroup label="Already happened">
                  <option value="completed">Completed</option>
                  <option value="no_show">No-show</option>
                </optgroup>
              </select>
            )}
          </Field>
        }
      />
      {happened(values.status) && (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          {values.status === "no_show" && (
            <Field label="No-show reason" error={error("outcome.reason")} hint="Optional, e.g. “Did not join the call”.">
              {(control) => <textarea {...control} rows={2} value={values.noShowReason} onChange={(e) => set({ noShowReason: e.target.value })} className={inputClass} />}
            </Field>
          )}
          <Field
            label="Outcome notes"
            error={error("outcome.notes")}
            hint={values.status === "completed" ? "Optional: how it went, next steps." : "Optional: what you tried, the follow-up."}
            className={values.status === "completed" ? "sm:col-span-2" : ""}
          >
            {(control) => <textarea {...control} rows={2} value={values.outcomeNotes} onChange={(e) => set({ outcomeNotes: e.target.value })} className={inputClass} />}
          </Field>
        </div>
      )}
      <Disclosure label="More details" summary="Location, meeting link, host, type, description, attendees" forceOpen={detailsHaveErrors}>
        <MeetingDetailsFields values={values} errors={errors} set={set} options={props.options} attendeeError={attendeeError} />
      </Disclosure>

      <div className="flex flex-col-reverse gap-3 border-t border-slate-100 pt-4 sm:flex-row sm:justify-end">
        <button type="button" onClick={props.onCancel} className={secondaryButtonClass}>
          Cancel
        </button>
        <button type="submit" disabled={busy} className={primaryButtonClass}>
          {busy ? "Saving…" : "Save meeting"}
        </button>
      </div>
    </form>
  );
}

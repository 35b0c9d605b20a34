"use client";

import { Field } from "@/components/ui/field";
import { inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { locationTypes, type LocationType } from "@/db/enums";
import { locationTypeLabels } from "@/lib/meetings/display";
import type { LogFormValues } from "@/lib/meetings/log-form";
import { humanizeFieldError } from "@/lib/meetings/time-form";
import { AttendeesFieldset } from "./attendees-fieldset";
import { TimeFields } from "./time-fields";
import { useLogMeetingForm, type LogMeetingFormProps } from "./use-log-meeting-form";

export function LogMeetingForm(props: LogMeetingFormProps & { onLogged: () => void; onCancel: () => void }) {
  const { values, set, errors, formError, attendeeError, busy, submit } = useLogMeetingForm(props);
  const error = (field: string) => errors[field] && humanizeFieldError(errors[field]);

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
        timeZones={props.timeZones}
        extra={
          <Field label="Status" error={error("status")}>
            {(control) => (
              <select {...control} value={values.status} onChange={(e) => set({ status: e.target.value as LogFormValues["status"] })} className={inputClass}>
                <option value="scheduled">Scheduled</option>
                <option value="confirmed">Confirmed by lead</option>
              </select>
            )}
          </Field>
        }
      />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field label="Location type" error={error("location_type")}>
          {(control) => (
            <select {...control} value={values.locationType} onChange={(e) => set({ locationType: e.target.value as LocationType })} className={inputClass}>
              {locationTypes.map((type) => (
                <option key={type} value={type}>
                  {locationTypeLabels[type]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Location details" error={error("location_details")} hint="Address, dial-in or room.">
          {(control) => <input {...control} value={values.locationDetails} onChange={(e) => set({ locationDetails: e.target.value })} className={inputClass} />}
        </Field>
        <Field label="Meeting URL" error={error("meeting_url")} className="sm:col-span-2">
          {(control) => (
            <input
              {...control}
              type="url"
              inputMode="url"
              value={values.meetingUrl}
              onChange={(e) => set({ meetingUrl: e.target.value })}
              className={inputClass}
              placeholder="https://meet.example.com/…"
            />
          )}
        </Field>
        <Field label="Host" error={error("host_email")}>
          {(control) => (
            <select {...control} value={values.hostEmail} onChange={(e) => set({ hostEmail: e.target.value })} className={inputClass}>
              <option value="">No host</option>
              {props.options.hosts.map((host) => (
                <option key={host.email} value={host.email}>
                  {host.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Meeting type" error={error("meeting_type_id")}>
          {(control) => (
            <select {...control} value={values.meetingTypeId} onChange={(e) => set({ meetingTypeId: e.target.value })} className={inputClass}>
              <option value="">None</option>
              {props.options.meetingTypes.map((type) => (
                <option key={type.id} value={type.id}>
                  {type.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Description" error={error("description")} className="sm:col-span-2">
          {(control) => <textarea {...control} rows={3} value={values.description} onChange={(e) => set({ description: e.target.value })} className={inputClass} />}
        </Field>
      </div>
      <AttendeesFieldset
        rows={values.attendees}
        onChange={(attendees) => set({ attendees })}
        error={(key, field) => attendeeError(key, field)}
        groupError={errors.additional_attendees}
      />

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

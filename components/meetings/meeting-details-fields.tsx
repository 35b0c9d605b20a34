"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/styles";
import { locationTypes, type LocationType } from "@/db/enums";
import type { FieldErrors } from "@/lib/forms";
import type { MeetingFormOptions } from "@/lib/meetings/form-options";
import type { LogFormValues } from "@/lib/meetings/log-form";
import { humanizeFieldError } from "@/lib/meetings/time-form";
import { AttendeesFieldset } from "./attendees-fieldset";

/** The API fields these optional details cover, so an error among them opens the group. */
export const detailFields = ["location_type", "location_details", "meeting_url", "host_email", "meeting_type_id", "description", "additional_attendees"];

/** The log form's optional details: where, who hosts, what kind, a description and more attendees. */
export function MeetingDetailsFields(props: {
  values: LogFormValues;
  errors: FieldErrors;
  set: (patch: Partial<LogFormValues>) => void;
  options: MeetingFormOptions;
  attendeeError: (key: number, field: "name" | "email") => string | undefined;
}) {
  const t = useTranslations("meetingForms.details");
  const tm = useTranslations("meetings");
  const { values, set } = props;
  const error = (field: string) => props.errors[field] && humanizeFieldError(props.errors[field]);
  return (
    <div className="space-y-5">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field label={t("locationType")} error={error("location_type")}>
          {(control) => (
            <select {...control} value={values.locationType} onChange={(e) => set({ locationType: e.target.value as LocationType })} className={inputClass}>
              {locationTypes.map((type) => (
                <option key={type} value={type}>
                  {tm(`locationType.${type}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("locationDetails")} error={error("location_details")} hint={t("locationDetailsHint")}>
          {(control) => <input {...control} value={values.locationDetails} onChange={(e) => set({ locationDetails: e.target.value })} className={inputClass} />}
        </Field>
        <Field label={t("meetingUrl")} error={error("meeting_url")} className="sm:col-span-2">
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
        <Field label={t("host")} error={error("host_email")}>
          {(control) => (
            <select {...control} value={values.hostEmail} onChange={(e) => set({ hostEmail: e.target.value })} className={inputClass}>
              <option value="">{t("noHost")}</option>
              {props.options.hosts.map((host) => (
                <option key={host.email} value={host.email}>
                  {host.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("meetingType")} error={error("meeting_type_id")}>
          {(control) => (
            <select {...control} value={values.meetingTypeId} onChange={(e) => set({ meetingTypeId: e.target.value })} className={inputClass}>
              <option value="">{t("noMeetingType")}</option>
              {props.options.meetingTypes.map((type) => (
                <option key={type.id} value={type.id}>
                  {type.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("description")} error={error("description")} className="sm:col-span-2">
          {(control) => <textarea {...control} rows={3} value={values.description} onChange={(e) => set({ description: e.target.value })} className={inputClass} />}
        </Field>
      </div>
      <AttendeesFieldset
        rows={values.attendees}
        onChange={(attendees) => set({ attendees })}
        error={props.attendeeError}
        groupError={props.errors.additional_attendees}
      />
    </div>
  );
}

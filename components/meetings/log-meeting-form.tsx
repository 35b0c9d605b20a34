"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { logMeetingAction } from "@/app/(dashboard)/leads/[id]/actions";
import { inputClass, labelClass, primaryButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { locationTypes, type LocationType } from "@/db/enums";
import { fieldErrorsFrom, type FieldErrors } from "@/lib/forms";
import { locationTypeLabels } from "@/lib/meetings/display";
import type { MeetingFormOptions } from "@/lib/meetings/form-options";
import { meetingInputSchema } from "@/lib/meetings/schema";
import { timelineTabLabels, type TimelineTab } from "@/lib/meetings/timeline";
import { fieldIssues } from "@/lib/validation";
import { selectTimelineTab } from "./timeline-tabs";

type AttendeeRow = { key: number; name: string; email: string };
type FormValues = {
  title: string;
  startsAt: string;
  endMode: "duration" | "end";
  durationMinutes: string;
  endsAt: string;
  timezone: string;
  status: "scheduled" | "confirmed";
  locationType: LocationType;
  locationDetails: string;
  meetingUrl: string;
  hostEmail: string;
  meetingTypeId: string;
  description: string;
  attendees: AttendeeRow[];
};

// The schema speaks API field names; the form shows them as people read them.
const humanize = (message: string) =>
  message.replace(/\bstarts_at\b/g, "the start").replace(/\bends_at\b/g, "the end").replace(/\bduration_minutes\b/g, "the duration");

/** The form's values as the shared meetingInputSchema reads them; blank attendee rows are left out. */
function toMeetingInput(values: FormValues, leadId: string) {
  const attendees = values.attendees.filter((row) => row.name.trim() || row.email.trim());
  const input = {
    lead_id: leadId,
    title: values.title,
    // An empty date input means "not given", so the schema says "is required" rather than "not a date-time".
    starts_at: values.startsAt || undefined,
    ...(values.endMode === "end"
      ? { ends_at: values.endsAt || undefined }
      : { duration_minutes: values.durationMinutes.trim() === "" ? undefined : Number(values.durationMinutes) }),
    timezone: values.timezone,
    status: values.status,
    location_type: values.locationType,
    location_details: values.locationDetails,
    meeting_url: values.meetingUrl,
    host_email: values.hostEmail,
    meeting_type_id: values.meetingTypeId,
    description: values.description,
    additional_attendees: attendees.map((row) => ({ name: row.name, email: row.email })),
  };
  return { input, attendeeKeys: attendees.map((row) => row.key) };
}

function Field(props: {
  label: string;
  error?: string;
  hint?: string;
  className?: string;
  children: (control: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}) {
  const id = useId();
  const describedBy = props.error ? `${id}-error` : props.hint ? `${id}-hint` : undefined;
  return (
    <div className={`space-y-1.5 ${props.className ?? ""}`}>
      <label htmlFor={id} className={labelClass}>
        {props.label}
      </label>
      {props.children({ id, "aria-invalid": Boolean(props.error), "aria-describedby": describedBy })}
      {props.error ? (
        <p id={`${id}-error`} className="text-sm text-red-600" data-testid="field-error">
          {props.label} {humanize(props.error)}
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

export function LogMeetingForm(props: {
  leadId: string;
  repEmail: string;
  defaultTimeZone: string;
  timeZones: string[];
  options: MeetingFormOptions;
  onLogged: (tab: TimelineTab) => void;
  onCancel: () => void;
}) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const initialValues = (): FormValues => ({
    title: "",
    startsAt: "",
    endMode: "duration",
    durationMinutes: "30",
    endsAt: "",
    timezone: props.defaultTimeZone,
    status: "scheduled",
    locationType: "video",
    locationDetails: "",
    meetingUrl: "",
    hostEmail: props.options.hosts.some((host) => host.email === props.repEmail) ? props.repEmail : "",
    meetingTypeId: "",
    description: "",
    attendees: [],
  });
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attendeeKeys, setAttendeeKeys] = useState<number[]>([]);
  const [formError, setFormError] = useState<string | null>(null);

  // The session's zone came from the browser at sign-in; prefer the browser's current one if it moved.
  useEffect(() => {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (props.timeZones.includes(browserZone)) {
      setValues((current) => (current.timezone === props.defaultTimeZone ? { ...current, timezone: browserZone } : current));
    }
  }, [props.timeZones, props.defaultTimeZone]);

  const mutation = useMutation({
    mutationFn: (input: ReturnType<typeof toMeetingInput>["input"]) => logMeetingAction(props.leadId, input),
    onSuccess: (result) => {
      if (!result.ok) {
        setErrors(result.fieldErrors);
        setFormError(result.formError ?? (Object.keys(result.fieldErrors).length ? "Please correct the highlighted fields." : null));
        return;
      }
      setValues(initialValues());
      setErrors({});
      setFormError(null);
      selectTimelineTab(result.tab);
      startRefresh(() => router.refresh());
      props.onLogged(result.tab);
    },
    onError: () => setFormError("The meeting could not be saved. Please try again."),
  });
  const busy = mutation.isPending || refreshing;

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  const setAttendee = (key: number, patch: Partial<AttendeeRow>) =>
    set("attendees", values.attendees.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const { input, attendeeKeys: keys } = toMeetingInput(values, props.leadId);
    setAttendeeKeys(keys);
    const parsed = meetingInputSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrorsFrom(fieldIssues(parsed.error)));
      setFormError("Please correct the highlighted fields.");
      return;
    }
    setErrors({});
    setFormError(null);
    mutation.mutate(input);
  }

  const attendeeError = (key: number, field: "name" | "email") => {
    const index = attendeeKeys.indexOf(key);
    return index === -1 ? undefined : errors[`additional_attendees.${index}.${field}`];
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Log meeting" className="space-y-5">
      {formError && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          {formError}
        </p>
      )}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field label="Title" error={errors.title} className="sm:col-span-2">
          {(control) => (
            <input {...control} value={values.title} onChange={(e) => set("title", e.target.value)} className={inputClass} placeholder="Discovery call" />
          )}
        </Field>
        <Field label="Start" error={errors.starts_at}>
          {(control) => (
            <input {...control} type="datetime-local" value={values.startsAt} onChange={(e) => set("startsAt", e.target.value)} className={inputClass} />
          )}
        </Field>
        <fieldset className="space-y-1.5">
          <legend className={labelClass}>Ends</legend>
          <div className="flex gap-4 text-sm">
            {(["duration", "end"] as const).map((mode) => (
              <label key={mode} className="flex items-center gap-1.5">
                <input
                  type="radio"
                  name="end-mode"
                  checked={values.endMode === mode}
                  onChange={() => set("endMode", mode)}
                  className="size-4 accent-indigo-600"
                />
                {mode === "duration" ? "After a duration" : "At a time"}
              </label>
            ))}
          </div>
          {values.endMode === "duration" ? (
            <Field label="Duration (minutes)" error={errors.duration_minutes}>
              {(control) => (
                <input
                  {...control}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={1440}
                  value={values.durationMinutes}
                  onChange={(e) => set("durationMinutes", e.target.value)}
                  className={inputClass}
                />
              )}
            </Field>
          ) : (
            <Field label="End" error={errors.ends_at}>
              {(control) => (
                <input {...control} type="datetime-local" value={values.endsAt} onChange={(e) => set("endsAt", e.target.value)} className={inputClass} />
              )}
            </Field>
          )}
        </fieldset>
        <Field label="Time zone" error={errors.timezone} hint="Start and end are read in this zone.">
          {(control) => (
            <select {...control} value={values.timezone} onChange={(e) => set("timezone", e.target.value)} className={inputClass}>
              {props.timeZones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replaceAll("_", " ")}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Status" error={errors.status}>
          {(control) => (
            <select {...control} value={values.status} onChange={(e) => set("status", e.target.value as FormValues["status"])} className={inputClass}>
              <option value="scheduled">Scheduled</option>
              <option value="confirmed">Confirmed by lead</option>
            </select>
          )}
        </Field>
        <Field label="Location type" error={errors.location_type}>
          {(control) => (
            <select {...control} value={values.locationType} onChange={(e) => set("locationType", e.target.value as LocationType)} className={inputClass}>
              {locationTypes.map((type) => (
                <option key={type} value={type}>
                  {locationTypeLabels[type]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Location details" error={errors.location_details} hint="Address, dial-in or room.">
          {(control) => (
            <input {...control} value={values.locationDetails} onChange={(e) => set("locationDetails", e.target.value)} className={inputClass} />
          )}
        </Field>
        <Field label="Meeting URL" error={errors.meeting_url} className="sm:col-span-2">
          {(control) => (
            <input
              {...control}
              type="url"
              inputMode="url"
              value={values.meetingUrl}
              onChange={(e) => set("meetingUrl", e.target.value)}
              className={inputClass}
              placeholder="https://meet.example.com/…"
            />
          )}
        </Field>
        <Field label="Host" error={errors.host_email}>
          {(control) => (
            <select {...control} value={values.hostEmail} onChange={(e) => set("hostEmail", e.target.value)} className={inputClass}>
              <option value="">No host</option>
              {props.options.hosts.map((host) => (
                <option key={host.email} value={host.email}>
                  {host.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Meeting type" error={errors.meeting_type_id}>
          {(control) => (
            <select {...control} value={values.meetingTypeId} onChange={(e) => set("meetingTypeId", e.target.value)} className={inputClass}>
              <option value="">None</option>
              {props.options.meetingTypes.map((type) => (
                <option key={type.id} value={type.id}>
                  {type.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Description" error={errors.description} className="sm:col-span-2">
          {(control) => (
            <textarea {...control} rows={3} value={values.description} onChange={(e) => set("description", e.target.value)} className={inputClass} />
          )}
        </Field>
      </div>

      <fieldset className="space-y-3">
        <legend className={labelClass}>Additional attendees</legend>
        {errors.additional_attendees && <p className="text-sm text-red-600">Attendees {errors.additional_attendees}</p>}
        {values.attendees.map((row, index) => (
          <div key={row.key} className="grid grid-cols-1 items-start gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-[1fr_1fr_auto]" data-testid="attendee-row">
            <Field label={`Attendee ${index + 1} name`} error={attendeeError(row.key, "name")}>
              {(control) => <input {...control} value={row.name} onChange={(e) => setAttendee(row.key, { name: e.target.value })} className={inputClass} />}
            </Field>
            <Field label={`Attendee ${index + 1} email`} error={attendeeError(row.key, "email")}>
              {(control) => (
                <input {...control} type="email" value={row.email} onChange={(e) => setAttendee(row.key, { email: e.target.value })} className={inputClass} />
              )}
            </Field>
            <button
              type="button"
              onClick={() => set("attendees", values.attendees.filter((other) => other.key !== row.key))}
              className={`${secondaryButtonClass} sm:mt-6`}
            >
              Remove<span className="sr-only"> attendee {index + 1}</span>
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() => set("attendees", [...values.attendees, { key: Date.now() + Math.random(), name: "", email: "" }])}
          className={secondaryButtonClass}
        >
          + Add attendee
        </button>
      </fieldset>

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

/** The "Log meeting" button and the form it opens; announces where the new meeting landed. */
export function LogMeetingPanel(props: Omit<Parameters<typeof LogMeetingForm>[0], "onLogged" | "onCancel">) {
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const panelId = useId();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => {
            setOpen(!open);
            setNotice(null);
          }}
          className={primaryButtonClass}
        >
          {open ? "Close form" : "Log meeting"}
        </button>
        <p role="status" className="text-sm text-emerald-700">
          {notice}
        </p>
      </div>
      <section id={panelId} hidden={!open} aria-label="Log a meeting" className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:p-6">
        <h2 className="mb-1 font-semibold">Log a meeting</h2>
        <p className="mb-5 text-sm text-slate-500">For meetings booked by phone or in person. It is saved as a manual meeting.</p>
        <LogMeetingForm
          {...props}
          onLogged={(tab) => {
            setOpen(false);
            setNotice(`Meeting logged in ${timelineTabLabels[tab]}.`);
          }}
          onCancel={() => setOpen(false)}
        />
      </section>
    </div>
  );
}

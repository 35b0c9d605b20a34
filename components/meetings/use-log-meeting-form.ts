"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition, type FormEvent } from "react";
import { CORRECT_THE_FIELDS, parseForm, type FieldErrors } from "@/lib/forms";
import type { MeetingFormOptions } from "@/lib/meetings/form-options";
import { initialLogFormValues, toMeetingInput, type LogFormValues, type LogMeetingAction, type MeetingInputValues } from "@/lib/meetings/log-form";
import { meetingInputSchema } from "@/lib/meetings/schema";
import type { TimelineTab } from "@/lib/meetings/timeline";
import { selectTimelineTab } from "./timeline-tabs";

export type LogMeetingFormProps = {
  leadId: string;
  repEmail: string;
  defaultTimeZone: string;
  timeZones: string[];
  options: MeetingFormOptions;
  logMeeting: LogMeetingAction;
};

/**
 * The log-meeting form's state: values, errors shown next to their fields, and saving. Input is checked
 * with the shared schema before it is sent; the server action checks it again and may add its own errors.
 */
export function useLogMeetingForm(props: LogMeetingFormProps & { onLogged: (tab: TimelineTab) => void }) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const initialValues = () => initialLogFormValues({ timeZone: props.defaultTimeZone, repEmail: props.repEmail, options: props.options });
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  // Which attendee row each `additional_attendees.N` error is about: blank rows are not sent.
  const [sentAttendeeKeys, setSentAttendeeKeys] = useState<number[]>([]);

  // The session's zone came from the browser at sign-in; prefer the browser's current one if it moved.
  useEffect(() => {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (props.timeZones.includes(browserZone)) {
      setValues((current) => (current.timezone === props.defaultTimeZone ? { ...current, timezone: browserZone } : current));
    }
  }, [props.timeZones, props.defaultTimeZone]);

  const mutation = useMutation({
    mutationFn: (input: MeetingInputValues) => props.logMeeting(props.leadId, input),
    onSuccess: (result) => {
      if (!result.ok) {
        setErrors(result.fieldErrors);
        setFormError(result.formError);
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

  const set = (patch: Partial<LogFormValues>) => setValues((current) => ({ ...current, ...patch }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const { input, attendeeKeys } = toMeetingInput(values, props.leadId);
    setSentAttendeeKeys(attendeeKeys);
    const checked = parseForm(meetingInputSchema, input);
    if (!checked.ok) {
      setErrors(checked.fieldErrors);
      setFormError(CORRECT_THE_FIELDS);
      return;
    }
    setErrors({});
    setFormError(null);
    mutation.mutate(input);
  }

  const attendeeError = (key: number, field: "name" | "email") => {
    const index = sentAttendeeKeys.indexOf(key);
    return index === -1 ? undefined : errors[`additional_attendees.${index}.${field}`];
  };

  return { values, set, errors, formError, attendeeError, busy, submit };
}

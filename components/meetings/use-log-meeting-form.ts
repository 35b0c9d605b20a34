"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent } from "react";
import { formFailure, withoutFieldErrors, type FormFailure } from "@/lib/forms";
import type { MeetingFormOptions } from "@/lib/meetings/form-options";
import {
  editedLogFields, initialLogFormValues, parseLogForm, toMeetingInput, toOutcomeInput,
  type LogFormValues, type LogMeetingAction, type MeetingInputValues, type OutcomeInputValues,
} from "@/lib/meetings/log-form";
import { timelineTabKey } from "@/lib/meetings/timeline";
import { currentZoneName } from "@/lib/time/zoned";
import { useTimeline } from "./timeline-context";
import { browserTimeZones } from "./use-time-zones";

export type LogMeetingFormProps = {
  leadId: string;
  repEmail: string;
  defaultTimeZone: string;
  options: MeetingFormOptions;
  logMeeting: LogMeetingAction;
};

/**
 * The log-meeting form's state: values, errors shown next to their fields, and saving. Input is checked
 * with the shared schema before it is sent; the server action checks it again and may add its own errors.
 */
export function useLogMeetingForm(props: LogMeetingFormProps & { onLogged: () => void }) {
  const t = useTranslations("meetings");
  const tv = useTranslations("validation");
  const { showChanged } = useTimeline();
  const initialValues = () => initialLogFormValues({ timeZone: props.defaultTimeZone, repEmail: props.repEmail, options: props.options });
  const [values, setValues] = useState(initialValues);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  // Which attendee row each `additional_attendees.N` error is about: blank rows are not sent.
  const [sentAttendeeKeys, setSentAttendeeKeys] = useState<number[]>([]);

  // The session's zone came from the browser at sign-in; prefer the browser's current one if it moved.
  useEffect(() => {
    const browserZone = currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone);
    if (browserTimeZones().includes(browserZone)) {
      setValues((current) => (current.timezone === props.defaultTimeZone ? { ...current, timezone: browserZone } : current));
    }
  }, [props.defaultTimeZone]);

  const mutation = useMutation({
    mutationFn: (input: { meeting: MeetingInputValues; outcome: OutcomeInputValues }) => props.logMeeting(props.leadId, input.meeting, input.outcome),
    onSuccess: (result) => {
      if (!result.ok) return setFailure(result);
      setValues(initialValues());
      setFailure(null);
      props.onLogged();
      showChanged(result.meetingId, result.tab, t("announce.logged", { tab: t(`tabs.${timelineTabKey[result.tab]}`) }));
    },
    onError: () => setFailure(formFailure(tv("form.meetingNotSaved"))),
  });

  /** Changes some values; the errors of the edited fields no longer apply. */
  const set = (patch: Partial<LogFormValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    setFailure((current) => withoutFieldErrors(current, editedLogFields(patch)));
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const { input, attendeeKeys } = toMeetingInput(values, props.leadId);
    const outcome = toOutcomeInput(values);
    setSentAttendeeKeys(attendeeKeys);
    const checked = parseLogForm(input, outcome, new Date());
    if (!checked.ok) return setFailure(checked);
    setFailure(null);
    mutation.mutate({ meeting: input, outcome });
  }

  const errors = failure?.fieldErrors ?? {};
  const attendeeError = (key: number, field: "name" | "email") => {
    const index = sentAttendeeKeys.indexOf(key);
    return index === -1 ? undefined : errors[`additional_attendees.${index}.${field}`];
  };

  return { values, set, errors, formError: failure?.formError ?? null, attendeeError, busy: mutation.isPending, submit };
}

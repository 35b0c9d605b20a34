"use client";

import { useState } from "react";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/styles";
import type { CardMeeting } from "@/lib/meetings/card-actions";
import { rescheduleInputSchema } from "@/lib/meetings/schema";
import { editedTimeFields, timeInput, type TimeValues } from "@/lib/meetings/time-form";
import { TimeFields } from "../time-fields";
import { ActionDialog } from "./action-dialog";
import { useMeetingAction } from "./use-meeting-action";

const consequences: Partial<Record<CardMeeting["status"], string>> = {
  confirmed: "The lead’s confirmation is cleared: mark it confirmed again once they accept the new time.",
  cancelled: "It becomes a scheduled meeting again.",
  no_show: "It becomes a scheduled meeting again; the no-show stays in its history.",
};

/** New date, time, zone and length, checked by the same rules as the API's reschedule (DST gaps included). */
export function RescheduleDialog(props: { meeting: CardMeeting; onDone: () => void; onClose: () => void }) {
  const { meeting } = props;
  const [times, setTimes] = useState<TimeValues>(meeting.timeValues);
  const [reason, setReason] = useState("");
  const { submit, edited, pending, errors, formError } = useMeetingAction({ meetingId: meeting.id, action: "reschedule", onDone: props.onDone });

  return (
    <ActionDialog
      title="Reschedule meeting"
      description={
        <>
          <p className="font-medium text-slate-900">{meeting.title}</p>
          <p>Now: {meeting.when}</p>
          {consequences[meeting.status] && <p className="mt-2">{consequences[meeting.status]}</p>}
        </>
      }
      submitLabel="Reschedule"
      pending={pending}
      formError={formError}
      onSubmit={() => submit(rescheduleInputSchema(meeting.timeValues.timezone), { ...timeInput(times), reason })}
      onClose={props.onClose}
    >
      <TimeFields
        values={times}
        errors={errors}
        onChange={(patch) => {
          setTimes((current) => ({ ...current, ...patch }));
          edited(editedTimeFields(patch));
        }}
      />
      <Field label="Reason" error={errors.reason} hint="Optional. Kept in the meeting’s history.">
        {(control) => <textarea {...control} rows={2} value={reason} onChange={(e) => {
              setReason(e.target.value);
              edited(["reason"]);
            }} className={inputClass} />}
      </Field>
    </ActionDialog>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/styles";
import type { CardMeeting } from "@/lib/meetings/card-actions";
import { rescheduleInputSchema } from "@/lib/meetings/schema";
import { editedTimeFields, timeInput, timeValuesOf, type TimeValues } from "@/lib/meetings/time-form";
import { TimeFields } from "../time-fields";
import { ActionDialog } from "./action-dialog";
import { useMeetingAction } from "./use-meeting-action";

// What rescheduling changes beyond the time, by the meeting's status ("meetingForms.reschedule.consequence.*").
const consequences = new Set<CardMeeting["status"]>(["confirmed", "cancelled", "no_show"]);

/** New date, time, zone and length, checked by the same rules as the API's reschedule (DST gaps included). */
export function RescheduleDialog(props: { meeting: CardMeeting; onDone: () => void; onClose: () => void }) {
  const t = useTranslations("meetingForms.reschedule");
  const { meeting } = props;
  const [times, setTimes] = useState<TimeValues>(() => timeValuesOf(meeting.times));
  const [reason, setReason] = useState("");
  const { submit, edited, pending, errors, formError } = useMeetingAction({ meetingId: meeting.id, action: "reschedule", onDone: props.onDone });

  return (
    <ActionDialog
      title={t("title")}
      description={
        <>
          <p className="font-medium text-slate-900">{meeting.title}</p>
          <p>{t("now", { when: meeting.when })}</p>
          {consequences.has(meeting.status) && <p className="mt-2">{t(`consequence.${meeting.status as "confirmed" | "cancelled" | "no_show"}`)}</p>}
        </>
      }
      submitLabel={t("submit")}
      pending={pending}
      formError={formError}
      onSubmit={() => submit(rescheduleInputSchema(meeting.times.timezone), { ...timeInput(times), reason })}
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
      <Field label={t("reason")} error={errors.reason} hint={t("reasonHint")}>
        {(control) => <textarea {...control} rows={2} value={reason} onChange={(e) => {
              setReason(e.target.value);
              edited(["reason"]);
            }} className={inputClass} />}
      </Field>
    </ActionDialog>
  );
}

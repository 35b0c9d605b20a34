"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { z } from "zod";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/styles";
import type { CardMeeting } from "@/lib/meetings/card-actions";
import { cancelInputSchema, completeInputSchema, noShowInputSchema } from "@/lib/meetings/schema";
import { ActionDialog } from "./action-dialog";
import { useMeetingAction } from "./use-meeting-action";

type NoteAction = "cancel" | "no_show" | "complete" | "confirm";
type NoteFieldName = "reason" | "notes";

// Each dialog's words are under "meetingForms.dialogs.<action>" in the catalogue.
type DialogShape = { danger?: boolean; keepLabel?: boolean; schema: z.ZodType | null; fields: NoteFieldName[]; replaces?: CardMeeting["status"] };

const dialogs: Record<NoteAction, DialogShape> = {
  cancel: { danger: true, keepLabel: true, schema: cancelInputSchema, fields: ["reason"] },
  no_show: { schema: noShowInputSchema, fields: ["reason", "notes"], replaces: "completed" },
  complete: { schema: completeInputSchema, fields: ["notes"], replaces: "no_show" },
  confirm: { schema: null, fields: [] },
};

/** Cancel, no-show, complete or confirm: the meeting's name and time, optional reason or notes, and the button. */
export function NoteActionDialog(props: { meeting: CardMeeting; action: NoteAction; onDone: () => void; onClose: () => void }) {
  const t = useTranslations(`meetingForms.dialogs.${props.action}`) as unknown as (key: string, values?: Record<string, string>) => string;
  const tm = useTranslations("meetings");
  const shape = dialogs[props.action];
  const correcting = shape.replaces === props.meeting.status;
  // A correction replaces the outcome, notes included: they start as the outcome's, to keep or change.
  const [values, setValues] = useState<Partial<Record<NoteFieldName, string>>>(() =>
    correcting && props.meeting.outcomeNotes ? { notes: props.meeting.outcomeNotes } : {},
  );
  const { submit, edited, pending, errors, formError } = useMeetingAction({ meetingId: props.meeting.id, action: props.action, onDone: props.onDone });

  return (
    <ActionDialog
      title={t("title")}
      description={
        <>
          <p className="font-medium text-slate-900">{props.meeting.title}</p>
          <p>{props.meeting.when}</p>
          <p className="mt-2">
            {t(correcting ? "explainReplacing" : "explain", { past: tm("tabs.past"), noShow: tm("tabs.no_show") })}
          </p>
        </>
      }
      submitLabel={t("submit")}
      closeLabel={shape.keepLabel ? t("keep") : undefined}
      danger={shape.danger}
      pending={pending}
      formError={formError}
      onSubmit={() => submit(shape.schema, values)}
      onClose={props.onClose}
    >
      {shape.fields.map((field) => (
        <Field key={field} label={t(`${field}Label`)} error={errors[field]} hint={t(`${field}Hint`)}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={values[field] ?? ""}
              onChange={(e) => {
                setValues((current) => ({ ...current, [field]: e.target.value }));
                edited([field]);
              }}
              className={inputClass}
            />
          )}
        </Field>
      ))}
    </ActionDialog>
  );
}

"use client";

import { useState } from "react";
import type { z } from "zod";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/styles";
import type { CardMeeting } from "@/lib/meetings/card-actions";
import { cancelInputSchema, completeInputSchema, noShowInputSchema } from "@/lib/meetings/schema";
import { ActionDialog } from "./action-dialog";
import { useMeetingAction } from "./use-meeting-action";

type NoteField = { name: "reason" | "notes"; label: string; hint: string };
type NoteAction = "cancel" | "no_show" | "complete" | "confirm";

type DialogCopy = {
  title: string;
  submitLabel: string;
  closeLabel?: string;
  danger?: boolean;
  schema: z.ZodType | null;
  fields: NoteField[];
  explain: (meeting: CardMeeting) => string;
};

const dialogs: Record<NoteAction, DialogCopy> = {
  cancel: {
    title: "Cancel this meeting?",
    submitLabel: "Cancel meeting",
    closeLabel: "Keep meeting",
    danger: true,
    schema: cancelInputSchema,
    fields: [{ name: "reason", label: "Reason", hint: "Optional. Shown on the meeting and in its history." }],
    explain: () => "It moves to Past as cancelled. You can reschedule it later.",
  },
  no_show: {
    title: "Mark as no-show",
    submitLabel: "Mark no-show",
    schema: noShowInputSchema,
    fields: [
      { name: "reason", label: "Reason", hint: "Optional, e.g. “Did not join the call”." },
      { name: "notes", label: "Notes", hint: "Optional: what you tried, the follow-up." },
    ],
    explain: (meeting) =>
      meeting.status === "completed"
        ? "This replaces “completed”: the lead did not attend. It moves to the No-show tab."
        : "The lead did not attend. It moves to the No-show tab.",
  },
  complete: {
    title: "Mark as completed",
    submitLabel: "Mark completed",
    schema: completeInputSchema,
    fields: [{ name: "notes", label: "Notes", hint: "Optional: how it went, next steps." }],
    explain: (meeting) =>
      meeting.status === "no_show" ? "This replaces the no-show: the meeting did take place. It moves to Past." : "The meeting took place. It moves to Past.",
  },
  confirm: {
    title: "Mark as confirmed by the lead",
    submitLabel: "Mark confirmed",
    schema: null,
    fields: [],
    explain: () => "Use this once the lead has said they will attend.",
  },
};

/** Cancel, no-show, complete or confirm: the meeting's name and time, optional reason or notes, and the button. */
export function NoteActionDialog(props: { meeting: CardMeeting; action: NoteAction; onDone: () => void; onClose: () => void }) {
  const copy = dialogs[props.action];
  const [values, setValues] = useState<Partial<Record<NoteField["name"], string>>>({});
  const { submit, edited, pending, errors, formError } = useMeetingAction({ meetingId: props.meeting.id, action: props.action, onDone: props.onDone });

  return (
    <ActionDialog
      title={copy.title}
      description={
        <>
          <p className="font-medium text-slate-900">{props.meeting.title}</p>
          <p>{props.meeting.when}</p>
          <p className="mt-2">{copy.explain(props.meeting)}</p>
        </>
      }
      submitLabel={copy.submitLabel}
      closeLabel={copy.closeLabel}
      danger={copy.danger}
      pending={pending}
      formError={formError}
      onSubmit={() => submit(copy.schema, values)}
      onClose={props.onClose}
    >
      {copy.fields.map((field) => (
        <Field key={field.name} label={field.label} error={errors[field.name]} hint={field.hint}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={values[field.name] ?? ""}
              onChange={(e) => {
                setValues((current) => ({ ...current, [field.name]: e.target.value }));
                edited([field.name]);
              }}
              className={inputClass}
            />
          )}
        </Field>
      ))}
    </ActionDialog>
  );
}

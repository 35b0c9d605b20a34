"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { z } from "zod";
import { formFailure, parseForm, withoutFieldErrors, type FormFailure } from "@/lib/forms";
import type { LifecycleAction } from "@/lib/meetings/transitions";
import { useTimeline } from "../timeline-context";

/**
 * Sends one lifecycle action for a meeting: the body is checked with the action's shared schema first,
 * errors come back per field or for the form, and on success the dialog closes (`onDone`) and the page
 * shows the meeting where it now belongs. A refusal (the meeting changed meanwhile) re-reads the page.
 */
export function useMeetingAction(params: { meetingId: string; action: LifecycleAction; onDone: () => void }) {
  const t = useTranslations("validation");
  const { changeMeeting, showChanged, refresh } = useTimeline();
  const [failure, setFailure] = useState<FormFailure | null>(null);

  const mutation = useMutation({
    mutationFn: (body: object) => changeMeeting(params.meetingId, params.action, body),
    onSuccess: (result) => {
      if (!result.ok) {
        setFailure(result);
        if (!Object.keys(result.fieldErrors).length) refresh();
        return;
      }
      params.onDone();
      showChanged(params.meetingId, result.tab, result.message);
    },
    onError: () => setFailure(formFailure(t("form.unreachable"))),
  });

  /** Checks `body` with the action's schema (none for confirm, which takes no input), then sends it. */
  function submit(schema: z.ZodType | null, body: object) {
    if (mutation.isPending) return;
    const checked = schema ? parseForm(schema, body) : null;
    if (checked && !checked.ok) return setFailure(checked);
    setFailure(null);
    mutation.mutate(body);
  }

  /** The user changed these fields: their errors no longer apply. */
  const edited = (fields: string[]) => setFailure((current) => withoutFieldErrors(current, fields));

  return { submit, edited, pending: mutation.isPending, errors: failure?.fieldErrors ?? {}, formError: failure?.formError ?? null };
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { formFailure, withoutFieldErrors, type FormFailure } from "@/lib/forms";
import { checkLeadForm, metadataRowErrors, toLeadBody, type LeadBody, type LeadFormValues, type SaveLeadResult } from "@/lib/leads/form";

const apiFieldOf: Record<Exclude<keyof LeadFormValues, "metadata">, string> = {
  firstName: "first_name",
  lastName: "last_name",
  email: "email",
  phone: "phone",
  company: "metadata.company",
};

/**
 * The lead form's state: values, errors next to their fields, and saving. The shared schema checks the
 * input before it is sent; the server action checks it again and may answer with its own errors.
 */
export function useLeadForm(props: {
  mode: "create" | "edit";
  initialValues: LeadFormValues;
  save: (body: LeadBody) => Promise<SaveLeadResult>;
  onSaved: (leadId: string) => void;
}) {
  const [values, setValues] = useState(props.initialValues);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [checked, setChecked] = useState(false);
  // Counts refused saves, so the form can move focus to the first bad field after each one (not while typing).
  const [refusals, setRefusals] = useState(0);
  const refuse = (why: FormFailure) => {
    setFailure(why);
    setRefusals((count) => count + 1);
  };

  const mutation = useMutation({
    mutationFn: props.save,
    onSuccess: (result) => (result.ok ? props.onSaved(result.leadId) : refuse(result)),
    onError: () => setFailure(formFailure("The lead could not be saved. Please try again.")),
  });

  // Once saved the form is done: it stays busy while the page moves on, so a second click cannot save twice.
  const busy = mutation.isPending || mutation.data?.ok === true;

  /** Changes some values; the errors of the edited fields no longer apply. */
  const set = (patch: Partial<LeadFormValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    const edited = Object.keys(patch).map((key) => (key === "metadata" ? "metadata" : apiFieldOf[key as keyof typeof apiFieldOf]));
    setFailure((current) => withoutFieldErrors(current, edited));
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setChecked(true);
    const problem = checkLeadForm(props.mode, values);
    if (problem) return refuse(problem);
    setFailure(null);
    mutation.mutate(toLeadBody(values));
  }

  const errors = failure?.fieldErrors ?? {};
  // The rows' own problems show once a save was tried, like the schema's.
  const rowErrors = checked ? metadataRowErrors(values.metadata, errors) : {};
  return { values, set, errors, rowErrors, formError: failure?.formError ?? null, busy, submit, refusals };
}

"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Dialog } from "@/components/ui/dialog";
import { primaryButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import type { CreateLeadAction, FindEmailOwnerAction, LeadFormLead, UpdateLeadAction } from "@/lib/leads/form";

// The form (and the validation code it brings) loads when first wanted, not with the page: its button
// starts loading it when a pointer or focus reaches it.
const loadLeadForm = () => import("./lead-form");
const LeadForm = dynamic(() => loadLeadForm().then((module) => module.LeadForm), {
  ssr: false,
  loading: () => <FormLoading />,
});

function FormLoading() {
  return <p className="text-sm text-slate-500">{useTranslations("leads.form")("loading")}</p>;
}

/** A dialog's open state and the props of the button that opens it (which also starts loading the form). */
function useFormDialog() {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const triggerProps = { ref: trigger, type: "button" as const, "aria-haspopup": "dialog" as const, onPointerEnter: loadLeadForm, onFocus: loadLeadForm };
  const close = () => {
    setOpen(false);
    // Focus goes back to the button once the dialog is gone and the page is no longer inert.
    requestAnimationFrame(() => trigger.current?.focus());
  };
  return { open, setOpen, close, triggerProps };
}

/** "New lead": the form in a dialog; once created, the new lead's page opens. */
export function NewLeadButton(props: { createLead: CreateLeadAction; findEmailOwner: FindEmailOwnerAction }) {
  const t = useTranslations("leads.form");
  const router = useRouter();
  const { open, setOpen, close, triggerProps } = useFormDialog();
  return (
    <>
      <button
        {...triggerProps}
        onClick={() => setOpen(true)}
        className={`${primaryButtonClass} shrink-0`}
      >
        {t("newLead")}
      </button>
      {open && (
        <Dialog title={t("newLead")} description={t("newLeadDescription")} onClose={close}>
          <LeadForm
            mode="create"
            lead={null}
            save={props.createLead}
            findEmailOwner={props.findEmailOwner}
            onSaved={(leadId) => router.push(`/leads/${leadId}`)}
            onCancel={close}
          />
        </Dialog>
      )}
    </>
  );
}

/** "Edit" on the lead page: the form in a dialog; once saved, the page shows the lead's new details and says so. */
export function EditLeadButton(props: {
  lead: LeadFormLead & { id: string; updatedAt: string };
  updateLead: UpdateLeadAction;
  findEmailOwner: FindEmailOwnerAction;
}) {
  const t = useTranslations("leads.form");
  const router = useRouter();
  const { open, setOpen, close, triggerProps } = useFormDialog();
  const [saved, setSaved] = useState(false);
  // The version the form shows: a save after someone else's change is refused, until the form is opened again.
  const [seenUpdatedAt, setSeenUpdatedAt] = useState(props.lead.updatedAt);
  // Until the page has the lead as saved, the form would open on old details: Edit waits for it.
  const [refreshing, startRefresh] = useTransition();
  return (
    <div className="flex items-center">
      <p aria-live="polite" data-testid="lead-saved" className="mr-3 text-sm text-emerald-700 empty:mr-0">
        {saved ? t("saved") : ""}
      </p>
      <button
        {...triggerProps}
        aria-disabled={refreshing || undefined}
        onClick={() => {
          if (refreshing) return; // focus stays on the button, which a disabled one would lose
          setSaved(false);
          setSeenUpdatedAt(props.lead.updatedAt);
          setOpen(true);
        }}
        className={secondaryButtonClass}
      >
        {t("edit")}
      </button>
      {open && (
        <Dialog title={t("editLead")} onClose={close}>
          <LeadForm
            mode="edit"
            lead={props.lead}
            save={async (body) => {
              const result = await props.updateLead(props.lead.id, body, seenUpdatedAt);
              // Refused as a whole (changed meanwhile, gone): the page behind the form catches up, for the next opening.
              if (!result.ok && !Object.keys(result.fieldErrors).length) startRefresh(() => router.refresh());
              return result;
            }}
            findEmailOwner={props.findEmailOwner}
            onSaved={() => {
              close();
              setSaved(true);
              startRefresh(() => router.refresh());
            }}
            onCancel={close}
          />
        </Dialog>
      )}
    </div>
  );
}

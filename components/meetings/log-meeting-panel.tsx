"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { primaryButtonClass } from "@/components/ui/styles";
import type { LogMeetingFormProps } from "./use-log-meeting-form";

// The form (and the validation code it brings) loads when first wanted, not with the lead page.
const loadLogMeetingForm = () => import("./log-meeting-form");
const LogMeetingForm = dynamic(() => loadLogMeetingForm().then((module) => module.LogMeetingForm), {
  ssr: false,
  loading: () => <FormLoading />,
});

function FormLoading() {
  return <p className="text-sm text-slate-500">{useTranslations("meetingForms.log")("loading")}</p>;
}

/** The "Log meeting" button and the form it opens; once saved, the page shows and announces the new meeting. */
export function LogMeetingPanel(props: LogMeetingFormProps) {
  const t = useTranslations("meetingForms.log");
  const [open, setOpen] = useState(false);
  // Once opened it stays mounted while closed, so what was typed is still there when it is reopened.
  const [opened, setOpened] = useState(false);
  const panelId = useId();
  return (
    <div className="space-y-4">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onPointerEnter={loadLogMeetingForm}
        onFocus={loadLogMeetingForm}
        onClick={() => {
          setOpen(!open);
          setOpened(true);
        }}
        className={primaryButtonClass}
      >
        {open ? t("close") : t("open")}
      </button>
      <section id={panelId} hidden={!open} aria-label={t("heading")} className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:p-6">
        <h2 className="mb-1 font-semibold">{t("heading")}</h2>
        <p className="mb-5 text-sm text-slate-500">{t("intro")}</p>
        {opened && <LogMeetingForm {...props} onLogged={() => setOpen(false)} onCancel={() => setOpen(false)} />}
      </section>
    </div>
  );
}

"use client";

import dynamic from "next/dynamic";
import { useId, useState } from "react";
import { primaryButtonClass } from "@/components/ui/styles";
import type { LogMeetingFormProps } from "./use-log-meeting-form";

// The form (and the validation code it brings) loads when first wanted, not with the lead page.
const loadLogMeetingForm = () => import("./log-meeting-form");
const LogMeetingForm = dynamic(() => loadLogMeetingForm().then((module) => module.LogMeetingForm), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-500">Loading the form…</p>,
});

/** The "Log meeting" button and the form it opens; once saved, the page shows and announces the new meeting. */
export function LogMeetingPanel(props: LogMeetingFormProps) {
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
        {open ? "Close form" : "Log meeting"}
      </button>
      <section id={panelId} hidden={!open} aria-label="Log a meeting" className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:p-6">
        <h2 className="mb-1 font-semibold">Log a meeting</h2>
        <p className="mb-5 text-sm text-slate-500">For meetings booked by phone or in person. It is saved as a manual meeting.</p>
        {opened && <LogMeetingForm {...props} onLogged={() => setOpen(false)} onCancel={() => setOpen(false)} />}
      </section>
    </div>
  );
}

"use client";

import { useId, useState } from "react";
import { primaryButtonClass } from "@/components/ui/styles";
import { LogMeetingForm } from "./log-meeting-form";
import type { LogMeetingFormProps } from "./use-log-meeting-form";

/** The "Log meeting" button and the form it opens; once saved, the page shows and announces the new meeting. */
export function LogMeetingPanel(props: LogMeetingFormProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="space-y-4">
      <button type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)} className={primaryButtonClass}>
        {open ? "Close form" : "Log meeting"}
      </button>
      <section id={panelId} hidden={!open} aria-label="Log a meeting" className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:p-6">
        <h2 className="mb-1 font-semibold">Log a meeting</h2>
        <p className="mb-5 text-sm text-slate-500">For meetings booked by phone or in person. It is saved as a manual meeting.</p>
        <LogMeetingForm {...props} onLogged={() => setOpen(false)} onCancel={() => setOpen(false)} />
      </section>
    </div>
  );
}

"use client";

import { useId, useState, type ReactNode } from "react";
import { focusRing } from "./styles";

/** A button that shows or hides a group of fields; `forceOpen` keeps it open (e.g. while a field inside has an error). */
export function Disclosure(props: { label: string; summary?: string; forceOpen?: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const shown = open || Boolean(props.forceOpen);
  const regionId = useId();
  return (
    <div className="rounded-lg border border-slate-200">
      <button
        type="button"
        aria-expanded={shown}
        aria-controls={regionId}
        onClick={() => setOpen(!shown)}
        className={`flex w-full items-center justify-between gap-3 rounded-lg px-3 py-2.5 text-left ${focusRing}`}
      >
        <span>
          <span className="block text-sm font-medium text-slate-800">{props.label}</span>
          {props.summary && <span className="block text-xs text-slate-500">{props.summary}</span>}
        </span>
        <span aria-hidden className={`text-slate-500 transition-transform ${shown ? "rotate-180" : ""}`}>
          ▾
        </span>
      </button>
      <div id={regionId} hidden={!shown} className="border-t border-slate-200 p-3 sm:p-4">
        {props.children}
      </div>
    </div>
  );
}

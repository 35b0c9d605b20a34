"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

/**
 * A modal dialog on the native <dialog>: showModal() makes the rest of the page inert (focus stays
 * inside), Escape closes it, and it is labelled by its title. Mounted = open; `onClose` runs on
 * Escape, and the owner unmounts it and puts focus back where it belongs.
 */
export function Dialog(props: { title: string; description?: ReactNode; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;

  useEffect(() => {
    const dialog = ref.current!;
    dialog.showModal();
    // The close event is queued: one from a previous mount (React's dev double effects) finds the dialog open again.
    const closed = () => {
      if (!dialog.open) onClose.current();
    };
    dialog.addEventListener("close", closed);
    return () => {
      dialog.removeEventListener("close", closed);
      dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={props.description ? descriptionId : undefined}
      className="m-auto w-[min(34rem,calc(100vw-1.5rem))] max-h-[calc(100dvh-1.5rem)] overflow-y-auto rounded-xl bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/40 sm:p-6"
    >
      <h2 id={titleId} className="text-lg font-semibold tracking-tight">
        {props.title}
      </h2>
      {props.description && (
        <div id={descriptionId} className="mt-1 text-sm text-slate-600">
          {props.description}
        </div>
      )}
      <div className="mt-5">{props.children}</div>
    </dialog>
  );
}

"use client";

import dynamic from "next/dynamic";
import { createContext, useContext, useState, type ReactNode } from "react";
import type { CardMeeting } from "@/lib/meetings/card-actions";
import type { LifecycleAction } from "@/lib/meetings/transitions";

// Loaded when first opened (or pointed at: see preloadMeetingDialogs): the forms' validation code is not
// part of the lead page's first load.
const loadNoteActionDialog = () => import("./dialogs/note-action-dialog");
const loadRescheduleDialog = () => import("./dialogs/reschedule-dialog");
const NoteActionDialog = dynamic(() => loadNoteActionDialog().then((module) => module.NoteActionDialog), { ssr: false });
const RescheduleDialog = dynamic(() => loadRescheduleDialog().then((module) => module.RescheduleDialog), { ssr: false });

/** Starts loading the dialogs' code, e.g. when a pointer reaches an action button. */
export function preloadMeetingDialogs() {
  void loadNoteActionDialog();
  void loadRescheduleDialog();
}

type DialogRequest = { meeting: CardMeeting; action: LifecycleAction; trigger: HTMLElement; cardId: string };

const OpenDialogContext = createContext<((request: DialogRequest) => void) | null>(null);

export function useOpenMeetingDialog(): (request: DialogRequest) => void {
  const open = useContext(OpenDialogContext);
  if (!open) throw new Error("useOpenMeetingDialog() needs <MeetingDialogs> above it");
  return open;
}

/** Where focus goes when a dialog closes without a change: its button, else its card, else the shown tab panel. */
function focusAfterClose(request: DialogRequest) {
  const candidates = [request.trigger, document.getElementById(request.cardId), document.querySelector<HTMLElement>('[role="tabpanel"]:not([hidden])')];
  candidates.find((element) => element?.isConnected && element.checkVisibility())?.focus();
}

/**
 * Hosts the lifecycle dialogs above the timeline, not inside a card: when the page refreshes while one is
 * open (the action was refused because the meeting changed), the card may move to another tab, and the
 * dialog with its explanation must stay.
 */
export function MeetingDialogs({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState<DialogRequest | null>(null);

  function close() {
    const request = open;
    setOpen(null);
    if (request) requestAnimationFrame(() => focusAfterClose(request));
  }
  // Done: the page reveals the meeting where it now is, and focuses it there.
  const done = () => setOpen(null);

  return (
    <OpenDialogContext.Provider value={setOpen}>
      {children}
      {open?.action === "reschedule" && <RescheduleDialog key={open.meeting.id} meeting={open.meeting} onDone={done} onClose={close} />}
      {open && open.action !== "reschedule" && (
        <NoteActionDialog key={`${open.meeting.id}-${open.action}`} meeting={open.meeting} action={open.action} onDone={done} onClose={close} />
      )}
    </OpenDialogContext.Provider>
  );
}

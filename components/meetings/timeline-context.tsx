"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, useTransition, type ReactNode } from "react";
import type { ChangeMeetingAction, LoadHistoryAction, LoadTimelinePageAction } from "@/lib/meetings/card-actions";
import type { TimelineTab } from "@/lib/meetings/timeline";
import { selectTimelineTab } from "./timeline-tabs";

/** The meeting to bring into view once the page shows its new state; `seq` tells repeated reveals apart. */
export type RevealTarget = { meetingId: string; seq: number };

type TimelineContextValue = {
  changeMeeting: ChangeMeetingAction;
  loadHistory: LoadHistoryAction;
  loadTimelinePage: LoadTimelinePageAction;
  /** After a meeting changed or was logged: open its tab, refresh the page's data, announce, then reveal it. */
  showChanged: (meetingId: string, tab: TimelineTab, announcement: string) => void;
  /** Re-reads the page, e.g. after an action was refused because the meeting had changed meanwhile. */
  refresh: () => void;
  /** Null while the page refreshes, so the card is revealed where it lands, not where it was. */
  revealed: RevealTarget | null;
};

const TimelineContext = createContext<TimelineContextValue | null>(null);

export function useTimeline(): TimelineContextValue {
  const value = useContext(TimelineContext);
  if (!value) throw new Error("useTimeline() needs a <TimelineProvider> above it");
  return value;
}

const ANNOUNCEMENT_MS = 8000;

/**
 * What the lead page's interactive parts share: the server actions (passed in by the page, so imports
 * point from app/ down) and one live region announcing what changed.
 */
export function TimelineProvider(props: {
  changeMeeting: ChangeMeetingAction;
  loadHistory: LoadHistoryAction;
  loadTimelinePage: LoadTimelinePageAction;
  children: ReactNode;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [refreshing, startRefresh] = useTransition();
  const [target, setTarget] = useState<RevealTarget | null>(null);
  const [announcement, setAnnouncement] = useState<{ text: string; seq: number } | null>(null);

  useEffect(() => {
    if (!announcement) return;
    const timer = setTimeout(() => setAnnouncement(null), ANNOUNCEMENT_MS);
    return () => clearTimeout(timer);
  }, [announcement]);

  // The tabs' loaded pages are refetched in place (a changed card stays where the rep was reading); the
  // server render brings the counts. The reveal waits for both.
  const reload = useCallback(() => {
    startRefresh(async () => {
      router.refresh();
      await queryClient.invalidateQueries({ queryKey: ["timeline"] });
    });
    void queryClient.invalidateQueries({ queryKey: ["history"] });
  }, [router, queryClient]);

  // Nothing to reveal: otherwise the last revealed card would be revealed again once this refresh ends.
  const refresh = useCallback(() => {
    setTarget(null);
    reload();
  }, [reload]);

  const showChanged = useCallback(
    (meetingId: string, tab: TimelineTab, text: string) => {
      selectTimelineTab(tab);
      setTarget((previous) => ({ meetingId, seq: (previous?.seq ?? 0) + 1 }));
      setAnnouncement((previous) => ({ text, seq: (previous?.seq ?? 0) + 1 }));
      reload();
    },
    [reload],
  );

  const value = useMemo(
    () => ({
      changeMeeting: props.changeMeeting,
      loadHistory: props.loadHistory,
      loadTimelinePage: props.loadTimelinePage,
      showChanged,
      refresh,
      revealed: refreshing ? null : target,
    }),
    [props.changeMeeting, props.loadHistory, props.loadTimelinePage, showChanged, refresh, refreshing, target],
  );

  return (
    <TimelineContext.Provider value={value}>
      {props.children}
      <div role="status" className="pointer-events-none fixed inset-x-3 bottom-3 z-30 flex justify-center sm:inset-x-auto sm:right-6 sm:bottom-6">
        {announcement && (
          <p key={announcement.seq} className="max-w-md rounded-lg bg-slate-900 px-4 py-3 text-sm text-white shadow-lg">
            {announcement.text}
          </p>
        )}
      </div>
    </TimelineContext.Provider>
  );
}

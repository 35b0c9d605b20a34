"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { secondaryButtonClass } from "@/components/ui/styles";
import { useFocusFirstLoaded } from "@/components/ui/use-focus-first-loaded";
import type { MeetingView } from "@/lib/meetings/queries";
import type { TimelineTab } from "@/lib/meetings/timeline";
import type { TimelinePage } from "@/lib/meetings/timeline-page";
import { MeetingCard } from "./meeting-card";
import { useTimeline } from "./timeline-context";

/** `firstPage` null: the tab is not in view at first, and loads its first page in the browser once the page is up. */
type Props = { leadId: string; tab: TimelineTab; firstPage: TimelinePage | null; total: number; timeZone: string; emptyText: string };

// A meeting rescheduled between two page loads could come twice; it is shown once.
function uniqueMeetings(pages: TimelinePage[]): { meeting: MeetingView; now: Date }[] {
  const byId = new Map<string, { meeting: MeetingView; now: Date }>();
  for (const page of pages) for (const meeting of page.meetings) if (!byId.has(meeting.id)) byId.set(meeting.id, { meeting, now: page.now });
  return [...byId.values()];
}

/**
 * One tab of the lead's timeline: the first page rendered on the server (or, for a tab not in view, loaded
 * right after), more with "Load more" (keyset cursors, so a long history never renders at once). A change
 * on the page refetches the loaded pages.
 */
export function TimelinePanel(props: Props) {
  const t = useTranslations("meetings.timeline");
  const { loadTimelinePage } = useTimeline();
  const list = useRef<HTMLOListElement>(null);
  const query = useInfiniteQuery({
    queryKey: ["timeline", props.leadId, props.tab],
    queryFn: async ({ pageParam }) => {
      const result = await loadTimelinePage(props.leadId, props.tab, pageParam);
      if (!result.ok) throw new Error(result.formError ?? "meetings could not be loaded");
      return result.page;
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    ...(props.firstPage && { initialData: { pages: [props.firstPage], pageParams: [null] } }),
    staleTime: Infinity,
    // Gone as soon as the page is left, so coming back starts from the server's fresh first page.
    gcTime: 0,
  });
  const entries = uniqueMeetings(query.data?.pages ?? []);

  const focusFirstLoaded = useFocusFirstLoaded(list, '[data-testid="meeting-card"]', entries.length);

  if (query.isPending) return <p role="status" className="px-1 py-6 text-sm text-slate-500">{t("loading")}</p>;
  if (query.isError && !query.data) {
    return (
      <div role="alert" className="flex flex-wrap items-center gap-3 px-1 py-6 text-sm text-red-700">
        {t("loadFailed")}
        <button type="button" onClick={() => void query.refetch()} className={secondaryButtonClass}>
          {t("retry")}
        </button>
      </div>
    );
  }
  if (!entries.length) {
    return <p className="rounded-xl border border-dashed border-slate-300 px-6 py-10 text-center text-sm text-slate-500">{props.emptyText}</p>;
  }

  function loadMore() {
    focusFirstLoaded();
    void query.fetchNextPage();
  }

  return (
    <div className="space-y-4">
      <ol ref={list} className="space-y-3">
        {entries.map(({ meeting, now }) => (
          <li key={meeting.id}>
            <MeetingCard meeting={meeting} timeZone={props.timeZone} now={now} />
          </li>
        ))}
      </ol>
      {query.hasNextPage && (
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" onClick={loadMore} disabled={query.isFetchingNextPage} className={secondaryButtonClass}>
            {query.isFetchingNextPage ? t("loadingMore") : t("loadMore")}
          </button>
          <span className="text-sm text-slate-500" data-testid="timeline-shown">
            {t("shown", { count: entries.length, total: Math.max(props.total, entries.length) })}
          </span>
          {query.isFetchNextPageError && (
            <p role="alert" className="w-full text-sm text-red-700">
              {t("loadMoreFailed")}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

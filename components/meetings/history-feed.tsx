"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRef } from "react";
import { secondaryButtonClass } from "@/components/ui/styles";
import { useFocusFirstLoaded } from "@/components/ui/use-focus-first-loaded";
import type { HistoryFeedPage, HistoryItem, HistoryScope } from "@/lib/meetings/history-display";
import { HistoryList } from "./history-list";
import { useTimeline } from "./timeline-context";

// Entries added since the first page shift later pages by as many: the same entry may come twice, never be skipped.
const uniqueEntries = (pages: HistoryFeedPage[]): HistoryItem[] => [
  ...new Map(pages.flatMap((page) => page.items).map((item) => [item.id, item])).values(),
];

/**
 * A meeting's history or a lead's activity, a page at a time with "Show more". The first page may come
 * from the server render; lifecycle actions invalidate every ["history", …] query so it stays current.
 */
export function HistoryFeed(props: { scope: HistoryScope; initialPage?: HistoryFeedPage; showMeetingTitles?: boolean; emptyText: string }) {
  const t = useTranslations("history.feed");
  const { loadHistory } = useTimeline();
  const feed = useRef<HTMLDivElement>(null);
  // The entries come worded and dated by the server in the rep's language: a new language is a new list.
  const locale = useLocale();
  const query = useInfiniteQuery({
    queryKey: ["history", props.scope, locale],
    queryFn: async ({ pageParam }) => {
      const result = await loadHistory(props.scope, pageParam);
      if (!result.ok) throw new Error(result.formError ?? "history could not be loaded");
      return result.page;
    },
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextOffset ?? undefined,
    initialData: props.initialPage && { pages: [props.initialPage], pageParams: [0] },
    staleTime: 30_000,
  });
  const items = query.data ? uniqueEntries(query.data.pages) : [];

  const focusFirstLoaded = useFocusFirstLoaded(feed, '[data-testid="history-entry"]', items.length);
  if (query.isPending) return <p className="text-sm text-slate-500">{t("loading")}</p>;
  if (query.isError && !query.data) {
    return (
      <p role="alert" className="text-sm text-red-700">
        {t("failed")}{" "}
        <button type="button" onClick={() => query.refetch()} className="font-medium underline">
          {t("retry")}
        </button>
      </p>
    );
  }
  const total = query.data.pages.at(-1)?.total ?? items.length;

  function showMore() {
    focusFirstLoaded();
    void query.fetchNextPage();
  }

  return (
    <div ref={feed} className="space-y-3">
      {items.length ? <HistoryList items={items} showMeetingTitles={props.showMeetingTitles} /> : <p className="text-sm text-slate-500">{props.emptyText}</p>}
      {query.hasNextPage && (
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" onClick={showMore} disabled={query.isFetchingNextPage} className={`${secondaryButtonClass} px-2.5 py-1.5`}>
            {query.isFetchingNextPage ? t("loadingMore") : t("showMore")}
          </button>
          <span className="text-xs text-slate-500">
            {t("shown", { count: items.length, total })}
          </span>
        </div>
      )}
    </div>
  );
}

"use client";

import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useSyncExternalStore, type KeyboardEvent, type ReactNode } from "react";
import { focusRing } from "@/components/ui/styles";
import { parseTimelineTab, timelineTabKey, timelineTabs, type TimelineTab } from "@/lib/meetings/timeline";

const TAB_SELECTED = "nexor:timeline-tab";

/** The URL of this page with `?tab=` set; pushed with the History API so Next's router follows it. */
export function selectTimelineTab(tab: TimelineTab) {
  const url = new URL(window.location.href);
  if (url.searchParams.get("tab") === tab) return;
  url.searchParams.set("tab", tab);
  window.history.pushState(null, "", `${url.pathname}${url.search}`);
  window.dispatchEvent(new Event(TAB_SELECTED));
}

function onTabSelected(callback: () => void) {
  window.addEventListener(TAB_SELECTED, callback);
  window.addEventListener("popstate", callback);
  return () => {
    window.removeEventListener(TAB_SELECTED, callback);
    window.removeEventListener("popstate", callback);
  };
}

/**
 * The tab in the address bar. Read from the location itself, not from Next's router: the router applies a
 * pushed URL only after the navigations queued before it, so while a refresh is on its way (right after
 * a meeting is saved) it would hold the tabs still for as long as the server takes.
 */
function useSelectedTab(): TimelineTab {
  const rendered = useSearchParams().get("tab");
  const current = useSyncExternalStore(onTabSelected, () => new URLSearchParams(window.location.search).get("tab"), () => rendered);
  return parseTimelineTab(current);
}

/**
 * ARIA tabs over server-rendered panels. The selected tab lives in `?tab=`, so links and Back work;
 * switching is client-side because every panel is already on the page.
 */
export function TimelineTabs({ counts, panels }: { counts: Record<TimelineTab, number>; panels: Record<TimelineTab, ReactNode> }) {
  const t = useTranslations("meetings");
  const selected = useSelectedTab();
  const tabRefs = useRef<Partial<Record<TimelineTab, HTMLButtonElement | null>>>({});

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // From the focused tab: after a quick key press the URL's tab may not have re-rendered yet.
    const focused = timelineTabs.find((tab) => tabRefs.current[tab] === event.target);
    const index = timelineTabs.indexOf(focused ?? selected);
    const target = {
      ArrowRight: timelineTabs[(index + 1) % timelineTabs.length],
      ArrowLeft: timelineTabs[(index - 1 + timelineTabs.length) % timelineTabs.length],
      Home: timelineTabs[0],
      End: timelineTabs[timelineTabs.length - 1],
    }[event.key];
    if (!target) return;
    event.preventDefault();
    selectTimelineTab(target);
    tabRefs.current[target]?.focus();
  }

  return (
    <div>
      <div role="tablist" aria-label={t("timeline.tabsLabel")} onKeyDown={onKeyDown} className="flex gap-1 overflow-x-auto border-b border-slate-200">
        {timelineTabs.map((tab) => {
          const isSelected = tab === selected;
          return (
            <button
              key={tab}
              ref={(element) => {
                tabRefs.current[tab] = element;
              }}
              type="button"
              role="tab"
              id={`tab-${tab}`}
              aria-selected={isSelected}
              aria-controls={`panel-${tab}`}
              tabIndex={isSelected ? 0 : -1}
              onClick={() => selectTimelineTab(tab)}
              className={`-mb-px flex shrink-0 items-center gap-1.5 rounded-t-md border-b-2 px-2.5 py-2.5 text-sm font-medium sm:gap-2 sm:px-3 ${focusRing} ${
                isSelected ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-700"
              }`}
            >
              {t(`tabs.${timelineTabKey[tab]}`)}{" "}
              <span
                className={`rounded-full px-2 py-0.5 text-xs tabular-nums ${isSelected ? "bg-indigo-100 text-indigo-700" : "bg-slate-100 text-slate-600"}`}
              >
                {counts[tab]}
              </span>
            </button>
          );
        })}
      </div>
      {timelineTabs.map((tab) => (
        <div
          key={tab}
          role="tabpanel"
          id={`panel-${tab}`}
          aria-labelledby={`tab-${tab}`}
          hidden={tab !== selected}
          tabIndex={0}
          className={`pt-4 ${focusRing} rounded-md`}
        >
          {panels[tab]}
        </div>
      ))}
    </div>
  );
}

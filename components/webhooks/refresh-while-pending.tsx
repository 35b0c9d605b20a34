"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

const FIRST_MS = 1_000;
const LAST_MS = 16_000;
// However many deliveries come and go, a page view asks this many times at most; then the rep reloads.
const MAX_REFRESHES = 12;

/**
 * While deliveries are pending, asks the server for the page again after 1, 2, 4, 8 and 16 s, so a test
 * event or a redelivery shows its answer without a reload (a delivery usually lands within a second;
 * one waiting minutes for a retry is left for the rep to reload). `pendingIds` starts it again when new
 * ones appear, within MAX_REFRESHES for the page view; a hidden tab is not refreshed.
 */
export function RefreshWhilePending({ pendingIds }: { pendingIds: string }) {
  const router = useRouter();
  const refreshes = useRef(0);
  useEffect(() => {
    if (!pendingIds) return;
    let delay = FIRST_MS;
    let timer: ReturnType<typeof setTimeout>;
    const refresh = () => {
      if (refreshes.current >= MAX_REFRESHES) return;
      if (document.visibilityState === "visible") {
        refreshes.current += 1;
        router.refresh();
      }
      delay *= 2;
      if (delay <= LAST_MS) timer = setTimeout(refresh, delay);
    };
    timer = setTimeout(refresh, delay);
    return () => clearTimeout(timer);
  }, [pendingIds, router]);
  return null;
}

"use client";

import { useEffect, useRef, type RefObject } from "react";

/**
 * For a list that grows a page at a time: after "Show more", focus moves to the first item it loaded (the
 * button may be gone, and reading continues there). Returns the function to call just before fetching.
 */
export function useFocusFirstLoaded(list: RefObject<HTMLElement | null>, itemSelector: string, itemCount: number): () => void {
  const focusIndex = useRef<number | null>(null);
  useEffect(() => {
    const index = focusIndex.current;
    if (index === null || itemCount <= index) return;
    focusIndex.current = null;
    list.current?.querySelectorAll<HTMLElement>(itemSelector)[index]?.focus();
  }, [list, itemSelector, itemCount]);
  return () => {
    focusIndex.current = itemCount;
  };
}

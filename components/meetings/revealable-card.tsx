"use client";

import { useEffect, useRef, useState, type ComponentProps } from "react";
import { useTimeline } from "./timeline-context";

const HIGHLIGHT_MS = 2500;

/**
 * A meeting card's <article>. When the page reveals this meeting (just logged or changed), it scrolls
 * into view, takes focus (so keyboard and screen reader users continue from it) and glows briefly.
 */
export function RevealableCard({ meetingId, className, ...props }: ComponentProps<"article"> & { meetingId: string }) {
  const { revealed } = useTimeline();
  const ref = useRef<HTMLElement>(null);
  const [highlighted, setHighlighted] = useState(false);

  useEffect(() => {
    const card = ref.current;
    // A card in a hidden tab panel is the meeting's old place; the one in the shown panel is revealed.
    if (revealed?.meetingId !== meetingId || !card?.checkVisibility()) return;
    const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    card.scrollIntoView({ block: "center", behavior: reduceMotion ? "auto" : "smooth" });
    card.focus({ preventScroll: true });
    setHighlighted(true);
    const timer = setTimeout(() => setHighlighted(false), HIGHLIGHT_MS);
    // Another meeting revealed before the glow ends: this card stops glowing now (the timer that would have
    // ended it is cleared here).
    return () => {
      clearTimeout(timer);
      setHighlighted(false);
    };
  }, [revealed, meetingId]);

  return (
    <article
      ref={ref}
      tabIndex={-1}
      data-highlighted={highlighted || undefined}
      className={`${className ?? ""} scroll-mt-4 transition-shadow duration-700 outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 ${
        highlighted ? "ring-2 ring-indigo-400 shadow-lg shadow-indigo-100" : ""
      }`}
      {...props}
    />
  );
}

"use client";

import { useMemo, useSyncExternalStore } from "react";

let browserZones: string[] | null = null;

/** The IANA zones this browser knows, UTC included, sorted: read from the browser itself, so no page ships ~400 names. */
export function browserTimeZones(): string[] {
  browserZones ??= [...new Set(["UTC", ...Intl.supportedValuesOf("timeZone")])].sort((a, b) => a.localeCompare(b));
  return browserZones;
}

const neverChanges = () => () => {};

/**
 * The choices of a time zone picker: the browser's zones plus the ones it must offer whatever the browser
 * knows (the current value). The server render and hydration have only those; the full list follows.
 */
export function useTimeZoneChoices(required: readonly string[]): string[] {
  const zones = useSyncExternalStore(neverChanges, browserTimeZones, () => null);
  const key = required.join("\n");
  return useMemo(() => {
    const missing = key.split("\n").filter((zone) => zone && !zones?.includes(zone));
    return missing.length ? [...missing, ...(zones ?? [])].sort((a, b) => a.localeCompare(b)) : (zones ?? []);
  }, [zones, key]);
}

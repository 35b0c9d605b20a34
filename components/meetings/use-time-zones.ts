"use client";

import { useSyncExternalStore } from "react";
import { currentZoneName } from "@/lib/time/zoned";

let browserZones: string[] | null = null;

/**
 * The IANA zones this browser knows, UTC included, by their current names, sorted: read from the browser
 * itself, so no page ships ~400 names.
 */
export function browserTimeZones(): string[] {
  browserZones ??= [...new Set(["UTC", ...Intl.supportedValuesOf("timeZone").map(currentZoneName)])].sort((a, b) => a.localeCompare(b));
  return browserZones;
}

const neverChanges = () => () => {};

/**
 * The choices of a time zone picker: the browser's zones, plus `current` when the browser does not know it
 * (a zone stored by the API). The server render and hydration have only `current`; the full list follows.
 */
export function useTimeZoneChoices(current: string): string[] {
  const zones = useSyncExternalStore(neverChanges, browserTimeZones, () => null);
  if (!zones) return [current];
  return zones.includes(current) ? zones : [current, ...zones];
}

import { formatInTimeZone } from "date-fns-tz";
import { describe, expect, it } from "vitest";
import { formatZoned } from "@/lib/time/format";

// Every pattern the dashboard formats with, in zones with DST both ways, half- and quarter-hour offsets
// and none, at instants stepping through a year (so across every DST change) plus midnight and noon.
const patterns = [
  "EEE, MMM d, yyyy, h:mm a zzz", "MMM d, yyyy, h:mm a zzz", "EEE, MMM d, yyyy", "EEE, MMM d, h:mm a zzz",
  "h:mm a zzz", "h:mm a", "h:mm", "a", "zzz", "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm",
];
const zones = [
  "UTC", "America/New_York", "America/Santiago", "Europe/London", "Asia/Kolkata", "Asia/Kathmandu",
  "Australia/Lord_Howe", "Pacific/Chatham", "America/St_Johns", "Pacific/Kiritimati", "US/Eastern",
];
const instants = [
  ...Array.from({ length: 400 }, (_, i) => new Date(Date.UTC(2026, 0, 1) + i * 22 * 3_600_000 + i * 7 * 60_000)),
  new Date("2026-03-08T05:00:00Z"), new Date("2026-11-01T04:59:59Z"), new Date("2026-06-15T12:00:00Z"), new Date("2026-06-15T00:00:00Z"),
];

describe("formatZoned", () => {
  it.each(zones)("writes what date-fns-tz's formatInTimeZone writes, in %s", (zone) => {
    for (const instant of instants) {
      for (const pattern of patterns) {
        expect(formatZoned(instant, zone, pattern), `${instant.toISOString()} ${pattern}`).toBe(formatInTimeZone(instant, zone, pattern));
      }
    }
  });
});

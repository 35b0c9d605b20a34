import { fromZonedTime } from "date-fns-tz";
import { describe, expect, it } from "vitest";
import { canonicalTimeZone, currentZoneName, isSameZone, parseIsoDateTime, timeZoneAsSpelled, toUtcIso, wallTimeToInstant, zoneOffsetMs } from "@/lib/time/zoned";

const inZone = (value: string, zone: string) => {
  const parsed = parseIsoDateTime(value);
  if (!parsed || parsed.kind !== "wall") throw new Error(`not a wall time: ${value}`);
  return wallTimeToInstant(parsed.wallAsUtcMs, zone).toISOString();
};

const instant = (value: string) => {
  const parsed = parseIsoDateTime(value);
  if (!parsed || parsed.kind !== "instant") throw new Error(`not an instant: ${value}`);
  return parsed.instant.toISOString();
};

describe("parseIsoDateTime", () => {
  it.each([
    ["2026-04-20T14:00:00", Date.UTC(2026, 3, 20, 14)],
    ["2026-04-20T14:00", Date.UTC(2026, 3, 20, 14)],
    ["2026-04-20 14:00:00", Date.UTC(2026, 3, 20, 14)],
    ["2026-04-20t14:00:00", Date.UTC(2026, 3, 20, 14)],
    ["  2026-04-20T14:00:00  ", Date.UTC(2026, 3, 20, 14)],
    ["2026-04-20T14:00:00.5", Date.UTC(2026, 3, 20, 14, 0, 0, 500)],
    ["2026-04-20T14:00:00,25", Date.UTC(2026, 3, 20, 14, 0, 0, 250)],
    ["2026-04-20T14:00:00.123456789", Date.UTC(2026, 3, 20, 14, 0, 0, 123)],
    ["2024-02-29T23:59:59", Date.UTC(2024, 1, 29, 23, 59, 59)],
  ])("reads %s as a wall time", (value, wallAsUtcMs) => {
    expect(parseIsoDateTime(value)).toEqual({ kind: "wall", wallAsUtcMs });
  });

  it.each([
    ["2026-04-20T14:00:00Z", "2026-04-20T14:00:00.000Z"],
    ["2026-04-20T14:00:00z", "2026-04-20T14:00:00.000Z"],
    ["2026-04-20T14:00:00.250Z", "2026-04-20T14:00:00.250Z"],
    ["2026-04-20T14:00:00+00:00", "2026-04-20T14:00:00.000Z"],
    ["2026-04-20T14:00:00-00:00", "2026-04-20T14:00:00.000Z"],
    ["2026-04-20T14:00:00-03:00", "2026-04-20T17:00:00.000Z"],
    ["2026-04-20T14:00:00+05:30", "2026-04-20T08:30:00.000Z"],
    ["2026-04-20T14:00:00+0545", "2026-04-20T08:15:00.000Z"],
    ["2026-04-20T14:00:00+09", "2026-04-20T05:00:00.000Z"],
    ["2026-04-20T01:00:00+14:00", "2026-04-19T11:00:00.000Z"],
    ["2026-12-31T23:30:00-01:00", "2027-01-01T00:30:00.000Z"],
  ])("reads %s as an absolute instant", (value, expected) => {
    expect(instant(value)).toBe(expected);
  });

  it.each([
    "2026-04-20",
    "2026-04-20T",
    "2026-04-20T14",
    "14:00:00",
    "2026-02-29T10:00:00",
    "2026-04-31T10:00:00",
    "2026-13-01T10:00:00",
    "2026-00-10T10:00:00",
    "2026-04-00T10:00:00",
    "2026-04-20T24:00:00",
    "2026-04-20T14:60:00",
    "2026-04-20T14:00:60",
    "2026-04-20T14:00:00+24:00",
    "2026-04-20T14:00:00+05:60",
    "2026-04-20T14:00:00 Z",
    "2026-04-20T14:00:00.Z",
    "2026-4-20T14:00:00",
    "20260420T140000",
    "April 20, 2026 14:00",
    "2026-04-20T14:00:00America/Santiago",
    "",
  ])("rejects %j", (value) => {
    expect(parseIsoDateTime(value)).toBeNull();
  });

  it("keeps years below 100 literal instead of mapping them to the 1900s", () => {
    expect(instant("0050-06-01T00:00:00Z")).toBe("0050-06-01T00:00:00.000Z");
    const wall = parseIsoDateTime("0099-12-31T23:00:00");
    expect(wall?.kind === "wall" && new Date(wall.wallAsUtcMs).toISOString()).toBe("0099-12-31T23:00:00.000Z");
  });
});

describe("wallTimeToInstant", () => {
  it.each([
    // [zone, wall time, instant, what it pins]
    ["America/New_York", "2026-01-15T09:00:00", "2026-01-15T14:00:00.000Z", "standard time"],
    ["America/New_York", "2026-07-15T09:00:00", "2026-07-15T13:00:00.000Z", "daylight time"],
    ["America/New_York", "2026-03-08T01:59:00", "2026-03-08T06:59:00.000Z", "just before the gap"],
    ["America/New_York", "2026-03-08T02:00:00", "2026-03-08T07:00:00.000Z", "gap start → offset before the gap"],
    ["America/New_York", "2026-03-08T02:30:00", "2026-03-08T07:30:00.000Z", "gap → offset before the gap"],
    ["America/New_York", "2026-03-08T03:00:00", "2026-03-08T07:00:00.000Z", "just after the gap"],
    ["America/New_York", "2026-11-01T01:30:00", "2026-11-01T05:30:00.000Z", "overlap → earlier instant"],
    ["America/New_York", "2026-11-01T02:00:00", "2026-11-01T07:00:00.000Z", "after the overlap"],
    ["America/Santiago", "2026-01-15T10:00:00", "2026-01-15T13:00:00.000Z", "southern summer (-03)"],
    ["America/Santiago", "2026-07-15T10:00:00", "2026-07-15T14:00:00.000Z", "southern winter (-04)"],
    ["America/Santiago", "2026-04-04T23:30:00", "2026-04-05T02:30:00.000Z", "overlap before midnight → earlier instant"],
    ["America/Santiago", "2026-09-06T00:00:00", "2026-09-06T04:00:00.000Z", "midnight that does not exist"],
    ["America/Santiago", "2026-09-06T00:30:00", "2026-09-06T04:30:00.000Z", "gap → offset before the gap"],
    ["America/Santiago", "2026-09-06T01:00:00", "2026-09-06T04:00:00.000Z", "just after the gap"],
    ["Europe/Berlin", "2026-03-29T02:30:00", "2026-03-29T01:30:00.000Z", "gap → offset before the gap"],
    ["Europe/Berlin", "2026-10-25T02:30:00", "2026-10-25T00:30:00.000Z", "overlap → earlier instant"],
    ["Australia/Sydney", "2026-10-04T02:30:00", "2026-10-03T16:30:00.000Z", "southern spring-forward gap"],
    ["Australia/Sydney", "2026-04-05T02:30:00", "2026-04-04T15:30:00.000Z", "southern fall-back overlap → earlier instant"],
    ["Australia/Lord_Howe", "2026-10-04T02:15:00", "2026-10-03T15:45:00.000Z", "30-minute gap → offset before (+10:30)"],
    ["Australia/Lord_Howe", "2026-04-05T01:45:00", "2026-04-04T14:45:00.000Z", "30-minute overlap → earlier instant (+11)"],
    ["Australia/Lord_Howe", "2026-04-05T02:00:00", "2026-04-04T15:30:00.000Z", "after the 30-minute overlap (+10:30)"],
    ["Asia/Kolkata", "2026-04-20T14:00:00", "2026-04-20T08:30:00.000Z", "a half-hour zone without DST"],
    ["UTC", "2026-04-20T14:00:00", "2026-04-20T14:00:00.000Z", "UTC"],
  ])("%s %s → %s (%s)", (zone, wall, expected) => {
    expect(inZone(wall, zone)).toBe(expected);
  });

  it("keeps milliseconds", () => {
    expect(inZone("2026-07-15T10:00:00.789", "America/Santiago")).toBe("2026-07-15T14:00:00.789Z");
  });

  it("answers the same wall time per zone from its cache, each time a Date of its own", () => {
    const wall = Date.UTC(2026, 6, 15, 10, 0);
    const first = wallTimeToInstant(wall, "America/Santiago");
    first.setTime(0);
    expect(wallTimeToInstant(wall, "America/Santiago").toISOString()).toBe("2026-07-15T14:00:00.000Z");
    expect(wallTimeToInstant(wall, "Europe/Berlin").toISOString()).toBe("2026-07-15T08:00:00.000Z");
  });

  it("agrees with zoneOffsetMs: the instant shows the wall time again outside gaps", () => {
    const wall = Date.UTC(2026, 10, 1, 1, 30);
    const result = wallTimeToInstant(wall, "America/New_York").getTime();
    expect(result + zoneOffsetMs("America/New_York", result)).toBe(wall);
  });
});

describe("date-fns-tz fromZonedTime (why lib/time/zoned.ts exists)", () => {
  it("is an hour early in a New York spring-forward gap, where RFC 5545 wants 07:30Z", () => {
    expect(fromZonedTime("2026-03-08T02:30:00", "America/New_York").toISOString()).toBe("2026-03-08T06:30:00.000Z");
    expect(inZone("2026-03-08T02:30:00", "America/New_York")).toBe("2026-03-08T07:30:00.000Z");
  });

  it("picks the later instant in a Sydney overlap, where RFC 5545 wants the earlier", () => {
    expect(fromZonedTime("2026-04-05T02:30:00", "Australia/Sydney").toISOString()).toBe("2026-04-04T16:30:00.000Z");
    expect(inZone("2026-04-05T02:30:00", "Australia/Sydney")).toBe("2026-04-04T15:30:00.000Z");
  });

  it("returns an Invalid Date for an unknown zone instead of failing", () => {
    expect(Number.isNaN(fromZonedTime("2026-04-20T14:00:00", "Mars/Olympus").getTime())).toBe(true);
    expect(canonicalTimeZone("Mars/Olympus")).toBeNull();
  });
});

describe("canonicalTimeZone", () => {
  it.each([
    ["America/Santiago", "America/Santiago"],
    ["america/santiago", "America/Santiago"],
    ["AMERICA/NEW_YORK", "America/New_York"],
    ["UTC", "UTC"],
    ["utc", "UTC"],
    ["Australia/Lord_Howe", "Australia/Lord_Howe"],
    ["Etc/GMT+3", "Etc/GMT+3"],
    // Renamed by IANA, still spelled the old way by ICU: today's name, whichever was given.
    ["Asia/Kolkata", "Asia/Kolkata"],
    ["ASIA/KOLKATA", "Asia/Kolkata"],
    ["Asia/Calcutta", "Asia/Kolkata"],
    ["europe/kyiv", "Europe/Kyiv"],
    ["America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"],
  ])("canonicalises %s to %s", (input, expected) => {
    expect(canonicalTimeZone(input)).toBe(expected);
  });

  it.each(["", "Mars/Olympus", "Santiago", "../../etc/passwd", "America/Santiago ", "UTC\u0000", "America/Santiago; drop table"])(
    "rejects %j",
    (input) => {
      expect(canonicalTimeZone(input)).toBeNull();
    },
  );
});

describe("currentZoneName", () => {
  it("names by today's IANA name every zone the runtime lists, and each of those names works in Intl", () => {
    const zones = Intl.supportedValuesOf("timeZone").map(currentZoneName);
    for (const renamed of ["Asia/Kolkata", "Europe/Kyiv", "Asia/Ho_Chi_Minh", "America/Nuuk", "Pacific/Kanton"]) expect(zones).toContain(renamed);
    for (const old of ["Asia/Calcutta", "Europe/Kiev", "Asia/Saigon", "America/Godthab"]) expect(zones).not.toContain(old);
    for (const zone of zones) expect(() => new Intl.DateTimeFormat("en-US", { timeZone: zone })).not.toThrow();
  });
});

describe("isSameZone", () => {
  it("tells one zone under two names from two zones", () => {
    expect(isSameZone("Asia/Calcutta", "Asia/Kolkata")).toBe(true);
    expect(isSameZone("US/Eastern", "America/New_York")).toBe(true);
    expect(isSameZone("america/santiago", "America/Santiago")).toBe(true);
    expect(isSameZone("UTC", "America/New_York")).toBe(false);
    expect(isSameZone("Mars/Olympus", "Mars/Olympus")).toBe(true);
    expect(isSameZone("Mars/Olympus", "UTC")).toBe(false);
  });
});

describe("toUtcIso", () => {
  it("drops zero milliseconds and keeps the Z", () => {
    expect(toUtcIso(new Date(Date.UTC(2026, 3, 20, 14)))).toBe("2026-04-20T14:00:00Z");
    expect(toUtcIso(new Date(Date.UTC(2026, 3, 20, 14, 0, 0, 5)))).toBe("2026-04-20T14:00:00.005Z");
  });
});

describe("timeZoneAsSpelled", () => {
  it.each([
    ["america/santiago", "America/Santiago"],
    ["US/Eastern", "US/Eastern"],
    ["EST", "EST"],
    ["Asia/Calcutta", "Asia/Calcutta"],
    ["ASIA/KOLKATA", "Asia/Kolkata"],
    ["asia/ho_chi_minh", "Asia/Ho_Chi_Minh"],
    ["UTC", "UTC"],
  ])("%s → %s", (input, expected) => {
    expect(timeZoneAsSpelled(input)).toBe(expected);
  });

  it("refuses an unknown zone", () => {
    expect(timeZoneAsSpelled("Mars/Olympus")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { formatDuration, meetingSourceLabel, safeMeetingHref } from "@/lib/meetings/display";
import { formatInstant, formatMeetingTime as formatMeetingTimeIn } from "@/lib/time/locale-format";

const formatMeetingTime = (startsAt: Date, endsAt: Date, timeZone: string) => formatMeetingTimeIn(startsAt, endsAt, timeZone, "en");

describe("safeMeetingHref", () => {
  it.each([
    ["https://meet.google.com/abc-xyz", "https://meet.google.com/abc-xyz"],
    ["http://example.com/call", "http://example.com/call"],
    ["javascript:alert(document.cookie)", null],
    ["JavaScript:alert(1)", null],
    ["  javascript:alert(1)", null],
    ["data:text/html,<script>alert(1)</script>", null],
    ["vbscript:msgbox(1)", null],
    ["//evil.example.com", null],
    ["meet.google.com/abc", null],
    ["", null],
    [null, null],
  ])("%s → %s", (url, href) => {
    expect(safeMeetingHref(url)).toBe(href);
  });
});

describe("formatDuration", () => {
  const start = new Date("2026-05-10T12:00:00Z");
  const plus = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
  it.each([
    ["en", 30, "30 min"],
    ["en", 60, "1 h"],
    ["en", 90, "1 h 30 min"],
    ["en", 1440, "24 h"],
    // Spanish through Intl.DurationFormat.
    ["es", 1, "1 min"],
    ["es", 60, "1 h"],
    ["es", 90, "1 h y 30 min"],
    ["es", 121, "2 h y 1 min"],
  ] as const)("%s: %i minutes → %s", (locale, minutes, text) => {
    expect(formatDuration(start, plus(minutes), locale)).toBe(text);
  });
});

describe("formatMeetingTime", () => {
  it("shows the range in the given zone", () => {
    const { date, time } = formatMeetingTime(new Date("2026-05-10T14:00:00Z"), new Date("2026-05-10T14:30:00Z"), "America/New_York");
    expect(date).toBe("Sun, May 10, 2026");
    expect(time).toBe("10:00 – 10:30 AM EDT");
  });

  it("names both halves of the day and both dates when they differ", () => {
    expect(formatMeetingTime(new Date("2026-05-10T15:30:00Z"), new Date("2026-05-10T16:30:00Z"), "America/New_York").time).toBe(
      "11:30 AM – 12:30 PM EDT",
    );
    expect(formatMeetingTime(new Date("2026-05-11T03:30:00Z"), new Date("2026-05-11T04:30:00Z"), "America/New_York").time).toBe(
      "11:30 PM – Mon, May 11, 12:30 AM EDT",
    );
  });

  it("names the end's year when it is another year, so a long range never reads backwards", () => {
    expect(formatMeetingTime(new Date("2026-01-01T10:00:00Z"), new Date("2036-01-01T10:00:00Z"), "America/Santiago").time).toBe(
      "7:00 AM – Tue, Jan 1, 2036, 7:00 AM GMT-3",
    );
    expect(formatMeetingTime(new Date("2026-01-01T04:30:00Z"), new Date("2026-01-01T05:30:00Z"), "America/New_York").time).toBe(
      "11:30 PM – Thu, Jan 1, 2026, 12:30 AM EST",
    );
  });

  it("names the zone on both ends across a DST change, so the range never reads backwards", () => {
    // Fall back: 1:30 EDT, then 1:00 EST half an hour later.
    expect(formatMeetingTime(new Date("2026-11-01T05:30:00Z"), new Date("2026-11-01T06:00:00Z"), "America/New_York").time).toBe(
      "1:30 AM EDT – 1:00 AM EST",
    );
    // Spring forward: 1:30 EST, then 3:30 EDT an hour later.
    expect(formatMeetingTime(new Date("2026-03-08T06:30:00Z"), new Date("2026-03-08T07:30:00Z"), "America/New_York").time).toBe(
      "1:30 AM EST – 3:30 AM EDT",
    );
    // Across midnight and the change: both dates and both zones.
    expect(formatMeetingTime(new Date("2026-03-08T04:30:00Z"), new Date("2026-03-08T07:30:00Z"), "America/New_York").time).toBe(
      "11:30 PM EST – Sun, Mar 8, 3:30 AM EDT",
    );
    // Same abbreviation on both ends: printed once.
    expect(formatMeetingTime(new Date("2026-11-01T07:00:00Z"), new Date("2026-11-01T07:30:00Z"), "America/New_York").time).toBe(
      "2:00 – 2:30 AM EST",
    );
  });
});

describe("formatMeetingTime in Spanish", () => {
  const es = (start: string, end: string, zone: string) => formatMeetingTimeIn(new Date(start), new Date(end), zone, "es");

  it("reads as a Chilean rep expects: weekday, day, month, 24-hour range and the zone by name", () => {
    expect(es("2026-04-20T14:00:00Z", "2026-04-20T15:00:00Z", "America/Santiago")).toEqual({
      date: "lun, 20 abr 2026",
      time: "10:00–11:00 (hora de Chile)",
    });
  });

  it("pads the hour alike in a range and elsewhere, and names the end's year when it is another year", () => {
    expect(es("2026-04-20T10:00:00Z", "2026-04-20T10:30:00Z", "America/Santiago").time).toBe("06:00–06:30 (hora de Chile)");
    expect(es("2026-01-01T10:00:00Z", "2036-01-01T10:00:00Z", "America/Santiago").time).toBe("07:00 – 1 ene 2036, 07:00 (hora de Chile)");
  });

  it("shows the end's date when the meeting runs past midnight", () => {
    expect(es("2026-04-21T03:30:00Z", "2026-04-21T04:30:00Z", "America/New_York").time).toBe("23:30 – 21 abr, 00:30 (hora oriental)");
  });

  it("gives each end its offset across a DST change, so the range never reads backwards", () => {
    expect(es("2026-11-01T05:30:00Z", "2026-11-01T06:00:00Z", "America/New_York").time).toBe("01:30 GMT-4 – 01:00 GMT-5 (hora oriental)");
  });

  it("names the zone as it is named today even for dates before its metazone (a city name, spelled differently by each ICU)", () => {
    expect(es("1950-06-01T16:00:00Z", "1950-06-01T17:00:00Z", "America/New_York").time).toBe("12:00–13:00 (hora oriental)");
    expect(formatInstant(new Date("1950-06-01T16:00:00Z"), "America/New_York", "es", "full")).toMatch(/\(hora oriental\)$/);
  });

  it("formats single instants in the same language", () => {
    expect(formatInstant(new Date("2026-04-20T14:00:00Z"), "America/Santiago", "es", "full")).toBe("lun, 20 abr 2026, 10:00 (hora de Chile)");
    expect(formatInstant(new Date("2026-04-20T14:00:00Z"), "America/Santiago", "en", "full")).toBe("Mon, Apr 20, 2026, 10:00 AM GMT-4");
  });
});

describe("formatMeetingTime across languages and zones", () => {
  it("keeps each language, zone and time range apart, however often it is asked", () => {
    const [start, end] = [new Date("2026-04-20T14:00:00Z"), new Date("2026-04-20T15:00:00Z")];
    for (let round = 0; round < 2; round++) {
      expect(formatMeetingTimeIn(start, end, "America/Santiago", "es").time).toBe("10:00–11:00 (hora de Chile)");
      expect(formatMeetingTimeIn(start, end, "America/Santiago", "en").time).toBe("10:00 – 11:00 AM GMT-4");
      expect(formatMeetingTimeIn(start, end, "America/New_York", "en").time).toBe("10:00 – 11:00 AM EDT");
      expect(formatMeetingTimeIn(start, new Date("2026-04-20T14:45:00Z"), "America/New_York", "en").time).toBe("10:00 – 10:45 AM EDT");
    }
  });
});

describe("meetingSourceLabel", () => {
  it("names the calendar provider when there is one", () => {
    expect(meetingSourceLabel({ source: "api", externalCalendarProvider: "ghl" })).toBe("GHL");
    expect(meetingSourceLabel({ source: "api", externalCalendarProvider: "acme-cal" })).toBe("acme-cal");
    // Without a provider the card names the source itself, in the rep's language ("meetings.card.sources").
    expect(meetingSourceLabel({ source: "api", externalCalendarProvider: null })).toBeNull();
    expect(meetingSourceLabel({ source: "manual", externalCalendarProvider: "  " })).toBeNull();
  });
});

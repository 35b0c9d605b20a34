import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { Locale } from "@/lib/i18n/locales";
import { rescheduleInputSchema } from "@/lib/meetings/schema";
import { editedTimeFields, humanizeFieldError, startInstant, timeInput, timeValuesOf, wallTimeGapNotice, type TimeValues } from "@/lib/meetings/time-form";
import { catalogues } from "@/messages";

const values: TimeValues = { startsAt: "2027-03-14T02:30", endMode: "duration", durationMinutes: "30", endsAt: "", timezone: "America/New_York" };

describe("timeInput", () => {
  it("sends a duration or an end, never both, and blank fields as absent", () => {
    expect(timeInput(values)).toEqual({ starts_at: "2027-03-14T02:30", duration_minutes: 30, timezone: "America/New_York" });
    expect(timeInput({ ...values, endMode: "end", endsAt: "2027-03-14T04:00" })).toEqual({
      starts_at: "2027-03-14T02:30", ends_at: "2027-03-14T04:00", timezone: "America/New_York",
    });
    expect(timeInput({ ...values, startsAt: "", durationMinutes: " " })).toEqual({ starts_at: undefined, duration_minutes: undefined, timezone: "America/New_York" });
  });
});

describe("editedTimeFields", () => {
  it("names the API fields an edit may fix", () => {
    expect(editedTimeFields({ startsAt: "x" })).toEqual(["starts_at"]);
    expect(editedTimeFields({ endMode: "end" })).toEqual(["ends_at", "duration_minutes"]);
  });
});

describe("timeValuesOf", () => {
  it("shows a meeting's times in its own zone, as a duration", () => {
    expect(timeValuesOf({ startsAt: new Date("2026-11-01T05:30:00Z"), endsAt: new Date("2026-11-01T06:15:00Z"), timezone: "America/New_York" })).toEqual({
      startsAt: "2026-11-01T01:30", endMode: "duration", durationMinutes: "45", endsAt: "2026-11-01T01:15", timezone: "America/New_York",
    });
  });

  it("shows a wall time that the browser's own zone skips (its spring-forward gap) as it is, not an hour late", () => {
    const browserZone = process.env.TZ;
    process.env.TZ = "America/New_York"; // clocks there go from 02:00 to 03:00 on 2027-03-14
    try {
      expect(new Date(2027, 2, 14, 2, 15).getHours()).toBe(3); // the premise: 02:15 does not exist here
      const santiago = { startsAt: new Date("2027-03-14T05:15:00Z"), endsAt: new Date("2027-03-14T06:15:00Z"), timezone: "America/Santiago" };
      expect(timeValuesOf(santiago)).toMatchObject({ startsAt: "2027-03-14T02:15", endsAt: "2027-03-14T03:15", durationMinutes: "60" });
    } finally {
      if (browserZone === undefined) delete process.env.TZ;
      else process.env.TZ = browserZone;
    }
  });

  it("keeps years 0001-0099 as they are", () => {
    const early = { startsAt: new Date("0049-06-01T12:00:00Z"), endsAt: new Date("0049-06-01T13:00:00Z"), timezone: "UTC" };
    expect(timeValuesOf(early).startsAt).toBe("0049-06-01T12:00");
  });
});

describe("startInstant", () => {
  it("reads the start in the chosen zone, as the schema does", () => {
    expect(startInstant({ startsAt: "2026-11-20T10:00", timezone: "America/New_York" })).toEqual(new Date("2026-11-20T15:00:00Z"));
    expect(startInstant({ startsAt: "2027-03-14T02:30", timezone: "America/New_York" })).toEqual(new Date("2027-03-14T07:30:00Z"));
    expect(startInstant({ startsAt: "", timezone: "America/New_York" })).toBeNull();
    expect(startInstant({ startsAt: "2026-11-20T10:00", timezone: "Not/AZone" })).toBeNull();
  });
});

describe("wallTimeGapNotice", () => {
  const notice = (wallTime: string, timeZone: string, locale: Locale = "en") =>
    wallTimeGapNotice(wallTime, timeZone, locale, createTranslator({ locale, messages: catalogues[locale], namespace: "meetingForms.time" }));

  it("says where a time in a spring-forward gap lands, as the schema will read it", () => {
    expect(notice("2027-03-14T02:30", "America/New_York")).toBe(
      "02:30 does not exist on 2027-03-14 in America/New_York; it is read as 03:30, because clocks move forward that night.",
    );
    const saved = rescheduleInputSchema("UTC").parse(timeInput(values));
    expect(saved.startsAt).toEqual(new Date("2027-03-14T07:30:00Z")); // 03:30 EDT
  });

  it("says it in the rep's language, the day as their dates read", () => {
    expect(notice("2026-09-06T00:30", "America/Santiago", "es")).toBe(
      "Las 00:30 del 6 sept 2026 no existen en America/Santiago; se toman como las 01:30, porque esa noche se adelantan los relojes.",
    );
  });

  it("is silent for times that exist, incomplete input and unknown zones", () => {
    expect(notice("2027-03-14T03:30", "America/New_York")).toBeNull();
    expect(notice("2026-11-01T01:30", "America/New_York")).toBeNull(); // repeated, not missing
    expect(notice("", "America/New_York")).toBeNull();
    expect(notice("2027-03-14T02:30", "Not/AZone")).toBeNull();
  });
});

describe("humanizeFieldError", () => {
  it("names API fields as people read them", () => {
    expect(humanizeFieldError("must be after starts_at")).toBe("must be after the start");
    expect(humanizeFieldError("is required unless duration_minutes is given")).toBe("is required unless the duration is given");
  });
});

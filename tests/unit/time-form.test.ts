import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { Locale } from "@/lib/i18n/locales";
import { rescheduleInputSchema } from "@/lib/meetings/schema";
import {
  editedTimeFields, humanizeFieldError, noTimes, repeatedWallTimeChoice, repeatsOf, startInstant, timeInput, timeValuesOf, wallTimeGapNotice,
  type TimeValues,
} from "@/lib/meetings/time-form";
import { catalogues } from "@/messages";

const values: TimeValues = { ...noTimes("America/New_York"), startsAt: "2027-03-14T02:30" };

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
    // 01:30 EDT to 01:15 EST: clocks go back at 02:00 that night, so the end is the second 01:15.
    expect(timeValuesOf({ startsAt: new Date("2026-11-01T05:30:00Z"), endsAt: new Date("2026-11-01T06:15:00Z"), timezone: "America/New_York" })).toEqual({
      startsAt: "2026-11-01T01:30", startsAtOccurrence: "first", endMode: "duration", durationMinutes: "45",
      endsAt: "2026-11-01T01:15", endsAtOccurrence: "second", timezone: "America/New_York",
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
  const first = "first" as const;
  it("reads the start in the chosen zone, as the schema does", () => {
    expect(startInstant({ startsAt: "2026-11-20T10:00", startsAtOccurrence: first, timezone: "America/New_York" })).toEqual(new Date("2026-11-20T15:00:00Z"));
    expect(startInstant({ startsAt: "2027-03-14T02:30", startsAtOccurrence: first, timezone: "America/New_York" })).toEqual(new Date("2027-03-14T07:30:00Z"));
    expect(startInstant({ startsAt: "", startsAtOccurrence: first, timezone: "America/New_York" })).toBeNull();
    expect(startInstant({ startsAt: "2026-11-20T10:00", startsAtOccurrence: first, timezone: "Not/AZone" })).toBeNull();
  });

  it("reads the chosen occurrence of a repeated wall time, and ignores the choice for any other", () => {
    expect(startInstant({ startsAt: "2027-11-07T01:30", startsAtOccurrence: "second", timezone: "America/New_York" })).toEqual(new Date("2027-11-07T06:30:00Z"));
    expect(startInstant({ startsAt: "2027-11-07T03:30", startsAtOccurrence: "second", timezone: "America/New_York" })).toEqual(new Date("2027-11-07T08:30:00Z"));
  });
});

describe("a wall time the zone shows twice (clocks go back over it)", () => {
  it("is found with both its instants, and nowhere else", () => {
    expect(repeatsOf("2027-11-07T01:30", "America/New_York")).toEqual([new Date("2027-11-07T05:30:00Z"), new Date("2027-11-07T06:30:00Z")]);
    expect(repeatsOf("2027-11-07T00:59", "America/New_York")).toBeNull();
    expect(repeatsOf("2027-11-07T02:00", "America/New_York")).toBeNull();
    expect(repeatsOf("2027-03-14T02:30", "America/New_York")).toBeNull(); // a gap, not a repeat
    expect(repeatsOf("2027-11-07T01:30", "Not/AZone")).toBeNull();
  });

  it("keeps the second occurrence a meeting was booked at through the reschedule form, untouched or with a new duration", () => {
    const booked = { startsAt: new Date("2027-11-07T06:30:00Z"), endsAt: new Date("2027-11-07T07:00:00Z"), timezone: "America/New_York" };
    const shown = timeValuesOf(booked);
    expect(shown).toMatchObject({ startsAt: "2027-11-07T01:30", startsAtOccurrence: "second" });
    for (const form of [shown, { ...shown, durationMinutes: "45" }]) {
      const saved = rescheduleInputSchema("America/New_York").parse(timeInput(form));
      expect(saved.startsAt).toEqual(booked.startsAt);
    }
  });

  it("sends the first occurrence as the wall time typed, and the second as its instant", () => {
    const repeated = { ...values, startsAt: "2027-11-07T01:30", endMode: "end" as const, endsAt: "2027-11-07T01:45" };
    expect(timeInput(repeated)).toMatchObject({ starts_at: "2027-11-07T01:30", ends_at: "2027-11-07T01:45" });
    expect(timeInput({ ...repeated, startsAtOccurrence: "second", endsAtOccurrence: "second" })).toMatchObject({
      starts_at: "2027-11-07T06:30:00Z", ends_at: "2027-11-07T06:45:00Z", timezone: "America/New_York",
    });
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
      "La hora 00:30 del 6 sept 2026 no existe en America/Santiago; se toma como 01:30, porque esa noche se adelantan los relojes.",
    );
  });

  it("is silent for times that exist, incomplete input and unknown zones", () => {
    expect(notice("2027-03-14T03:30", "America/New_York")).toBeNull();
    expect(notice("2026-11-01T01:30", "America/New_York")).toBeNull(); // repeated, not missing
    expect(notice("", "America/New_York")).toBeNull();
    expect(notice("2027-03-14T02:30", "Not/AZone")).toBeNull();
  });
});

describe("repeatedWallTimeChoice", () => {
  const choice = (wallTime: string, timeZone: string, locale: Locale = "en") =>
    repeatedWallTimeChoice(wallTime, timeZone, locale, createTranslator({ locale, messages: catalogues[locale], namespace: "meetingForms.time" }));

  it("asks which of the two, each told apart by its offset, in the rep's language", () => {
    expect(choice("2027-11-07T01:30", "America/New_York")).toEqual({
      question: "01:30 happens twice on 2027-11-07 in America/New_York, because clocks go back that night. Which one?",
      first: "The first, 1:30 AM GMT-4",
      second: "The second, 1:30 AM GMT-5",
    });
    expect(choice("2027-04-03T23:30", "America/Santiago", "es")).toEqual({
      question: "La hora 23:30 del 3 abr 2027 se repite en America/Santiago, porque esa noche se atrasan los relojes. ¿Cuál de las dos?",
      first: "La primera vez (23:30 GMT-3)",
      second: "La segunda vez (23:30 GMT-4)",
    });
    expect(choice("2027-11-07T01:30", "America/New_York", "es")).toEqual({
      question: "La hora 01:30 del 7 nov 2027 se repite en America/New_York, porque esa noche se atrasan los relojes. ¿Cuál de las dos?",
      first: "La primera vez (01:30 GMT-4)",
      second: "La segunda vez (01:30 GMT-5)",
    });
  });

  it("asks nothing for a time that happens once", () => {
    expect(choice("2027-11-07T03:30", "America/New_York")).toBeNull();
    expect(choice("2027-03-14T02:30", "America/New_York")).toBeNull();
  });
});

describe("humanizeFieldError", () => {
  it("names API fields as people read them", () => {
    expect(humanizeFieldError("must be after starts_at")).toBe("must be after the start");
    expect(humanizeFieldError("is required unless duration_minutes is given")).toBe("is required unless the duration is given");
  });
});

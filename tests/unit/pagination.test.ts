import { describe, expect, it } from "vitest";
import { isPreciseInstant } from "@/lib/pagination";

describe("isPreciseInstant (a cursor's instants)", () => {
  it.each(["2026-09-01T12:00:00.123456Z", "0001-01-01T00:00:00.000000Z", "9999-12-31T23:59:59.999999Z", "2024-02-29T23:59:59.000000Z"])(
    "accepts %s, as preciseInstant writes it",
    (value) => expect(isPreciseInstant(value)).toBe(true),
  );

  it.each([
    ["another shape", "2026-09-01T12:00:00Z"],
    ["milliseconds only", "2026-09-01T12:00:00.123Z"],
    ["month 13", "2026-13-01T12:00:00.000000Z"],
    ["February 29 of a common year", "2026-02-29T12:00:00.000000Z"],
    ["hour 24", "2026-09-01T24:00:00.000000Z"],
    ["minute 60", "2026-09-01T12:60:00.000000Z"],
    ["year 0000, which PostgreSQL does not read", "0000-06-01T00:00:00.000000Z"],
    ["a number", 1_767_225_600_000],
    ["nothing", undefined],
  ])("refuses %s", (_label, value) => expect(isPreciseInstant(value)).toBe(false));
});

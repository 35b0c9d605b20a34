import { describe, expect, it } from "vitest";
import { decodePosition, encodePosition, type LeadPosition } from "@/lib/leads/list-order";
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

describe("decodePosition (the dashboard lead list's ?after= and ?before=)", () => {
  const token = (position: object) => encodePosition(position as LeadPosition);
  const id = "0b0c7d4e-0000-4000-8000-000000000000";

  it("reads back a position it issued, for its own order only", () => {
    const position: LeadPosition = { sort: "updated", updatedAt: "2026-09-01T12:00:00.123456Z", id };
    expect(decodePosition(token(position), "updated")).toEqual(position);
    expect(decodePosition(token(position), "name")).toBeNull();
  });

  it.each([
    ["an impossible date", { sort: "updated", updatedAt: "2026-13-45T99:99:99.000000Z", id }],
    ["year 0000", { sort: "next-meeting", nextAt: "0000-06-01T00:00:00.000000Z", name: "Ana", id }],
    ["a name holding NUL", { sort: "name", name: "a\u0000b", id }],
  ])("treats a token edited to hold %s as no position (the first page), never a query that fails", (_label, position) => {
    expect(decodePosition(token(position), (position as LeadPosition).sort)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { parsePostgresTimestamptz } from "@/db/timestamptz";

describe("parsePostgresTimestamptz (PostgreSQL's ISO DateStyle text)", () => {
  it.each([
    ["2026-12-07 16:10:15.454+00", "2026-12-07T16:10:15.454Z"],
    ["2026-12-07 16:10:15.454123+00", "2026-12-07T16:10:15.454Z"],
    ["2026-12-07 13:10:15-03", "2026-12-07T16:10:15.000Z"],
    ["2026-12-07 21:40:15+05:30", "2026-12-07T16:10:15.000Z"],
    ["0049-06-01 00:00:00+00", "0049-06-01T00:00:00.000Z"],
    ["0001-01-01 00:00:00+00", "0001-01-01T00:00:00.000Z"],
    ["0099-12-31 23:59:59.999+00", "0099-12-31T23:59:59.999Z"],
    ["1850-01-01 00:00:00-04:56:02", "1850-01-01T04:56:02.000Z"],
    ["9999-12-31 23:59:59.999+00", "9999-12-31T23:59:59.999Z"],
  ])("reads %s as %s", (text, iso) => {
    expect(parsePostgresTimestamptz(text).toISOString()).toBe(iso);
  });

  it("gives an invalid Date for text it does not know, never a wrong one", () => {
    expect(Number.isNaN(parsePostgresTimestamptz("infinity").getTime())).toBe(true);
  });
});

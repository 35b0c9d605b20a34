import { customType } from "drizzle-orm/pg-core";

/**
 * A timestamptz column as a Date. Not drizzle's timestamp(): that hands PostgreSQL's text
 * ("0049-06-01 00:00:00+00") to Date's legacy parser, which reads years 0001–0099 as 1901–2049, so a
 * meeting in year 49 came back as 2049; and it cannot read the offsets with seconds that a session in a
 * zone's local mean time writes ("1850-01-01 00:00:00-04:56:02").
 */
export const timestamptz = customType<{ data: Date; driverData: string | Date }>({
  dataType: () => "timestamp with time zone",
  toDriver: (value) => value.toISOString(),
  fromDriver: (value) => (value instanceof Date ? value : readTimestamptz(value)),
});

function readTimestamptz(text: string): Date {
  const instant = parsePostgresTimestamptz(text);
  // Loud rather than an Invalid Date that would surface later as a wrong comparison or a RangeError.
  if (Number.isNaN(instant.getTime())) throw new Error(`Unreadable timestamptz from the database: ${JSON.stringify(text)} (is DateStyle ISO?)`);
  return instant;
}

const WITH_OFFSET = /^(.+?)([+-])(\d{2})(?::?(\d{2}))?(?::?(\d{2}))?$/;

/** PostgreSQL's ISO DateStyle text of a timestamptz ("2026-12-07 16:10:15.454123+00") as a Date. */
export function parsePostgresTimestamptz(text: string): Date {
  const match = WITH_OFFSET.exec(text);
  if (!match) return new Date(Number.NaN);
  const [, local, sign, hours, minutes = "0", seconds = "0"] = match;
  const localAsUtc = Date.parse(`${local.replace(" ", "T")}Z`);
  const offsetMs = (Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds)) * 1000;
  return new Date(sign === "+" ? localAsUtc - offsetMs : localAsUtc + offsetMs);
}

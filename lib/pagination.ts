import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import { isStorableInstant, parseIsoDateTime } from "@/lib/time/zoned";

// What every keyset listing shares on the server: opaque cursors and instants at PostgreSQL's precision.
// (The `limit` parameter's schema is `pageLimit` in lib/validation.ts, which browser code may import.)

/** A cursor as callers see it: base64url of a small JSON object, opaque to them. */
export const encodeCursor = (position: object): string => Buffer.from(JSON.stringify(position)).toString("base64url");

/** The object inside a cursor, or null when the text is not one this API could have issued. */
export function decodeCursor(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A timestamptz column (or expression) as UTC text with microseconds: a JavaScript Date would round them and skip ties. */
export const preciseInstant = (column: AnyPgColumn | SQL) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const PRECISE_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/**
 * Whether a cursor's instant is one preciseInstant could have written: its shape, a real date and time,
 * and a year PostgreSQL reads (a cursor is the caller's to edit, and "2026-13-45…" or year 0000 would
 * otherwise reach the database as a cast that fails).
 */
export function isPreciseInstant(value: unknown): value is string {
  if (typeof value !== "string" || !PRECISE_INSTANT.test(value)) return false;
  const parsed = parseIsoDateTime(value);
  return parsed?.kind === "instant" && isStorableInstant(parsed.instant);
}

/** isPreciseInstant as a schema, for the positions cursors carry. */
export const preciseInstantText = () => z.string().refine(isPreciseInstant);

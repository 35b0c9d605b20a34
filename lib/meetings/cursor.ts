import { validationFailed } from "@/lib/errors";
import { decodeCursor, encodeCursor, isPreciseInstant } from "@/lib/pagination";
import { isUuid } from "@/lib/validation";

/**
 * Where a page of a lead's meetings ended, in the listing's order (starts_at desc, created_at desc, id).
 * The instants keep PostgreSQL's microseconds (a JavaScript Date would round them and skip ties).
 */
export type MeetingCursor = { leadId: string; startsAt: string; createdAt: string; id: string };

export const encodeMeetingCursor = (cursor: MeetingCursor): string =>
  encodeCursor({ l: cursor.leadId, s: cursor.startsAt, c: cursor.createdAt, i: cursor.id });

/** The cursor, or null when the text is not one this API issued. */
function decodeMeetingCursor(text: string): MeetingCursor | null {
  const { l, s, c, i } = decodeCursor(text) ?? {};
  const valid =
    typeof l === "string" && isUuid(l) && typeof i === "string" && isUuid(i) &&
    isPreciseInstant(s) && isPreciseInstant(c);
  return valid ? { leadId: l, startsAt: s, createdAt: c, id: i } : null;
}

/** The cursor of a page of this lead's meetings; anything else (another lead's, and so another client's) is a 400 on `cursor`. */
export function meetingCursorOfLead(text: string, leadId: string): MeetingCursor {
  const cursor = decodeMeetingCursor(text);
  if (cursor?.leadId !== leadId) {
    throw validationFailed([{ field: "cursor", message: "is not a cursor of this lead's meetings; pass next_cursor from the previous page" }]);
  }
  return cursor;
}

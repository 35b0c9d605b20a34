import type { Database } from "@/db/client";
import { leadNotFound } from "@/lib/errors";
import { getLead } from "@/lib/leads/service";
import { isUuid } from "@/lib/validation";
import { encodeMeetingCursor, meetingCursorOfLead } from "./cursor";
import { listPublicMeetingPageOfLead, listPublicMeetingsOfLead } from "./queries";
import type { MeetingListQuery } from "./schema";

/**
 * GET /leads/{id}/meetings: the whole list as the spec shows it, or, with `limit` or `cursor`, one keyset
 * page and `next_cursor`; each meeting as the JSON the database keeps for it (meetings.public_json), in the
 * UTF-8 bytes PostgreSQL sent, ready to send on. lead_not_found when the lead is missing or another client's; a cursor
 * issued for another lead (and so for another client's) is a 400, never their data.
 */
export async function listLeadMeetings(
  db: Database,
  params: { clientId: string; leadId: string; query: MeetingListQuery },
): Promise<{ meetings: Buffer[]; nextCursor?: string | null }> {
  const { clientId, leadId, query } = params;
  if (!isUuid(leadId)) throw leadNotFound();
  const { status: statuses, from, to, limit, cursor } = query;
  const filter = { clientId, leadId, statuses, from, to };

  let meetings: Buffer[];
  let nextCursor: string | null | undefined;
  if (limit === undefined && cursor === undefined) {
    meetings = await listPublicMeetingsOfLead(db, filter);
  } else {
    const after = cursor === undefined ? null : meetingCursorOfLead(cursor, leadId);
    const page = await listPublicMeetingPageOfLead(db, { ...filter, limit: limit ?? DEFAULT_PAGE, after });
    meetings = page.meetings;
    nextCursor = page.nextCursor && encodeMeetingCursor(page.nextCursor);
  }
  // The meetings query is scoped by client and lead, so rows prove the lead is the caller's: one round
  // trip for the usual answer. Only an empty one needs to tell "no meetings" from "no such lead".
  if (!meetings.length) await getLead(db, { clientId, leadId });
  return { meetings, ...(nextCursor !== undefined && { nextCursor }) };
}

const DEFAULT_PAGE = 50;

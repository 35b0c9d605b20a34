import type { Database } from "@/db/client";
import { validationFailed } from "@/lib/errors";
import { getLead } from "@/lib/leads/service";
import { decodeMeetingCursor, encodeMeetingCursor } from "./cursor";
import { listMeetingPageOfLead, listMeetingsOfLead, type MeetingView } from "./queries";
import type { MeetingListQuery } from "./schema";

/**
 * GET /leads/{id}/meetings: the whole list as the spec shows it, or, with `limit` or `cursor`, one keyset
 * page and `next_cursor`. lead_not_found when the lead is missing or another client's; a cursor issued
 * for another lead (and so for another client's) is a 400, never their data.
 */
export async function listLeadMeetings(
  db: Database,
  params: { clientId: string; leadId: string; query: MeetingListQuery },
): Promise<{ meetings: MeetingView[]; nextCursor?: string | null }> {
  const lead = await getLead(db, params);
  const { status: statuses, from, to, limit, cursor } = params.query;
  const filter = { clientId: params.clientId, leadId: lead.id, statuses, from, to };
  if (limit === undefined && cursor === undefined) return { meetings: await listMeetingsOfLead(db, filter) };

  const after = cursor === undefined ? null : decodeMeetingCursor(cursor);
  if (cursor !== undefined && after?.leadId !== lead.id) {
    throw validationFailed([{ field: "cursor", message: "is not a cursor of this lead's meetings; pass next_cursor from the previous page" }]);
  }
  const page = await listMeetingPageOfLead(db, { ...filter, limit: limit ?? DEFAULT_PAGE, after });
  return { meetings: page.meetings, nextCursor: page.nextCursor && encodeMeetingCursor(page.nextCursor) };
}

const DEFAULT_PAGE = 50;

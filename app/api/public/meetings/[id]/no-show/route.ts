import { meetingActionRoute, postOnly } from "@/lib/api/meeting-routes";
import { noShowInputSchema } from "@/lib/meetings/schema";
import { parseOrThrow } from "@/lib/validation";

// POST /api/public/meetings/{id}/no-show — {reason?, notes?}; the reason defaults to "api_marked".
export const POST = meetingActionRoute((body) => ({ action: "no_show", ...parseOrThrow(noShowInputSchema, body) }));

export { postOnly as GET, postOnly as PUT, postOnly as PATCH, postOnly as DELETE };

import { meetingActionRoute, postOnly } from "@/lib/api/meeting-routes";
import { completeInputSchema } from "@/lib/meetings/schema";
import { parseOrThrow } from "@/lib/validation";

// POST /api/public/meetings/{id}/complete — {notes?}
export const POST = meetingActionRoute((body) => ({ action: "complete", ...parseOrThrow(completeInputSchema, body) }));

export { postOnly as GET, postOnly as PUT, postOnly as PATCH, postOnly as DELETE };

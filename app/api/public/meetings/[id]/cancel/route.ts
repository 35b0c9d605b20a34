import { meetingActionRoute, postOnly } from "@/lib/api/meeting-routes";
import { cancelInputSchema } from "@/lib/meetings/schema";
import { parseOrThrow } from "@/lib/validation";

// POST /api/public/meetings/{id}/cancel — {reason?}
export const POST = meetingActionRoute((body) => ({ action: "cancel", ...parseOrThrow(cancelInputSchema, body) }));

export { postOnly as GET, postOnly as PUT, postOnly as PATCH, postOnly as DELETE };

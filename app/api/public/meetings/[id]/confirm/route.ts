import { meetingActionRoute, postOnly } from "@/lib/api/meeting-routes";

// POST /api/public/meetings/{id}/confirm — the lead confirmed attendance; any body is ignored.
export const POST = meetingActionRoute(() => ({ action: "confirm" }));

export { postOnly as GET, postOnly as PUT, postOnly as PATCH, postOnly as DELETE };

import { requireRep } from "@/lib/auth/session";

/**
 * Checks the session above the list's loading boundary, so an expired session gets a real redirect
 * status instead of one streamed inside a 200. (The page checks again with its full URL to return to.)
 */
export default async function LeadListLayout({ children }: { children: React.ReactNode }) {
  await requireRep("/leads");
  return children;
}

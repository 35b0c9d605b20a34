import type { LeadFilter } from "./list";
import type { LeadPageCursor, LeadSort } from "./list-order";

/** What the lead list shows, as its URL carries it. */
export type LeadListView = { query: string; sort: LeadSort; filter: LeadFilter | null };

/** The list's URL for a view (defaults left out), optionally at a page boundary. */
export function leadListHref(view: LeadListView, cursor?: LeadPageCursor | null): string {
  const params = new URLSearchParams();
  if (view.query) params.set("q", view.query);
  if (view.sort !== "name") params.set("sort", view.sort);
  if (view.filter) params.set("filter", view.filter);
  if (cursor) params.set(cursor.direction, cursor.token);
  return params.size ? `/leads?${params}` : "/leads";
}

import type { Metadata } from "next";
import Link from "next/link";
import { NewLeadButton } from "@/components/leads/lead-form-dialogs";
import { LeadListControls } from "@/components/leads/list-controls";
import { LeadRow } from "@/components/leads/lead-row";
import { cardClass, inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { requireRep } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listLeadPage, parseLeadFilter } from "@/lib/leads/list";
import { parseLeadSort, type LeadPageCursor } from "@/lib/leads/list-order";
import { leadListHref, type LeadListView } from "@/lib/leads/list-url";
import { createLeadAction, findEmailOwnerAction } from "../actions";

export const metadata: Metadata = { title: "Leads" };

type SearchParams = Promise<Record<"q" | "sort" | "filter" | "after" | "before", string | string[] | undefined>>;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export default async function LeadsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const view: LeadListView = { query: single(params.q).trim(), sort: parseLeadSort(single(params.sort)), filter: parseLeadFilter(single(params.filter)) };
  const after = single(params.after);
  const before = single(params.before);
  const cursor: LeadPageCursor | null = after ? { direction: "after", token: after } : before ? { direction: "before", token: before } : null;
  const rep = await requireRep(leadListHref(view, cursor));

  const page = await listLeadPage(await getDb(), { clientId: rep.clientId, ...view, cursor, now: new Date() });

  return (
    <div className="space-y-6">
      {/* Below sm: title and New lead share the first row, the search gets its own. */}
      <div className="grid grid-cols-[minmax(0,1fr)_auto] items-end gap-4 sm:flex">
        <div className="sm:mr-auto">
          <h1 className="text-2xl font-semibold tracking-tight">Leads</h1>
          <p className="mt-1 text-sm text-slate-500">Every lead of your account, with their next meeting.</p>
        </div>
        <form action="/leads" role="search" className="order-last col-span-2 flex gap-2 sm:order-none sm:w-96">
          <label htmlFor="lead-search" className="sr-only">
            Search leads
          </label>
          <input id="lead-search" name="q" type="search" defaultValue={view.query} placeholder="Search by name or email" className={inputClass} />
          {view.sort !== "name" && <input type="hidden" name="sort" value={view.sort} />}
          {view.filter && <input type="hidden" name="filter" value={view.filter} />}
          <button type="submit" className={primaryButtonClass}>
            Search
          </button>
        </form>
        <NewLeadButton createLead={createLeadAction} findEmailOwner={findEmailOwnerAction} />
      </div>

      <LeadListControls view={view} />

      <section aria-label="Lead list" className={`${cardClass} overflow-hidden`}>
        {page.items.length === 0 ? <EmptyList view={view} /> : (
          <ul className="divide-y divide-slate-100">
            {page.items.map((lead) => (
              <LeadRow key={lead.id} lead={lead} timeZone={rep.timeZone} />
            ))}
          </ul>
        )}
      </section>

      {(page.previous || page.next) && (
        <nav aria-label="Pagination" className="flex items-center justify-between">
          {page.previous ? (
            <Link href={leadListHref(view, page.previous)} className={secondaryButtonClass}>
              ← Previous
            </Link>
          ) : (
            <span />
          )}
          {page.next && (
            <Link href={leadListHref(view, page.next)} className={secondaryButtonClass}>
              Next →
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}

function EmptyList({ view }: { view: LeadListView }) {
  const [title, hint] = view.query && view.filter
    ? [`No leads matching “${view.query}” are awaiting an outcome.`, "Nothing to record for them: their ended meetings all have one."]
    : view.query
    ? [`No leads match “${view.query}”.`, "Try part of a name or an email address."]
    : view.filter
      ? ["No meetings are awaiting an outcome.", "Meetings that have ended without one recorded show up here."]
      : ["No leads yet.", "Create one with New lead, or send them through the API."];
  return (
    <div className="px-6 py-16 text-center">
      <p className="font-medium">{title}</p>
      <p className="mt-1 text-sm text-slate-500">{hint}</p>
    </div>
  );
}

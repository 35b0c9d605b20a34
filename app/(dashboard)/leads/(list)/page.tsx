import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Initials } from "@/components/ui/initials";
import { cardClass, focusRing, inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { MeetingWhen } from "@/components/meetings/when";
import { requireRep } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listLeadPage, type LeadListItem, type LeadPageCursor } from "@/lib/leads/list";

export const metadata: Metadata = { title: "Leads" };

type SearchParams = Promise<{ q?: string | string[]; after?: string | string[]; before?: string | string[] }>;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

function pageHref(query: string, cursor: LeadPageCursor) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  params.set(cursor.direction, cursor.leadId);
  return `/leads?${params}`;
}

export default async function LeadsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const query = single(params.q).trim();
  const after = single(params.after);
  const before = single(params.before);
  const cursor: LeadPageCursor | null = after ? { direction: "after", leadId: after } : before ? { direction: "before", leadId: before } : null;
  const current = new URLSearchParams(Object.entries({ q: query, after, before }).filter(([, v]) => v));
  const rep = await requireRep(`/leads${current.size ? `?${current}` : ""}`);

  const page = await listLeadPage(await getDb(), { clientId: rep.clientId, query, cursor, now: new Date() });

  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Leads</h1>
          <p className="mt-1 text-sm text-slate-500">Every lead of your account, with their next meeting.</p>
        </div>
        <form action="/leads" role="search" className="flex w-full gap-2 sm:w-96">
          <label htmlFor="lead-search" className="sr-only">
            Search leads
          </label>
          <input
            id="lead-search"
            name="q"
            type="search"
            defaultValue={query}
            placeholder="Search by name or email"
            className={inputClass}
          />
          <button type="submit" className={primaryButtonClass}>
            Search
          </button>
        </form>
      </div>

      <section aria-label="Lead list" className={`${cardClass} overflow-hidden`}>
        {page.items.length === 0 ? (
          <div className="px-6 py-16 text-center">
            <p className="font-medium">{query ? `No leads match “${query}”.` : "No leads yet."}</p>
            <p className="mt-1 text-sm text-slate-500">
              {query ? "Try part of a name or an email address." : "Leads created through the API appear here."}
            </p>
          </div>
        ) : (
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
            <Link href={pageHref(query, page.previous)} className={secondaryButtonClass}>
              ← Previous
            </Link>
          ) : (
            <span />
          )}
          {page.next && (
            <Link href={pageHref(query, page.next)} className={secondaryButtonClass}>
              Next →
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}

function LeadRow({ lead, timeZone }: { lead: LeadListItem; timeZone: string }) {
  return (
    <li data-testid="lead-row" className="relative flex flex-col gap-3 px-4 py-4 hover:bg-slate-50 sm:px-6 md:flex-row md:items-center md:gap-6">
      <div className="flex min-w-0 items-center gap-3 md:w-2/5">
        <Initials name={lead.name} />
        <div className="min-w-0">
          <Link
            href={`/leads/${lead.id}`}
            className={`block truncate rounded font-medium text-slate-900 after:absolute after:inset-0 hover:text-indigo-700 ${focusRing}`}
          >
            {lead.name}
          </Link>
          <p className="truncate text-sm text-slate-500">{[lead.email, lead.phone].filter(Boolean).join(" · ") || "No contact details"}</p>
        </div>
      </div>
      <div className="min-w-0 text-sm md:flex-1">
        <p className="text-xs font-medium tracking-wide text-slate-400 uppercase">Next meeting</p>
        {lead.nextMeeting ? (
          <p className="text-slate-700 md:truncate" data-testid="next-meeting">
            <span className="font-medium text-slate-900">{lead.nextMeeting.title}</span>
            <span className="text-slate-500"> · </span>
            <MeetingWhen startsAt={lead.nextMeeting.startsAt} endsAt={lead.nextMeeting.endsAt} timeZone={timeZone} />
          </p>
        ) : (
          <p className="text-slate-500" data-testid="next-meeting">None scheduled</p>
        )}
      </div>
      <div className="flex flex-wrap gap-1.5 md:w-56 md:justify-end" data-testid="meeting-counts">
        <Badge tone="blue">{lead.counts.upcoming} upcoming</Badge>
        <Badge tone="slate">{lead.counts.past} past</Badge>
        <Badge tone={lead.counts.noShow ? "amber" : "slate"}>{lead.counts.noShow} no-show</Badge>
      </div>
    </li>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NewLeadButton } from "@/components/leads/lead-form-dialogs";
import { LeadListControls } from "@/components/leads/list-controls";
import { LeadRow } from "@/components/leads/lead-row";
import { cardClass, inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { requireRep } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listLeadPage, parseLeadFilter, parseLeadSearch } from "@/lib/leads/list";
import { parseLeadSort, type LeadPageCursor } from "@/lib/leads/list-order";
import { leadListHref, type LeadListView } from "@/lib/leads/list-url";
import { createLeadAction, findEmailOwnerAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("leads.list"))("title") };
}

type SearchParams = Promise<Record<"q" | "sort" | "filter" | "after" | "before", string | string[] | undefined>>;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export default async function LeadsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const view: LeadListView = { query: parseLeadSearch(single(params.q)), sort: parseLeadSort(single(params.sort)), filter: parseLeadFilter(single(params.filter)) };
  const after = single(params.after);
  const before = single(params.before);
  const cursor: LeadPageCursor | null = after ? { direction: "after", token: after } : before ? { direction: "before", token: before } : null;
  const rep = await requireRep(leadListHref(view, cursor));

  const t = await getTranslations("leads.list");
  const page = await listLeadPage(await getDb(), { clientId: rep.clientId, ...view, cursor, now: new Date() });

  return (
    <div className="space-y-6">
      {/* Below sm: title and New lead share the first row, the search gets its own. */}
      <div className="grid grid-cols-[minmax(0,1fr)_auto] items-end gap-4 sm:flex">
        <div className="sm:mr-auto">
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-500">{t("intro")}</p>
        </div>
        <form action="/leads" role="search" className="order-last col-span-2 flex gap-2 sm:order-none sm:w-96">
          <label htmlFor="lead-search" className="sr-only">
            {t("searchLabel")}
          </label>
          <input id="lead-search" name="q" type="search" defaultValue={view.query} placeholder={t("searchPlaceholder")} className={inputClass} />
          {view.sort !== "name" && <input type="hidden" name="sort" value={view.sort} />}
          {view.filter && <input type="hidden" name="filter" value={view.filter} />}
          <button type="submit" className={primaryButtonClass}>
            {t("search")}
          </button>
        </form>
        <NewLeadButton createLead={createLeadAction} findEmailOwner={findEmailOwnerAction} />
      </div>

      <LeadListControls view={view} />

      <section aria-label={t("listLabel")} className={`${cardClass} overflow-hidden`}>
        {page.items.length === 0 ? <EmptyList view={view} /> : (
          <ul className="divide-y divide-slate-100">
            {page.items.map((lead) => (
              <LeadRow key={lead.id} lead={lead} timeZone={rep.timeZone} />
            ))}
          </ul>
        )}
      </section>

      {(page.previous || page.next) && (
        <nav aria-label={t("pagination")} className="flex items-center justify-between">
          {page.previous ? (
            <Link href={leadListHref(view, page.previous)} className={secondaryButtonClass}>
              {t("previous")}
            </Link>
          ) : (
            <span />
          )}
          {page.next && (
            <Link href={leadListHref(view, page.next)} className={secondaryButtonClass}>
              {t("next")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}

async function EmptyList({ view }: { view: LeadListView }) {
  const t = await getTranslations("leads.list.empty");
  const which = view.query && view.filter ? "queryAwaiting" : view.query ? "query" : view.filter ? "awaiting" : "none";
  return (
    <div className="px-6 py-16 text-center">
      <p className="font-medium">{t(`${which}.title`, { query: view.query })}</p>
      <p className="mt-1 text-sm text-slate-500">{t(`${which}.hint`)}</p>
    </div>
  );
}

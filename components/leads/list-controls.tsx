import Link from "next/link";
import { useTranslations } from "next-intl";
import { focusRing } from "@/components/ui/styles";
import { leadSorts } from "@/lib/leads/list-order";
import { leadListHref, type LeadListView } from "@/lib/leads/list-url";

const optionClass = (current: boolean) =>
  `rounded-md px-2.5 py-1 text-sm font-medium whitespace-nowrap ${focusRing} ` +
  (current ? "bg-white text-slate-900 shadow-xs ring-1 ring-slate-200" : "text-slate-600 hover:text-slate-900");

/** The list's filter and order, as links that keep the search (and start again from the first page). */
export function LeadListControls({ view }: { view: LeadListView }) {
  const t = useTranslations("leads.controls");
  const filters = [
    { label: t("all"), filter: null },
    { label: t("awaitingOutcome"), filter: "awaiting-outcome" as const },
  ];
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
      <nav aria-label={t("filter")} className="flex w-fit gap-1 rounded-lg bg-slate-100 p-1">
        {filters.map(({ label, filter }) => (
          <Link key={label} href={leadListHref({ ...view, filter })} aria-current={view.filter === filter ? "page" : undefined} className={optionClass(view.filter === filter)}>
            {label}
          </Link>
        ))}
      </nav>
      <nav aria-labelledby="lead-sort-label" className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span id="lead-sort-label" className="text-sm text-slate-500">
          {t("sortBy")}
        </span>
        <span className="flex gap-1 rounded-lg bg-slate-100 p-1">
          {leadSorts.map((sort) => (
            <Link key={sort} href={leadListHref({ ...view, sort })} aria-current={view.sort === sort ? "page" : undefined} className={optionClass(view.sort === sort)}>
              {t(`sort.${sort}`)}
            </Link>
          ))}
        </span>
      </nav>
    </div>
  );
}

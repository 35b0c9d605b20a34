import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { EmailText } from "@/components/ui/email-text";
import { Initials } from "@/components/ui/initials";
import { focusRing } from "@/components/ui/styles";
import type { LeadMetadata } from "@/db/schema";
import { leadSourceKey, splitLeadMetadata } from "@/lib/leads/display";
import { formatInstant } from "@/lib/time/locale-format";

export type HeaderLead = {
  name: string;
  email: string | null;
  phone: string | null;
  source: string;
  createdAt: Date;
  metadata: LeadMetadata;
};

const linkClass = `rounded hover:text-indigo-700 ${focusRing}`;

/** The lead's name, company, contact details, source, creation date (in the rep's zone) and other details. */
export function LeadHeader({ lead, timeZone, actions }: { lead: HeaderLead; timeZone: string; actions: ReactNode }) {
  const t = useTranslations("leads.header");
  const locale = useLocale();
  const { company, details } = splitLeadMetadata(lead.metadata);
  const source = leadSourceKey(lead.source);
  return (
    <header data-testid="lead-header" className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:p-6">
      {/* Below sm the actions sit beside the initials and the name block takes the next line. */}
      <div className="flex flex-wrap items-start gap-4 sm:flex-nowrap">
        <Initials name={lead.name} size="lg" />
        <div className="order-last w-full min-w-0 sm:order-none sm:w-auto sm:flex-1">
          <h1 className="text-xl font-semibold tracking-tight break-words sm:text-2xl">{lead.name}</h1>
          {company && (
            <p className="font-medium break-words text-slate-700" data-testid="lead-company">
              {company}
            </p>
          )}
          <dl className="mt-2 flex flex-col gap-x-6 gap-y-1 text-sm text-slate-600 sm:flex-row sm:flex-wrap">
            <Item label={t("email")}>
              {lead.email ? (
                <a href={`mailto:${lead.email}`} className={linkClass}>
                  <EmailText email={lead.email} />
                </a>
              ) : (
                "—"
              )}
            </Item>
            <Item label={t("phone")}>
              {lead.phone ? (
                <a href={`tel:${lead.phone.replace(/[^\d+]/g, "")}`} className={linkClass}>
                  {lead.phone}
                </a>
              ) : (
                "—"
              )}
            </Item>
            <Item label={t("source")}>{source ? t(`sources.${source}`) : lead.source}</Item>
            <Item label={t("created")}>{formatInstant(lead.createdAt, timeZone, locale, "date")}</Item>
          </dl>
        </div>
        <div className="ml-auto">{actions}</div>
      </div>
      {details.length > 0 && (
        <dl data-testid="lead-metadata" className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 border-t border-slate-100 pt-4 text-sm sm:grid-cols-2 lg:grid-cols-3">
          {details.map(([key, value]) => (
            <div key={key} className="min-w-0">
              <dt className="text-xs text-slate-500">{key}</dt>
              <dd className="break-words text-slate-800">{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </header>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 gap-1.5">
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { EmailText } from "@/components/ui/email-text";
import { Initials } from "@/components/ui/initials";
import { focusRing } from "@/components/ui/styles";
import { fullName } from "@/lib/leads/service";
import { leadForRep } from "./lead";

type Props = { params: Promise<{ id: string }>; children: React.ReactNode };

export async function generateMetadata({ params }: Omit<Props, "children">): Promise<Metadata> {
  const { lead } = await leadForRep((await params).id);
  return { title: fullName(lead) };
}

/**
 * The lead's header. The tenant check lives here, above the page's loading boundary, so another
 * client's lead id answers with a real 404 status before anything streams.
 */
export default async function LeadLayout({ params, children }: Props) {
  const { lead } = await leadForRep((await params).id);
  const name = fullName(lead);
  return (
    <div className="space-y-6">
      <Link href="/leads" className={`inline-flex rounded text-sm font-medium text-slate-500 hover:text-slate-900 ${focusRing}`}>
        ← All leads
      </Link>
      <header data-testid="lead-header" className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:flex-row sm:items-center sm:p-6">
        <Initials name={name} size="lg" />
        <div className="min-w-0 flex-1">
          <h1 className="text-xl font-semibold tracking-tight break-words sm:text-2xl">{name}</h1>
          <dl className="mt-1 flex flex-col gap-x-6 gap-y-1 text-sm text-slate-600 sm:flex-row sm:flex-wrap">
            <div className="flex min-w-0 gap-1.5">
              <dt className="text-slate-400">Email</dt>
              <dd className="min-w-0">
                {lead.email ? (
                  <a href={`mailto:${lead.email}`} className={`rounded hover:text-indigo-700 ${focusRing}`}>
                    <EmailText email={lead.email} />
                  </a>
                ) : (
                  "—"
                )}
              </dd>
            </div>
            <div className="flex gap-1.5">
              <dt className="text-slate-400">Phone</dt>
              <dd>
                {lead.phone ? (
                  <a href={`tel:${lead.phone.replace(/[^\d+]/g, "")}`} className={`rounded hover:text-indigo-700 ${focusRing}`}>
                    {lead.phone}
                  </a>
                ) : (
                  "—"
                )}
              </dd>
            </div>
          </dl>
        </div>
      </header>
      {children}
    </div>
  );
}

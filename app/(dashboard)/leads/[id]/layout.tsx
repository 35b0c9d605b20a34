import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EditLeadButton } from "@/components/leads/lead-form-dialogs";
import { LeadHeader } from "@/components/leads/lead-header";
import { focusRing } from "@/components/ui/styles";
import { fullName } from "@/lib/leads/service";
import { findEmailOwnerAction } from "../actions";
import { leadForRep } from "./lead";
import { updateLeadAction } from "./lead-actions";

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
  const { rep, lead } = await leadForRep((await params).id);
  const { id, firstName, lastName, email, phone, source, createdAt, updatedAt, metadata } = lead;
  const t = await getTranslations("meetings.timeline");
  return (
    <div className="space-y-6">
      <Link href="/leads" className={`inline-flex rounded text-sm font-medium text-slate-500 hover:text-slate-900 ${focusRing}`}>
        {t("allLeads")}
      </Link>
      <LeadHeader
        lead={{ name: fullName(lead), email, phone, source, createdAt, metadata }}
        timeZone={rep.timeZone}
        actions={
          <EditLeadButton
            lead={{ id, firstName, lastName, email, phone, metadata, updatedAt: updatedAt.toISOString() }}
            updateLead={updateLeadAction}
            findEmailOwner={findEmailOwnerAction}
          />
        }
      />
      {children}
    </div>
  );
}

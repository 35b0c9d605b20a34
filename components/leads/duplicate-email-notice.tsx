import Link from "next/link";
import { useTranslations } from "next-intl";
import { focusRing } from "@/components/ui/styles";
import type { EmailOwner } from "@/lib/leads/form";

/** Says that another lead already has the typed email, and links to it; saving anyway stays possible. */
export function DuplicateEmailNotice({ owner, mode }: { owner: EmailOwner; mode: "create" | "edit" }) {
  const t = useTranslations("leads.duplicate");
  return (
    <div aria-live="polite" data-testid="duplicate-email">
      {owner && (
        <p className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t.rich("belongsTo", {
            lead: () => (
              <Link href={`/leads/${owner.id}`} className={`rounded font-medium underline hover:text-amber-700 ${focusRing}`}>
                {owner.name}
              </Link>
            ),
          })}{" "}
          {mode === "create" ? t("create") : t("edit")}
        </p>
      )}
    </div>
  );
}

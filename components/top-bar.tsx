import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Logo } from "@/components/ui/logo";
import { AccountMenu, type AccountActions } from "@/components/account-menu";
import { focusRing } from "@/components/ui/styles";
import type { Rep } from "@/lib/auth/session";

const navLinkClass = `rounded-md px-2 py-1 text-sm font-medium text-slate-600 hover:text-slate-900 ${focusRing}`;

/** The dashboard header; the account actions are the layout's, passed in so imports point from app/ down. */
export async function TopBar({ rep, actions }: { rep: Rep; actions: AccountActions }) {
  const [t, locale] = await Promise.all([getTranslations("common.nav"), getLocale()]);
  return (
    <header className="border-b border-slate-200 bg-white">
      {/* Wraps rather than overflows when the text is zoomed (WCAG 1.4.4). */}
      <div className="mx-auto flex min-h-14 max-w-6xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 sm:gap-x-4 sm:px-6">
        {/* Below sm the name gives way to the Leads link: the mark alone still says where it goes. */}
        <Link href="/leads" className={`shrink-0 rounded-md ${focusRing}`}>
          <Logo nameClassName="max-sm:sr-only" />
        </Link>
        <nav aria-label={t("label")} className="flex flex-wrap gap-1">
          <Link href="/leads" className={navLinkClass}>
            {t("leads")}
          </Link>
          <Link href="/settings/webhooks" className={navLinkClass}>
            {t("webhooks")}
          </Link>
          {/* The API reference is a page of its own (not the dashboard's), so a plain link. */}
          <a href="/docs" className={`${navLinkClass} max-sm:hidden`}>
            {t("apiDocs")}
          </a>
        </nav>
        <div className="ml-auto flex min-w-0 items-center gap-3">
          <AccountMenu rep={{ name: rep.name, email: rep.email }} locale={locale} actions={actions} />
        </div>
      </div>
    </header>
  );
}

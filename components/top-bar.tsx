import Link from "next/link";
import { Logo } from "@/components/ui/logo";
import { AccountMenu } from "@/components/account-menu";
import { focusRing } from "@/components/ui/styles";
import type { Rep } from "@/lib/auth/session";

const navLinkClass = `rounded-md px-2 py-1 text-sm font-medium text-slate-600 hover:text-slate-900 ${focusRing}`;

type SignOutActions = { signOutAction: () => Promise<void>; signOutEverywhereAction: () => Promise<void> };

/** The dashboard header; the sign-out actions are the layout's, passed in so imports point from app/ down. */
export function TopBar({ rep, signOutAction, signOutEverywhereAction }: { rep: Rep } & SignOutActions) {
  return (
    <header className="border-b border-slate-200 bg-white">
      {/* Wraps rather than overflows when the text is zoomed (WCAG 1.4.4). */}
      <div className="mx-auto flex min-h-14 max-w-6xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 sm:gap-x-4 sm:px-6">
        {/* Below sm the name gives way to the Leads link: the mark alone still says where it goes. */}
        <Link href="/leads" className={`shrink-0 rounded-md ${focusRing}`}>
          <Logo nameClassName="max-sm:sr-only" />
        </Link>
        <nav aria-label="Main" className="flex flex-wrap gap-1">
          <Link href="/leads" className={navLinkClass}>
            Leads
          </Link>
          <Link href="/settings/webhooks" className={navLinkClass}>
            Webhooks
          </Link>
          {/* The API reference is a page of its own (not the dashboard's), so a plain link. */}
          <a href="/docs" className={`${navLinkClass} max-sm:hidden`}>
            API docs
          </a>
        </nav>
        <div className="ml-auto flex min-w-0 items-center gap-3">
          <AccountMenu rep={{ name: rep.name, email: rep.email }} signOutAction={signOutAction} signOutEverywhereAction={signOutEverywhereAction} />
        </div>
      </div>
    </header>
  );
}

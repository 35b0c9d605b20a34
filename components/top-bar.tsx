import Link from "next/link";
import { Logo } from "@/components/ui/logo";
import { focusRing, secondaryButtonClass } from "@/components/ui/styles";
import type { Rep } from "@/lib/auth/session";

/** The dashboard header; signing out is the layout's server action, passed in so imports point from app/ down. */
export function TopBar({ rep, signOutAction }: { rep: Rep; signOutAction: () => Promise<void> }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4 sm:gap-4 sm:px-6">
        {/* Below sm the name gives way to the Leads link: the mark alone still says where it goes. */}
        <Link href="/leads" className={`shrink-0 rounded-md ${focusRing}`}>
          <Logo nameClassName="max-sm:sr-only" />
        </Link>
        <nav aria-label="Main">
          <Link href="/leads" className={`rounded-md px-2 py-1 text-sm font-medium text-slate-600 hover:text-slate-900 ${focusRing}`}>
            Leads
          </Link>
        </nav>
        <div className="ml-auto flex min-w-0 items-center gap-3">
          <p className="min-w-0 text-right leading-tight" data-testid="rep-name">
            <span className="block truncate text-sm font-medium text-slate-900">{rep.name}</span>
            <span className="hidden truncate text-xs text-slate-500 sm:block">{rep.email}</span>
          </p>
          <form action={signOutAction}>
            <button type="submit" className={`${secondaryButtonClass} whitespace-nowrap px-2.5 py-1.5`}>
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}

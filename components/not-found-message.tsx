import Link from "next/link";
import { cardClass, primaryButtonClass } from "@/components/ui/styles";

export function NotFoundMessage() {
  return (
    <div className={`${cardClass} mx-auto max-w-lg p-8 text-center`}>
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-1 text-lg font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-slate-600">This page does not exist, or it belongs to another account.</p>
      <Link href="/leads" className={`${primaryButtonClass} mt-6`}>
        Back to leads
      </Link>
    </div>
  );
}

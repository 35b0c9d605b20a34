export function Logo({ className = "" }: { className?: string }) {
  return (
    <span className={`inline-flex shrink-0 items-center gap-2 whitespace-nowrap font-semibold tracking-tight text-slate-900 ${className}`}>
      <span aria-hidden className="grid size-7 place-items-center rounded-lg bg-indigo-600 text-sm font-bold text-white shadow-sm">
        N
      </span>
      Nexor Meetings
    </span>
  );
}

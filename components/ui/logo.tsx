/** The mark and the name; `nameClassName` can hide the name visually (it stays the link's accessible name). */
export function Logo({ className = "", nameClassName = "" }: { className?: string; nameClassName?: string }) {
  return (
    <span className={`inline-flex shrink-0 items-center gap-2 whitespace-nowrap font-semibold tracking-tight text-slate-900 ${className}`}>
      <span aria-hidden className="grid size-7 place-items-center rounded-lg bg-indigo-600 text-sm font-bold text-white shadow-sm">
        N
      </span>
      <span className={nameClassName}>Nexor Meetings</span>
    </span>
  );
}

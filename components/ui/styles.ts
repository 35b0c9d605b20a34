// Shared Tailwind class lists, so every control has the same look and a visible focus ring.

export const focusRing = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";

export const inputClass =
  "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 " +
  "focus:border-indigo-500 focus:outline-2 focus:outline-offset-0 focus:outline-indigo-500/30 disabled:bg-slate-50 " +
  "aria-invalid:border-red-500 aria-invalid:focus:outline-red-500/30";

export const labelClass = "block text-sm font-medium text-slate-700";

export const primaryButtonClass =
  `inline-flex items-center justify-center gap-2 rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm ` +
  `hover:bg-indigo-700 disabled:cursor-not-allowed disabled:opacity-60 ${focusRing}`;

export const secondaryButtonClass =
  `inline-flex items-center justify-center gap-2 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium ` +
  `text-slate-700 shadow-xs hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-60 ${focusRing}`;

export const cardClass = "rounded-xl border border-slate-200 bg-white shadow-xs";

export const dangerButtonClass =
  `inline-flex items-center justify-center gap-2 rounded-lg bg-red-600 px-4 py-2 text-sm font-semibold text-white shadow-sm ` +
  `hover:bg-red-700 disabled:cursor-not-allowed disabled:opacity-60 ${focusRing}`;

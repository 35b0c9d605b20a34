import { cardClass, primaryButtonClass } from "@/components/ui/styles";

/** Rendered on the server while the database cannot be reached: readable without JavaScript, no stack. */
export function ServiceUnavailable() {
  return (
    <main id="main" className="px-4 py-16">
      <div role="alert" className={`${cardClass} mx-auto max-w-lg p-8 text-center`}>
        <h1 className="text-lg font-semibold">We are briefly unavailable</h1>
        <p className="mt-2 text-sm text-slate-600">
          We could not load this page because our database cannot be reached right now. Your data is safe; please try again in a minute.
        </p>
        {/* A plain link reloads the same address, with or without JavaScript. */}
        <a href="" className={`${primaryButtonClass} mt-6`}>
          Try again
        </a>
      </div>
    </main>
  );
}

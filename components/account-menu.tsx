"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { LanguageChoice } from "@/components/language-choice";
import { focusRing } from "@/components/ui/styles";
import type { Rep } from "@/lib/auth/session-store";
import type { Locale } from "@/lib/i18n/locales";

export type AccountActions = {
  signOut: () => Promise<void>;
  signOutEverywhere: () => Promise<void>;
  chooseLanguage: (locale: string) => Promise<void>;
};

type Props = { rep: Pick<Rep, "name" | "email">; locale: Locale; actions: AccountActions };

const itemClass = `block w-full rounded-md px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100 ${focusRing}`;

/** The rep's name in the top bar, opening the language and sign-out choices; Escape or a click elsewhere closes it. */
export function AccountMenu({ rep, locale, actions }: Props) {
  const t = useTranslations("common.account");
  const tNav = useTranslations("common.nav");
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const container = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  useCloseOnOutsideOrEscape(open, container, () => {
    setOpen(false);
    trigger.current?.focus();
  });

  return (
    <div ref={container} className="relative min-w-0">
      <button
        ref={trigger}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className={`flex min-w-0 items-center gap-1.5 rounded-md px-2 py-1 text-right leading-tight hover:bg-slate-50 ${focusRing}`}
        data-testid="rep-name"
      >
        <span className="min-w-0">
          <span className="block truncate text-sm font-medium text-slate-900">{rep.name}</span>
          <span className="hidden truncate text-xs text-slate-600 sm:block">{rep.email}</span>
        </span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className={`size-4 shrink-0 text-slate-500 ${open ? "rotate-180" : ""}`}>
          <path fill="currentColor" d="M5.2 7.5a.75.75 0 0 1 1.06 0L10 11.2l3.74-3.7a.75.75 0 1 1 1.06 1.06l-4.27 4.24a.75.75 0 0 1-1.06 0L5.2 8.56a.75.75 0 0 1 0-1.06Z" />
        </svg>
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-20 mt-1 w-56 rounded-lg border border-slate-200 bg-white p-1 shadow-lg"
      >
        <div className="mb-1 border-b border-slate-100 px-3 pt-1 pb-2">
          <p className="text-xs font-medium text-slate-600" aria-hidden="true">{t("language")}</p>
          <LanguageChoice current={locale} choose={actions.chooseLanguage} className="mt-1" />
        </div>
        {/* The top bar has no room for it on a phone. */}
        <a href="/docs" className={`${itemClass} sm:hidden`}>{tNav("apiDocs")}</a>
        <form action={actions.signOut}>
          <button type="submit" className={itemClass}>{t("signOut")}</button>
        </form>
        <form action={actions.signOutEverywhere}>
          <button type="submit" className={itemClass}>
            {t("signOutEverywhere")}
            <span className="block text-xs text-slate-600">{t("signOutEverywhereHint")}</span>
          </button>
        </form>
      </div>
    </div>
  );
}

function useCloseOnOutsideOrEscape(open: boolean, container: React.RefObject<HTMLElement | null>, close: () => void) {
  const closeRef = useRef(close);
  closeRef.current = close;
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) closeRef.current();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") closeRef.current();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open, container]);
}

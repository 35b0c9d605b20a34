"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import { localizeMessage, type MessageTranslator } from "./localize-message";

/** Translates an English validation or form message (from the shared schemas or a server action) for the rep. */
export function useLocalizedMessage(): (message: string) => string {
  const locale = useLocale();
  const t = useTranslations("validation") as unknown as MessageTranslator;
  return useCallback((message: string) => (locale === "en" ? message : localizeMessage(message, t)), [locale, t]);
}

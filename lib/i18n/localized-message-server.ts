import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { localizeMessage, type MessageTranslator } from "./localize-message";

/** The server side of useLocalizedMessage: English service text (a stored reason, say) in the rep's language. */
export async function getLocalizedMessage(): Promise<(message: string) => string> {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("validation")]);
  return (message) => (locale === "en" ? message : localizeMessage(message, t as unknown as MessageTranslator));
}

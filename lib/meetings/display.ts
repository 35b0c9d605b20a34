import type { MeetingSource } from "@/db/enums";
import type { Locale } from "@/lib/i18n/locales";
import { formatDurationMinutes } from "@/lib/time/locale-format";
import { isHttpUrl } from "@/lib/url";

const MINUTE = 60_000;

/** The link a meeting may render: only http(s) URLs. Anything else stored by any path (`javascript:`…) is not a link. */
export function safeMeetingHref(url: string | null): string | null {
  const trimmed = url?.trim();
  return trimmed && isHttpUrl(trimmed) ? new URL(trimmed).href : null;
}

/** A no-show reason worth showing: not the `rep_marked`-style default the service stores when none was given. */
export function givenNoShowReason(reason: string | null): string | null {
  return reason && !/^(api|rep|system)_marked$/.test(reason) ? reason : null;
}

/** How long a meeting lasts, in the rep's language: "1 h 30 min", "1 h y 30 min". */
export function formatDuration(startsAt: Date, endsAt: Date, locale: Locale): string {
  return formatDurationMinutes(Math.round((endsAt.getTime() - startsAt.getTime()) / MINUTE), locale);
}

const providerNames: Record<string, string> = { ghl: "GHL", calendly: "Calendly", google: "Google Calendar", outlook: "Outlook" };

/** The calendar provider a meeting came from, by name ("GHL"), or null: then its source ("api", "manual") says, in the rep's language. */
export function meetingSourceLabel(meeting: { source: MeetingSource; externalCalendarProvider: string | null }): string | null {
  const provider = meeting.externalCalendarProvider?.trim();
  return provider ? (providerNames[provider.toLowerCase()] ?? provider) : null;
}

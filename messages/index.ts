import type { Locale } from "@/lib/i18n/locales";
import enAuth from "./en/auth.json" with { type: "json" };
import enCommon from "./en/common.json" with { type: "json" };
import enHistory from "./en/history.json" with { type: "json" };
import enLeads from "./en/leads.json" with { type: "json" };
import enMeetingForms from "./en/meetingForms.json" with { type: "json" };
import enMeetings from "./en/meetings.json" with { type: "json" };
import enPages from "./en/pages.json" with { type: "json" };
import enValidation from "./en/validation.json" with { type: "json" };
import enWebhooks from "./en/webhooks.json" with { type: "json" };
import esAuth from "./es/auth.json" with { type: "json" };
import esCommon from "./es/common.json" with { type: "json" };
import esHistory from "./es/history.json" with { type: "json" };
import esLeads from "./es/leads.json" with { type: "json" };
import esMeetingForms from "./es/meetingForms.json" with { type: "json" };
import esMeetings from "./es/meetings.json" with { type: "json" };
import esPages from "./es/pages.json" with { type: "json" };
import esValidation from "./es/validation.json" with { type: "json" };
import esWebhooks from "./es/webhooks.json" with { type: "json" };

// One file per area and language; each file's keys sit under the area's name (t = useTranslations("leads")).
const en = {
  common: enCommon, auth: enAuth, pages: enPages, leads: enLeads, meetings: enMeetings,
  meetingForms: enMeetingForms, history: enHistory, webhooks: enWebhooks, validation: enValidation,
};

export type Messages = typeof en;

export const catalogues: Record<Locale, Messages> = {
  en,
  es: {
    common: esCommon, auth: esAuth, pages: esPages, leads: esLeads, meetings: esMeetings,
    meetingForms: esMeetingForms, history: esHistory, webhooks: esWebhooks, validation: esValidation,
  },
};

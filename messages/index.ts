import type { Locale } from "@/lib/i18n/locales";
import enAuth from "./en/auth.json";
import enCommon from "./en/common.json";
import enHistory from "./en/history.json";
import enLeads from "./en/leads.json";
import enMeetingForms from "./en/meetingForms.json";
import enMeetings from "./en/meetings.json";
import enPages from "./en/pages.json";
import enValidation from "./en/validation.json";
import enWebhooks from "./en/webhooks.json";
import esAuth from "./es/auth.json";
import esCommon from "./es/common.json";
import esHistory from "./es/history.json";
import esLeads from "./es/leads.json";
import esMeetingForms from "./es/meetingForms.json";
import esMeetings from "./es/meetings.json";
import esPages from "./es/pages.json";
import esValidation from "./es/validation.json";
import esWebhooks from "./es/webhooks.json";

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

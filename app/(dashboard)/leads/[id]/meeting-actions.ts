"use server";

import { getLocale, getTranslations } from "next-intl/server";
import type { Database } from "@/db/client";
import { failureFromError, unreadableRequest } from "@/lib/action-failures";
import { requireRep, type Rep } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import type { MeetingActionResult } from "@/lib/meetings/card-actions";
import type { Actor } from "@/lib/meetings/history";
import { applyMeetingAction, rescheduleMeeting } from "@/lib/meetings/lifecycle";
import type { MeetingView } from "@/lib/meetings/queries";
import { cancelInputSchema, completeInputSchema, noShowInputSchema } from "@/lib/meetings/schema";
import { shownStatus } from "@/lib/meetings/status";
import { timelineTab, timelineTabKey } from "@/lib/meetings/timeline";
import { lifecycleActions, type LifecycleAction } from "@/lib/meetings/transitions";
import { formatMeetingTime } from "@/lib/time/locale-format";
import { isPlainObject, parseOrThrow } from "@/lib/validation";

const repActor = (rep: Rep): Actor => ({ type: "rep", name: rep.name, userId: rep.userId });

/** Runs one action through the service, its body checked by the same schema as the API route's. */
function runAction(db: Database, params: { clientId: string; meetingId: string; action: LifecycleAction; body: object; actor: Actor }) {
  const { action, body, ...target } = params;
  switch (action) {
    case "reschedule":
      return rescheduleMeeting(db, { ...target, body });
    case "confirm":
      return applyMeetingAction(db, { ...target, action: { action } });
    case "cancel":
      return applyMeetingAction(db, { ...target, action: { action, ...parseOrThrow(cancelInputSchema, body) } });
    case "no_show":
      return applyMeetingAction(db, { ...target, action: { action, ...parseOrThrow(noShowInputSchema, body) } });
    case "complete":
      return applyMeetingAction(db, { ...target, action: { action, ...parseOrThrow(completeInputSchema, body) } });
  }
}

/** What the page announces after an action, in the rep's language: "“Demo” cancelled. It is in Past." */
async function announcement(meeting: MeetingView, action: LifecycleAction, idempotent: boolean, timeZone: string, now: Date): Promise<string> {
  const [t, locale] = await Promise.all([getTranslations("meetings"), getLocale()]);
  const title = meeting.title;
  if (idempotent) return t("announce.unchanged", { title, status: t(`statusLower.${shownStatus(meeting)}`) });
  const tab = t(`tabs.${timelineTabKey[timelineTab(meeting, now)]}`);
  if (action !== "reschedule") return t(`announce.${action}`, { title, tab });
  const { date, time } = formatMeetingTime(meeting.startsAt, meeting.endsAt, timeZone, locale);
  return t("announce.reschedule", { title, tab, when: `${date}, ${time}` });
}

/**
 * Cancel, no-show, complete, confirm or reschedule a meeting of the signed-in rep's client, as that rep.
 * Same service and rules as the public API's action routes; refusals come back as sentences.
 */
export async function changeMeetingAction(meetingId: unknown, action: unknown, body: unknown): Promise<MeetingActionResult> {
  const rep = await requireRep();
  if (typeof meetingId !== "string" || !lifecycleActions.includes(action as LifecycleAction) || !isPlainObject(body)) {
    return unreadableRequest();
  }
  try {
    const { meeting, idempotent } = await runAction(await getDb(), {
      clientId: rep.clientId, meetingId, action: action as LifecycleAction, body, actor: repActor(rep),
    });
    const now = new Date();
    return { ok: true, tab: timelineTab(meeting, now), message: await announcement(meeting, action as LifecycleAction, idempotent, rep.timeZone, now) };
  } catch (error) {
    return failureFromError(error);
  }
}

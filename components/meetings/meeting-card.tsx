import { formatMeetingTime } from "@/lib/time/locale-format";
import { useLocale, useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmailText } from "@/components/ui/email-text";
import { focusRing } from "@/components/ui/styles";
import { isAwaitingOutcome } from "@/lib/meetings/awaiting-outcome";
import type { CardMeeting } from "@/lib/meetings/card-actions";
import type { Locale } from "@/lib/i18n/locales";
import { formatDuration, givenNoShowReason, meetingSourceLabel, safeMeetingHref } from "@/lib/meetings/display";
import type { MeetingView } from "@/lib/meetings/queries";
import { shownStatus, type ShownMeetingStatus } from "@/lib/meetings/status";
import { allowedActions } from "@/lib/meetings/transitions";
import { isSameZone } from "@/lib/time/zoned";
import { MeetingActions } from "./meeting-actions";
import { RevealableCard } from "./revealable-card";
import { MeetingWhen } from "./when";

const statusTones: Record<ShownMeetingStatus, BadgeTone> = {
  scheduled: "blue",
  confirmed: "green",
  completed: "slate",
  cancelled: "red",
  no_show: "amber",
};

function Detail({ term, className = "", children }: { term: string; className?: string; children: React.ReactNode }) {
  return (
    <div className={`min-w-0 ${className}`}>
      <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{term}</dt>
      <dd className="mt-0.5 text-sm break-words text-slate-700">{children}</dd>
    </div>
  );
}

function Location({ meeting }: { meeting: MeetingView }) {
  const t = useTranslations("meetings");
  const href = safeMeetingHref(meeting.meetingUrl);
  return (
    <>
      <span className="text-slate-900">{t(`locationType.${meeting.locationType}`)}</span>
      {meeting.locationDetails && <span className="block">{meeting.locationDetails}</span>}
      {href ? (
        <a
          href={href}
          target="_blank"
          rel="noopener noreferrer"
          data-testid="meeting-link"
          className={`block truncate rounded font-medium text-indigo-600 hover:text-indigo-500 ${focusRing}`}
        >
          {t("card.join")}
        </a>
      ) : (
        meeting.meetingUrl && (
          <span className="block truncate text-slate-500" data-testid="meeting-url-text" title={t("card.notALink")}>
            {meeting.meetingUrl}
          </span>
        )
      )}
    </>
  );
}

function cardMeeting(meeting: MeetingView, timeZone: string, locale: Locale): CardMeeting {
  const { date, time } = formatMeetingTime(meeting.startsAt, meeting.endsAt, timeZone, locale);
  return {
    id: meeting.id, title: meeting.title, when: `${date} · ${time}`, status: shownStatus(meeting),
    times: { startsAt: meeting.startsAt, endsAt: meeting.endsAt, timezone: meeting.timezone }, outcomeNotes: meeting.outcomeNotes,
  };
}

/** One meeting on a lead's timeline, every time shown in the rep's zone, with one status and the actions it allows now. */
export function MeetingCard({ meeting, timeZone, now }: { meeting: MeetingView; timeZone: string; now: Date }) {
  const locale = useLocale();
  const cardId = `meeting-${meeting.id}`;
  const headingId = `${cardId}-title`;

  return (
    <RevealableCard
      meetingId={meeting.id}
      id={cardId}
      aria-labelledby={headingId}
      data-testid="meeting-card"
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5"
    >
      <MeetingHeader meeting={meeting} timeZone={timeZone} headingId={headingId} />
      <MeetingDetails meeting={meeting} />
      {meeting.description && <p className="mt-4 text-sm wrap-anywhere whitespace-pre-line text-slate-700">{meeting.description}</p>}
      <MeetingNotes meeting={meeting} />
      <MeetingActions
        meeting={cardMeeting(meeting, timeZone, locale)}
        allowed={allowedActions(meeting, now)}
        awaitingOutcome={isAwaitingOutcome(meeting, now)}
        cardId={cardId}
        titleId={headingId}
      />
    </RevealableCard>
  );
}

/** Title, when (in the rep's zone, and in the booking zone when it differs), duration and status. */
function MeetingHeader({ meeting, timeZone, headingId }: { meeting: MeetingView; timeZone: string; headingId: string }) {
  const t = useTranslations("meetings");
  const locale = useLocale();
  const status = shownStatus(meeting);
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0">
        <h3 id={headingId} className="font-semibold break-words text-slate-900">
          {meeting.title}
        </h3>
        <p className="mt-0.5 text-sm text-slate-600">
          <MeetingWhen startsAt={meeting.startsAt} endsAt={meeting.endsAt} timeZone={timeZone} />
          <span className="text-slate-500" aria-hidden="true"> · </span>
          <span className="whitespace-nowrap">{formatDuration(meeting.startsAt, meeting.endsAt, locale)}</span>
        </p>
        {!isSameZone(meeting.timezone, timeZone) && (
          <p className="text-xs text-slate-500">
            {t("card.bookedIn", { zone: meeting.timezone })}{" "}
            <MeetingWhen startsAt={meeting.startsAt} endsAt={meeting.endsAt} timeZone={meeting.timezone} />
          </p>
        )}
      </div>
      <div className="shrink-0">
        <Badge tone={statusTones[status]} testId="status-badge">
          {t(`status.${status}`)}
        </Badge>
      </div>
    </div>
  );
}

function MeetingDetails({ meeting }: { meeting: MeetingView }) {
  const t = useTranslations("meetings");
  return (
    <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-3 lg:grid-cols-3">
      <Detail term={t("card.location")}>
        <Location meeting={meeting} />
      </Detail>
      <Detail term={t("card.host")}>{meeting.hostName ?? t("card.unassigned")}</Detail>
      <Detail term={t("card.meetingType")}>{meeting.meetingTypeName ?? "—"}</Detail>
      <Detail term={t("card.source")}>
        <span data-testid="meeting-source">{meetingSourceLabel(meeting) ?? t(`card.sources.${meeting.source}`)}</span>
      </Detail>
      {/* A row of its own on narrow screens, so addresses have room; they wrap at "@" and dots, never cut. */}
      <Detail term={t("card.attendees")} className="col-span-2">
        <Attendees meeting={meeting} />
      </Detail>
    </dl>
  );
}

function Attendees({ meeting }: { meeting: MeetingView }) {
  const attendees = [{ name: meeting.attendeeName, email: meeting.attendeeEmail }, ...meeting.additionalAttendees];
  return (
    <ul className="space-y-0.5">
      {attendees.map((attendee, index) => (
        <li key={index}>
          {attendee.name ?? (attendee.email && <EmailText email={attendee.email} />)}
          {attendee.name && attendee.email && (
            <span className="text-slate-500">
              {" · "}
              <EmailText email={attendee.email} />
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The outcome's notes, the cancellation reason and a no-show reason a person gave. */
function MeetingNotes({ meeting }: { meeting: MeetingView }) {
  const t = useTranslations("meetings");
  const notes = [
    meeting.outcomeNotes && { label: meeting.status === "no_show" ? t("card.notes") : t("card.outcome"), text: meeting.outcomeNotes },
    meeting.cancellationReason && { label: t("card.cancellationReason"), text: meeting.cancellationReason },
    givenNoShowReason(meeting.noShowReason) && { label: t("card.noShowReason"), text: meeting.noShowReason! },
  ].filter((note): note is { label: string; text: string } => Boolean(note));
  return notes.map((note) => (
    <div key={note.label} className="mt-3 rounded-lg bg-slate-50 px-3 py-2 text-sm wrap-anywhere">
      <span className="font-medium text-slate-900">{note.label}: </span>
      <span className="whitespace-pre-line text-slate-700">{note.text}</span>
    </div>
  ));
}

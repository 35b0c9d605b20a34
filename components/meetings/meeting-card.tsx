import { Badge, type BadgeTone } from "@/components/ui/badge";
import { focusRing } from "@/components/ui/styles";
import { formatDuration, locationTypeLabels, meetingSourceLabel, safeMeetingHref } from "@/lib/meetings/display";
import type { MeetingView } from "@/lib/meetings/queries";
import { shownStatus, type ShownMeetingStatus } from "@/lib/meetings/status";
import { isAwaitingOutcome } from "@/lib/meetings/timeline";
import { MeetingWhen } from "./when";

const statusBadges: Record<ShownMeetingStatus, { label: string; tone: BadgeTone }> = {
  scheduled: { label: "Scheduled", tone: "blue" },
  confirmed: { label: "Confirmed", tone: "green" },
  completed: { label: "Completed", tone: "slate" },
  cancelled: { label: "Cancelled", tone: "red" },
  no_show: { label: "No-show", tone: "amber" },
};

function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-slate-400 uppercase">{term}</dt>
      <dd className="mt-0.5 text-sm break-words text-slate-700">{children}</dd>
    </div>
  );
}

function Location({ meeting }: { meeting: MeetingView }) {
  const href = safeMeetingHref(meeting.meetingUrl);
  return (
    <>
      <span className="text-slate-900">{locationTypeLabels[meeting.locationType]}</span>
      {meeting.locationDetails && <span className="block">{meeting.locationDetails}</span>}
      {href ? (
        <a
          href={href}
          target="_blank"
          rel="noopener noreferrer"
          data-testid="meeting-link"
          className={`block truncate rounded font-medium text-indigo-600 hover:text-indigo-500 ${focusRing}`}
        >
          Join video call ↗
        </a>
      ) : (
        meeting.meetingUrl && (
          <span className="block truncate text-slate-500" data-testid="meeting-url-text" title="Not an http(s) link, so it is not clickable">
            {meeting.meetingUrl}
          </span>
        )
      )}
    </>
  );
}

/** One meeting on a lead's timeline, every time shown in the rep's zone. */
export function MeetingCard({ meeting, timeZone, now }: { meeting: MeetingView; timeZone: string; now: Date }) {
  const status = statusBadges[shownStatus(meeting)];
  const attendees = [
    { name: meeting.attendeeName, email: meeting.attendeeEmail },
    ...meeting.additionalAttendees,
  ];
  const notes = [
    meeting.outcomeNotes && { label: "Outcome", text: meeting.outcomeNotes },
    meeting.cancellationReason && { label: "Cancellation reason", text: meeting.cancellationReason },
    meeting.noShowReason && { label: "No-show reason", text: meeting.noShowReason },
  ].filter((note): note is { label: string; text: string } => Boolean(note));
  const headingId = `meeting-${meeting.id}-title`;

  return (
    <article aria-labelledby={headingId} data-testid="meeting-card" className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h3 id={headingId} className="font-semibold break-words text-slate-900">
            {meeting.title}
          </h3>
          <p className="mt-0.5 text-sm text-slate-600">
            <MeetingWhen startsAt={meeting.startsAt} endsAt={meeting.endsAt} timeZone={timeZone} />
            <span className="text-slate-400"> · </span>
            <span>{formatDuration(meeting.startsAt, meeting.endsAt)}</span>
          </p>
          {meeting.timezone !== timeZone && (
            <p className="text-xs text-slate-500">
              Booked in {meeting.timezone}:{" "}
              <MeetingWhen startsAt={meeting.startsAt} endsAt={meeting.endsAt} timeZone={meeting.timezone} />
            </p>
          )}
        </div>
        <div className="flex flex-wrap gap-1.5 sm:justify-end">
          <Badge tone={status.tone} testId="status-badge">
            {status.label}
          </Badge>
          {isAwaitingOutcome(meeting, now) && <Badge tone="amber">Awaiting outcome</Badge>}
          {meeting.confirmedByLead && <Badge tone="green">Confirmed by lead</Badge>}
        </div>
      </div>

      <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-3 lg:grid-cols-3">
        <Detail term="Location">
          <Location meeting={meeting} />
        </Detail>
        <Detail term="Host">{meeting.hostName ?? "Unassigned"}</Detail>
        <Detail term="Meeting type">{meeting.meetingTypeName ?? "—"}</Detail>
        <Detail term="Attendees">
          <ul>
            {attendees.map((attendee, index) => (
              <li key={index} className="truncate">
                {attendee.name ?? attendee.email}
                {attendee.name && attendee.email && <span className="text-slate-500"> · {attendee.email}</span>}
              </li>
            ))}
          </ul>
        </Detail>
        <Detail term="Source">
          <span data-testid="meeting-source">{meetingSourceLabel(meeting)}</span>
        </Detail>
      </dl>

      {meeting.description && <p className="mt-4 text-sm whitespace-pre-line text-slate-700">{meeting.description}</p>}
      {notes.map((note) => (
        <div key={note.label} className="mt-3 rounded-lg bg-slate-50 px-3 py-2 text-sm">
          <span className="font-medium text-slate-900">{note.label}: </span>
          <span className="whitespace-pre-line text-slate-700">{note.text}</span>
        </div>
      ))}
    </article>
  );
}

import { useLocale } from "next-intl";
import { formatMeetingTime } from "@/lib/time/locale-format";

/** A meeting's date and time range in the rep's zone, with a machine-readable start. */
export function MeetingWhen({ startsAt, endsAt, timeZone }: { startsAt: Date; endsAt: Date; timeZone: string }) {
  const { date, time } = formatMeetingTime(startsAt, endsAt, timeZone, useLocale());
  return (
    <time dateTime={startsAt.toISOString()}>
      {date} · {time}
    </time>
  );
}

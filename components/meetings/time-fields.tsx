"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useMemo, type ReactNode } from "react";
import { Field } from "@/components/ui/field";
import { inputClass, labelClass } from "@/components/ui/styles";
import type { FieldErrors } from "@/lib/forms";
import type { Locale } from "@/lib/i18n/locales";
import { zoneName } from "@/lib/time/locale-format";
import { useTimeZoneChoices } from "./use-time-zones";
import {
  humanizeFieldError, repeatedWallTimeChoice, wallTimeGapNotice,
  type GapNoticeTranslator, type Occurrence, type RepeatedChoiceTranslator, type TimeValues,
} from "@/lib/meetings/time-form";

type TimeProps = { values: TimeValues; error: (field: string) => string | undefined; onChange: (patch: Partial<TimeValues>) => void };

/**
 * Start, end (after a duration or at a time) and time zone, shared by "Log meeting" and "Reschedule".
 * A wall time that does not exist in the zone (a DST gap) gets a notice saying where it lands, before saving.
 */
export function TimeFields(props: {
  values: TimeValues;
  errors: FieldErrors;
  onChange: (patch: Partial<TimeValues>) => void;
  /** A fourth cell beside the time zone (the log form's status). */
  extra?: ReactNode;
}) {
  const t = useTranslations("meetingForms.time");
  const locale = useLocale();
  const { values, errors, onChange } = props;
  const id = useId();
  const error = (field: string) => errors[field] && humanizeFieldError(errors[field]);
  const notices = dstNotices(values, locale, t);
  // The DST notices and questions: announced as they appear, and describing the time fields while shown.
  const noticeId = `${id}-dst`;
  const describedBy = (control: { "aria-describedby"?: string }) =>
    [control["aria-describedby"], notices.any ? noticeId : undefined].filter(Boolean).join(" ") || undefined;

  return (
    <div>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <WallTimeField label={t("start")} error={error("starts_at")} value={values.startsAt} onChange={(startsAt) => onChange({ startsAt })} describedBy={describedBy} />
        <EndFields values={values} error={error} onChange={onChange} radioName={`${id}-end-mode`} describedBy={describedBy} />
        <TimeZoneField values={values} error={error} onChange={onChange} />
        {props.extra}
      </div>
      <DstNotices id={noticeId} notices={notices} values={values} onChange={onChange} />
    </div>
  );
}

/** What the typed times meet at a DST change: gaps they fall in, and for start and end, the choice when a time happens twice. */
function dstNotices(values: TimeValues, locale: Locale, t: GapNoticeTranslator & RepeatedChoiceTranslator) {
  const withEnd = values.endMode === "end";
  const gapNotices = [
    wallTimeGapNotice(values.startsAt, values.timezone, locale, t),
    withEnd ? wallTimeGapNotice(values.endsAt, values.timezone, locale, t) : null,
  ].filter((notice) => notice !== null);
  const startChoice = repeatedWallTimeChoice(values.startsAt, values.timezone, locale, t);
  const endChoice = withEnd ? repeatedWallTimeChoice(values.endsAt, values.timezone, locale, t) : null;
  return { gapNotices, startChoice, endChoice, any: Boolean(gapNotices.length || startChoice || endChoice) };
}

/** Where a typed time falls in a DST gap, where it lands; where it happens twice, which of the two. Announced as they appear. */
function DstNotices(props: { id: string; notices: ReturnType<typeof dstNotices>; values: TimeValues; onChange: (patch: Partial<TimeValues>) => void }) {
  const { notices, values, onChange } = props;
  return (
    <div aria-live="polite" id={props.id}>
      {notices.gapNotices.map((notice) => (
        <p key={notice} className="mt-3 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="dst-gap-notice">
          {notice}
        </p>
      ))}
      {notices.startChoice && (
        <RepeatedTimeChoice
          choice={notices.startChoice}
          occurrence={values.startsAtOccurrence}
          onChoose={(startsAtOccurrence) => onChange({ startsAtOccurrence })}
          name={`${props.id}-start`}
        />
      )}
      {notices.endChoice && (
        <RepeatedTimeChoice
          choice={notices.endChoice}
          occurrence={values.endsAtOccurrence}
          onChoose={(endsAtOccurrence) => onChange({ endsAtOccurrence })}
          name={`${props.id}-end`}
        />
      )}
    </div>
  );
}

/** For a wall time the zone shows twice (the night clocks go back), which of the two: the rep says, nothing is guessed silently. */
function RepeatedTimeChoice(props: {
  choice: NonNullable<ReturnType<typeof repeatedWallTimeChoice>>;
  occurrence: Occurrence;
  onChoose: (occurrence: Occurrence) => void;
  name: string;
}) {
  const { choice } = props;
  return (
    <fieldset className="mt-3 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="dst-repeated-choice">
      <legend className="float-left mb-1.5 w-full">{choice.question}</legend>
      <div className="clear-both flex flex-wrap gap-x-5 gap-y-1">
        {(["first", "second"] as const).map((occurrence) => (
          <label key={occurrence} className="flex items-center gap-1.5">
            <input
              type="radio"
              name={props.name}
              checked={props.occurrence === occurrence}
              onChange={() => props.onChoose(occurrence)}
              className="size-4 accent-indigo-600"
            />
            {choice[occurrence]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

type DescribedBy = (control: { "aria-describedby"?: string }) => string | undefined;

/** A wall time in the chosen zone (a `datetime-local` input), described by its error and the DST notices. */
function WallTimeField(props: { label: string; error?: string; value: string; onChange: (value: string) => void; describedBy: DescribedBy }) {
  return (
    <Field label={props.label} error={props.error}>
      {(control) => (
        <input
          {...control}
          aria-describedby={props.describedBy(control)}
          type="datetime-local"
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          className={inputClass}
        />
      )}
    </Field>
  );
}

/** How the meeting ends: after a duration, or at a wall time (which, like the start, may fall in a DST gap). */
function EndFields({ values, error, onChange, radioName, describedBy }: TimeProps & {
  radioName: string;
  describedBy: DescribedBy;
}) {
  const t = useTranslations("meetingForms.time");
  return (
    <fieldset className="min-w-0 space-y-1.5">
      <legend className={labelClass}>{t("ends")}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {(["duration", "end"] as const).map((mode) => (
          <label key={mode} className="flex items-center gap-1.5">
            <input
              type="radio"
              name={radioName}
              checked={values.endMode === mode}
              onChange={() => onChange({ endMode: mode })}
              className="size-4 accent-indigo-600"
            />
            {mode === "duration" ? t("afterDuration") : t("atTime")}
          </label>
        ))}
      </div>
      {values.endMode === "duration" ? (
        <Field label={t("duration")} error={error("duration_minutes")}>
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              min={1}
              max={1440}
              value={values.durationMinutes}
              onChange={(e) => onChange({ durationMinutes: e.target.value })}
              className={inputClass}
            />
          )}
        </Field>
      ) : (
        <WallTimeField label={t("end")} error={error("ends_at")} value={values.endsAt} onChange={(endsAt) => onChange({ endsAt })} describedBy={describedBy} />
      )}
    </fieldset>
  );
}

function TimeZoneField({ values, error, onChange }: TimeProps) {
  const t = useTranslations("meetingForms.time");
  const locale = useLocale();
  const timeZones = useTimeZoneChoices(values.timezone);
  const zoneLabels = useMemo(() => timeZones.map((zone) => zoneLabel(zone, locale)), [timeZones, locale]);
  return (
    <Field label={t("timeZone")} error={error("timezone")} hint={t("timeZoneHint")}>
      {(control) => (
        <select {...control} value={values.timezone} onChange={(e) => onChange({ timezone: e.target.value })} className={inputClass}>
          {timeZones.map((zone, index) => (
            <option key={zone} value={zone}>
              {zoneLabels[index]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** "America/Santiago" as a rep reads it: "America/Santiago" in English, "America/Santiago — hora de Chile" in Spanish. */
function zoneLabel(zone: string, locale: Locale): string {
  const name = zone.replaceAll("_", " ");
  if (locale === "en") return name;
  const readable = zoneName(new Date(), zone, locale);
  return readable === zone ? name : `${name} — ${readable}`;
}

import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { describeHistoryEntry, type HistoryEntry, type HistoryTranslator } from "@/lib/meetings/history-display";
import type { Locale } from "@/lib/i18n/locales";
import { catalogues } from "@/messages";

const base: Omit<HistoryEntry, "type" | "changes"> = {
  id: "e1",
  meetingId: "m1",
  at: new Date("2026-11-23T15:05:00Z"),
  actorType: "rep",
  actorName: "Maria Garcia",
  reason: null,
};
const zone = "America/New_York";
const inLanguage = (locale: Locale) => ({
  timeZone: zone,
  locale,
  t: createTranslator({ locale, messages: catalogues[locale], namespace: "history" }) as unknown as HistoryTranslator,
});
const english = inLanguage("en");

describe("describeHistoryEntry", () => {
  it("says who changed what, from → to, with times in the rep's zone and readable names", () => {
    const item = describeHistoryEntry(
      {
        ...base,
        type: "meeting_rescheduled",
        reason: "Lead is travelling",
        // In jsonb's key order (shorter keys first), which is not how a meeting reads.
        changes: {
          ends_at: { from: "2026-11-24T15:30:00Z", to: "2026-11-25T17:15:00Z" },
          starts_at: { from: "2026-11-24T15:00:00Z", to: "2026-11-25T16:30:00Z" },
          duration_minutes: { from: 30, to: 45 },
          timezone: { from: "America/New_York", to: "America/Los_Angeles" },
          status: { from: "confirmed", to: "scheduled" },
          confirmed_by_lead: { from: true, to: false },
        },
      },
      { ...english, meetingTitle: "Discovery call" },
    );
    expect(item).toMatchObject({
      event: "Rescheduled",
      actor: "Maria Garcia",
      atText: "Nov 23, 2026, 10:05 AM EST",
      reason: "Lead is travelling",
      meetingTitle: "Discovery call",
      scheduledFor: null,
    });
    expect(item.changes).toEqual([
      { field: "starts_at", label: "Start", from: "Tue, Nov 24, 2026, 10:00 AM EST", to: "Wed, Nov 25, 2026, 11:30 AM EST" },
      { field: "ends_at", label: "End", from: "Tue, Nov 24, 2026, 10:30 AM EST", to: "Wed, Nov 25, 2026, 12:15 PM EST" },
      { field: "duration_minutes", label: "Duration", from: "30 min", to: "45 min" },
      { field: "timezone", label: "Booked in", from: "America/New York", to: "America/Los Angeles" },
      { field: "status", label: "Status", from: "Confirmed", to: "Scheduled" },
      { field: "confirmed_by_lead", label: "Confirmed by lead", from: "Yes", to: "No" },
    ]);
  });

  it("reads in Spanish for a rep who chose it: labels, values, times and zone names", () => {
    const item = describeHistoryEntry(
      {
        ...base,
        type: "meeting_rescheduled",
        actorType: "system",
        changes: {
          starts_at: { from: "2026-11-24T15:00:00Z", to: "2026-11-25T16:30:00Z" },
          status: { from: "confirmed", to: "scheduled" },
          confirmed_by_lead: { from: true, to: false },
        },
      },
      inLanguage("es"),
    );
    expect(item).toMatchObject({ event: "Reagendada", actor: "Sistema", atText: "23 nov 2026, 10:05 (hora oriental)" });
    expect(item.changes).toEqual([
      { field: "starts_at", label: "Inicio", from: "mar, 24 nov 2026, 10:00 (hora oriental)", to: "mié, 25 nov 2026, 11:30 (hora oriental)" },
      { field: "status", label: "Estado", from: "Confirmada", to: "Agendada" },
      { field: "confirmed_by_lead", label: "Confirmada por el lead", from: "Sí", to: "No" },
    ]);
  });

  it("sums up a new meeting by its time instead of listing every field from nothing", () => {
    const item = describeHistoryEntry(
      {
        ...base,
        type: "meeting_scheduled",
        actorType: "api",
        actorName: "zapier",
        changes: { title: { from: null, to: "Intro" }, starts_at: { from: null, to: "2026-11-01T05:30:00Z" }, ends_at: { from: null, to: "2026-11-01T06:00:00Z" } },
      },
      english,
    );
    expect(item).toMatchObject({ event: "Scheduled", actor: "API (zapier)", changes: [], scheduledFor: "Sun, Nov 1, 2026 · 1:30 AM EDT – 1:00 AM EST" });
  });

  it("does not repeat the action's reason as a changed field", () => {
    const item = describeHistoryEntry(
      {
        ...base,
        type: "meeting_cancelled",
        reason: "Lead is ill",
        changes: { status: { from: "scheduled", to: "cancelled" }, cancellation_reason: { from: null, to: "Lead is ill" } },
      },
      english,
    );
    expect(item.reason).toBe("Lead is ill");
    expect(item.changes.map((change) => change.label)).toEqual(["Status"]);
  });

  it("leaves out the entry's own moment and the no-show default that only means 'no reason given'", () => {
    const item = describeHistoryEntry(
      {
        ...base,
        type: "meeting_no_show",
        actorType: "system",
        actorName: null,
        changes: {
          status: { from: "scheduled", to: "no_show" },
          no_show_reason: { from: null, to: "rep_marked" },
          outcome_at: { from: null, to: "2026-11-23T15:05:00Z" },
          outcome_notes: { from: null, to: "Phone off" },
          additional_attendees: { from: [], to: [{ name: "Ann", email: "ann@example.com" }, { name: null, email: "bo@example.com" }] },
        },
      },
      english,
    );
    expect(item.actor).toBe("System");
    expect(item.event).toBe("Marked no-show");
    expect(item.changes.map((change) => [change.label, change.from, change.to])).toEqual([
      ["Status", "Scheduled", "No-show"],
      ["Additional attendees", "—", "Ann <ann@example.com>, bo@example.com"],
      ["Notes", "—", "Phone off"],
    ]);
  });
});

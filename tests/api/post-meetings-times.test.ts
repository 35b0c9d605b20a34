import { beforeAll, describe, expect, it } from "vitest";
import { createLead, expectValidationError, listMeetings, postMeeting } from "../support/api";

let email: string;
beforeAll(async () => {
  email = (await createLead()).email!;
});

const book = (starts_at: unknown, timezone?: unknown, extra: Record<string, unknown> = {}) =>
  postMeeting({ lead_email: email, title: "Times", starts_at, duration_minutes: 30, ...(timezone === undefined ? {} : { timezone }), ...extra });

describe("POST /meetings: times", () => {
  it.each([
    ["Z", "2026-04-20T14:00:00Z", "2026-04-20T14:00:00Z"],
    ["a negative offset", "2026-04-20T14:00:00-03:00", "2026-04-20T17:00:00Z"],
    ["a positive offset", "2026-04-20T14:00:00+05:30", "2026-04-20T08:30:00Z"],
    ["a compact offset", "2026-04-20T14:00:00+0200", "2026-04-20T12:00:00Z"],
  ])("treats a time with %s as an absolute instant and only records timezone", async (_label, startsAt, expected) => {
    const response = await book(startsAt, "Asia/Tokyo");
    expect(response.status).toBe(201);
    expect(response.body.meeting).toMatchObject({ starts_at: expected, timezone: "Asia/Tokyo" });
    expect(Date.parse(response.body.meeting.ends_at) - Date.parse(expected)).toBe(30 * 60_000);
  });

  it("reads a time without offset as UTC when no timezone is given", async () => {
    const response = await book("2026-04-20T14:00:00");
    expect(response.status).toBe(201);
    expect(response.body.meeting).toMatchObject({ starts_at: "2026-04-20T14:00:00Z", timezone: "UTC" });
  });

  it.each([
    ["Santiago summer (UTC-3)", "2026-01-15T10:00:00", "America/Santiago", "2026-01-15T13:00:00Z"],
    ["Santiago winter (UTC-4)", "2026-07-15T10:00:00", "America/Santiago", "2026-07-15T14:00:00Z"],
    ["Santiago, the hour before DST ends (overlap → earlier instant)", "2026-04-04T23:30:00", "America/Santiago", "2026-04-05T02:30:00Z"],
    ["Santiago, after DST ended", "2026-04-05T10:00:00", "America/Santiago", "2026-04-05T14:00:00Z"],
    ["Santiago, midnight of the DST start day (gap → offset before)", "2026-09-06T00:30:00", "America/Santiago", "2026-09-06T04:30:00Z"],
    ["Santiago, after DST started", "2026-09-06T10:00:00", "America/Santiago", "2026-09-06T13:00:00Z"],
    ["New York winter (EST)", "2026-01-15T09:00:00", "America/New_York", "2026-01-15T14:00:00Z"],
    ["New York summer (EDT)", "2026-07-15T09:00:00", "America/New_York", "2026-07-15T13:00:00Z"],
    ["New York spring-forward gap", "2026-03-08T02:30:00", "America/New_York", "2026-03-08T07:30:00Z"],
    ["New York fall-back overlap", "2026-11-01T01:30:00", "America/New_York", "2026-11-01T05:30:00Z"],
  ])("reads a wall time in the timezone: %s", async (_label, startsAt, timezone, expected) => {
    const response = await book(startsAt, timezone);
    expect(response.status).toBe(201);
    expect(response.body.meeting).toMatchObject({ starts_at: expected, timezone });
  });

  it("reads ends_at as a wall time in the timezone too, across a DST change", async () => {
    // 01:00 EST → 03:00 EDT on the spring-forward night is one real hour.
    const response = await book("2026-03-08T01:00:00", "America/New_York", { duration_minutes: undefined, ends_at: "2026-03-08T03:00:00" });
    expect(response.status).toBe(201);
    expect(response.body.meeting).toMatchObject({ starts_at: "2026-03-08T06:00:00Z", ends_at: "2026-03-08T07:00:00Z", duration_minutes: 60 });
  });

  it.each([
    ["US/Eastern", "2026-07-15T14:00:00Z"],
    ["EST", "2026-07-15T15:00:00Z"],
    ["Asia/Calcutta", "2026-07-15T04:30:00Z"],
  ])("echoes the link name %s as spelled, reading times in its rules", async (zone, startsAt) => {
    const lead = await createLead();
    const response = await postMeeting({ lead_id: lead.id, title: "Link zone", starts_at: "2026-07-15T10:00:00", duration_minutes: 30, timezone: zone });
    expect(response.status).toBe(201);
    expect(response.body.meeting).toMatchObject({ starts_at: startsAt, timezone: zone });
    expect((await listMeetings(lead.id)).body.meetings[0].timezone).toBe(zone);
  });

  it("corrects only the case of a canonical name", async () => {
    const response = await book("2026-07-15T10:00:00", "america/santiago");
    expect(response.status).toBe(201);
    expect(response.body.meeting).toMatchObject({ starts_at: "2026-07-15T14:00:00Z", timezone: "America/Santiago" });
  });

  it.each([
    ["a date without a time", "2026-04-20"],
    ["an unparseable value", "next tuesday"],
    ["an impossible date", "2026-02-30T10:00:00"],
    ["an impossible hour", "2026-04-20T25:00:00"],
    ["a number", 1776693600000],
    ["an empty string", ""],
  ])("rejects %s with 400 on starts_at", async (_label, startsAt) => {
    expectValidationError(await book(startsAt, "UTC"), ["starts_at"]);
  });

  it("rejects an unparseable ends_at with 400 on ends_at", async () => {
    expectValidationError(await book("2026-04-20T14:00:00", "UTC", { duration_minutes: undefined, ends_at: "15:00" }), ["ends_at"]);
  });

  it.each(["Mars/Olympus", "Santiago", "UTC+3", "../../etc/passwd", 5])("rejects an unknown timezone %s with 400 on timezone", async (timezone) => {
    expectValidationError(await book("2026-04-20T14:00:00", timezone), ["timezone"]);
  });
});

import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { testEnvironment } from "@/tests/support/env";

export const { fixtures } = testEnvironment();

const artifactsDir = path.join(process.cwd(), "e2e-artifacts");

/**
 * Saves a screenshot under e2e-artifacts/ for people to look at: the full page, or only the viewport
 * (`fullPage: false`) for an open modal dialog, which a stitched full-page capture misplaces.
 */
export async function saveScreenshot(page: Page, name: string, { fullPage = true } = {}) {
  fs.mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage });
}

/** A new lead of the dashboard tenant, created through the public API so each test owns its own; `fields` add to or replace the defaults. */
export async function createLeadViaApi(request: APIRequestContext, firstName: string, fields: Record<string, unknown> = {}) {
  const suffix = Math.random().toString(36).slice(2, 10);
  const response = await request.post("/api/public/leads", {
    headers: { "X-API-Key": fixtures.dashboard.apiKey },
    data: { first_name: firstName, last_name: suffix, email: `${firstName.toLowerCase()}-${suffix}@example.com`, ...fields },
  });
  if (response.status() !== 201) throw new Error(`creating a lead failed: ${response.status()} ${await response.text()}`);
  const { lead } = await response.json();
  return lead as { id: string; full_name: string; email: string };
}

/** YYYY-MM-DD of the day `daysAhead` from now as seen in `timeZone`, for datetime-local inputs. */
export function dateInZone(daysAhead: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(Date.now() + daysAhead * 24 * 3_600_000),
  );
}

/** A meeting of a lead, logged through the public API (it may start in the past, as the API allows). */
export async function createMeetingViaApi(
  request: APIRequestContext,
  meeting: { leadId: string; title: string; startsAt: Date; durationMinutes?: number; timezone?: string },
) {
  const response = await request.post("/api/public/meetings", {
    headers: { "X-API-Key": fixtures.dashboard.apiKey },
    data: {
      lead_id: meeting.leadId,
      title: meeting.title,
      starts_at: meeting.startsAt.toISOString(),
      duration_minutes: meeting.durationMinutes ?? 30,
      timezone: meeting.timezone ?? "America/New_York",
    },
  });
  if (response.status() !== 201) throw new Error(`creating a meeting failed: ${response.status()} ${await response.text()}`);
  return (await response.json()).meeting as { id: string; starts_at: string; ends_at: string };
}

/** A lifecycle action through the public API, e.g. to put a meeting in the state a test starts from. */
export async function meetingActionViaApi(request: APIRequestContext, meetingId: string, action: "cancel" | "no-show" | "complete" | "confirm", body = {}) {
  const response = await request.post(`/api/public/meetings/${meetingId}/${action}`, { headers: { "X-API-Key": fixtures.dashboard.apiKey }, data: body });
  if (response.status() !== 200) throw new Error(`${action} failed: ${response.status()} ${await response.text()}`);
}

/** A whole-hour instant `hours` from now (negative: in the past). */
export function hoursFromNow(hours: number): Date {
  const instant = new Date(Date.now() + hours * 3_600_000);
  instant.setUTCMinutes(0, 0, 0);
  return instant;
}

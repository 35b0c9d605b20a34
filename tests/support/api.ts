import { expect } from "vitest";
import { randomUUID } from "node:crypto";
import { testEnvironment } from "./env";

export const { baseUrl, fixtures } = testEnvironment();
export const keyA = fixtures.tenantA.apiKey;
export const keyB = fixtures.tenantB.apiKey;

export type ApiResponse = { status: number; body: any; headers: Headers };

/** One real HTTP request to the running server. `body` is JSON-encoded unless it is already a string. */
export async function api(
  method: string,
  path: string,
  options: { key?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...options.headers };
  const key = options.key === undefined ? keyA : options.key;
  if (key !== null) headers["X-API-Key"] = key;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    headers["Content-Type"] ??= "application/json";
  }
  const response = await fetch(`${baseUrl}/api/public${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // keep the text: a non-JSON body is itself a failure the test will show
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

export const uniqueEmail = (label = "lead") => `${label}-${randomUUID().slice(0, 12)}@example.com`;
export const uniqueId = (label = "evt") => `${label}-${randomUUID()}`;

/** Creates a lead through the public API and returns it. */
export async function createLead(fields: Record<string, unknown> = {}, key = keyA) {
  const response = await api("POST", "/leads", { key, body: { first_name: "Test", last_name: "Lead", email: uniqueEmail(), ...fields } });
  if (response.status !== 201) throw new Error(`could not create lead: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.lead as { id: string; email: string | null; first_name: string; full_name: string; phone: string | null };
}

/** A valid minimal POST /meetings body for the lead with this email. */
export const meetingBody = (leadEmail: string, fields: Record<string, unknown> = {}) => ({
  lead_email: leadEmail,
  title: "Discovery Call",
  starts_at: "2026-04-20T14:00:00",
  ends_at: "2026-04-20T15:00:00",
  timezone: "America/Santiago",
  ...fields,
});

/** POST /meetings with the given body. */
export const postMeeting = (body: unknown, key = keyA) => api("POST", "/meetings", { key, body });

/** GET /leads/{id}/meetings, optionally with a `status` filter. */
export async function listMeetings(leadId: string, options: { status?: string; key?: string } = {}) {
  const query = options.status === undefined ? "" : `?status=${encodeURIComponent(options.status)}`;
  return api("GET", `/leads/${leadId}/meetings${query}`, { key: options.key ?? keyA });
}

/** Asserts a 400 validation_failed naming exactly these fields in `details` (any order). */
export function expectValidationError(response: ApiResponse, fields: string[]) {
  expect(response.status, JSON.stringify(response.body)).toBe(400);
  expect(response.body).toMatchObject({ error: "Validation failed", code: "validation_failed" });
  const details = response.body.details as { field: string; message: string }[];
  for (const detail of details) expect(detail).toEqual({ field: expect.any(String), message: expect.any(String) });
  expect(details.map((d) => d.field).sort()).toEqual([...fields].sort());
  return details;
}

export const LEAD_NOT_FOUND = { error: "Lead not found or does not belong to your account", code: "lead_not_found" };
export const LEAD_EMAIL_NOT_FOUND = { error: "Lead not found for the provided email", code: "lead_not_found" };

/** Every field GET /leads/{id}/meetings documents, with the ones that may be null. */
export const GET_MEETING_FIELDS = [
  "id", "title", "starts_at", "ends_at", "duration_minutes", "timezone", "status", "meeting_url", "location_type",
  "location_details", "host_name", "meeting_type", "attendee_name", "attendee_email", "confirmed_by_lead",
  "cancelled_at", "cancellation_reason", "no_show_reason", "outcome_notes", "created_at",
] as const;
export const NULLABLE_MEETING_FIELDS = [
  "meeting_url", "location_details", "host_name", "meeting_type", "cancelled_at", "cancellation_reason",
  "no_show_reason", "outcome_notes",
] as const;
/** Fields the POST 201 example adds to the GET list. */
export const POST_MEETING_EXTRA_FIELDS = ["lead_id", "external_calendar_provider", "external_event_id", "source"] as const;

export const UTC_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

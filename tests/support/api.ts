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

/**
 * The stack floor of `npm run bench`: a bare node:http server answering GET /leads/{id}/meetings with
 * the same lookups the product makes (key by hash, then the lead's meetings with host and type names),
 * through postgres.js with prepared statements and JSON built in SQL. No framework, no validation: the
 * least this stack can cost per request. Run by the bench, never deployed.
 *
 *   DATABASE_URL=… PORT=… node bench/stack-floor.ts
 */
import { createHash } from "node:crypto";
import http from "node:http";
import postgres from "postgres";

const sql = postgres(process.env.DATABASE_URL!, { max: 10, prepare: true, onnotice: () => {} });
const route = /^\/api\/public\/leads\/([0-9a-f-]{36})\/meetings$/;

async function answer(leadId: string, key: string): Promise<{ status: number; body: string }> {
  const hash = createHash("sha256").update(key).digest("hex");
  const [caller] = await sql`select client_id from api_keys where key_hash = ${hash} and revoked_at is null`;
  if (!caller) return { status: 401, body: '{"error":"Invalid API key","code":"invalid_api_key"}' };
  const [row] = await sql`
    select coalesce(json_agg(json_build_object(
      'id', m.id, 'lead_id', m.lead_id, 'title', m.title, 'description', m.description,
      'starts_at', m.starts_at, 'ends_at', m.ends_at,
      'duration_minutes', floor(extract(epoch from m.ends_at - m.starts_at) / 60)::int, 'timezone', m.timezone,
      'status', case when m.status = 'scheduled' and m.confirmed_by_lead then 'confirmed' else m.status end,
      'meeting_url', m.meeting_url, 'location_type', m.location_type, 'location_details', m.location_details,
      'host_name', u.name, 'meeting_type', t.name, 'attendee_name', m.attendee_name, 'attendee_email', m.attendee_email,
      'attendee_phone', m.attendee_phone, 'additional_attendees', m.additional_attendees, 'confirmed_by_lead', m.confirmed_by_lead,
      'cancelled_at', m.cancelled_at, 'cancellation_reason', m.cancellation_reason, 'no_show_reason', m.no_show_reason,
      'outcome_notes', m.outcome_notes, 'outcome_at', m.outcome_at, 'external_calendar_provider', m.external_calendar_provider,
      'external_event_id', m.external_event_id, 'source', m.source, 'created_at', m.created_at, 'updated_at', m.updated_at
    ) order by m.starts_at desc, m.created_at desc, m.id), '[]')::text as meetings
    from meetings m
    left join users u on u.id = m.host_user_id and u.client_id = m.client_id
    left join meeting_types t on t.id = m.meeting_type_id and t.client_id = m.client_id
    where m.client_id = ${caller.client_id} and m.lead_id = ${leadId}`;
  return { status: 200, body: `{"success":true,"meetings":${row.meetings}}` };
}

http
  .createServer(async (request, response) => {
    const match = route.exec(request.url ?? "");
    const key = request.headers["x-api-key"];
    const { status, body } = match && typeof key === "string" ? await answer(match[1], key) : { status: 404, body: "{}" };
    response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" }).end(body);
  })
  .listen(Number(process.env.PORT), "127.0.0.1");

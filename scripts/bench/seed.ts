import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { createClient } from "@/lib/admin/service";
import { createSession } from "@/lib/auth/session-store";
import { createUser } from "@/lib/admin/service";

export type BenchScale = { clients: number; leads: number; meetingsPerLead: number; hotMeetings: number };
export type BenchData = {
  keys: { clientId: string; apiKey: string }[];
  ordinary: { leadId: string; email: string; keyIndex: number }[];
  hot: { leadId: string; keyIndex: number };
  session: { cookie: string; ordinaryLeadId: string };
};

const execute = (db: Database, query: ReturnType<typeof sql>) => db.execute(query);

function progress(label: string, done: number, total: number, started: number) {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`\r  ${label.padEnd(28)} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total}  ${seconds} s`);
  if (done === total) process.stdout.write("\n");
}

/**
 * Seeds the bench tenants with set-based SQL: `clients` clients with a key, a rep (with a session) and a host
 * and a meeting type each; `leads` leads spread over them with `meetingsPerLead` meetings each (a tenth
 * completed, a twentieth cancelled, a twentieth no-show) and a `meeting_scheduled` history entry per meeting;
 * plus one hot lead with `hotMeetings` meetings.
 */
export async function seedBench(db: Database, scale: BenchScale): Promise<BenchData> {
  const started = performance.now();
  const keys: BenchData["keys"] = [];
  let cookie = "";
  for (let i = 0; i < scale.clients; i++) {
    const { client, apiKey } = await createClient(db, { name: `Bench client ${i}` });
    keys.push({ clientId: client.id, apiKey });
    const rep = await createUser(db, { clientId: client.id, email: `rep${i}@bench.example`, name: `Rep ${i}`, password: i === 0 ? "bench-password" : null });
    await createUser(db, { clientId: client.id, email: `host${i}@bench.example`, name: `Host ${i}` });
    await execute(db, sql`insert into meeting_types (client_id, name) values (${client.id}, 'Discovery')`);
    if (i === 0) cookie = (await createSession(db, { userId: rep.id, clientId: client.id, timeZone: "America/Santiago" })).token;
    progress("clients, keys, users", i + 1, scale.clients, started);
  }

  const clientIds = sql.raw(`array[${keys.map((k) => `'${k.clientId}'::uuid`).join(",")}]`);
  await execute(db, sql`
    insert into leads (client_id, first_name, last_name, email, phone, updated_at)
    select (${clientIds})[1 + (i % ${scale.clients})], 'Lead', i::text, 'lead' || i || '@bench.example', '+1 555 ' || i, now() - (i || ' seconds')::interval
    from generate_series(1, ${scale.leads}) as i`);
  progress("leads", scale.leads, scale.leads, started);

  const chunks = 10;
  const perChunk = Math.ceil(scale.leads / chunks);
  for (let chunk = 0; chunk < chunks; chunk++) {
    await execute(db, sql`
      insert into meetings (client_id, lead_id, title, starts_at, ends_at, timezone, status, confirmed_by_lead, attendee_name,
                            attendee_email, host_user_id, meeting_type_id, source, external_calendar_provider, external_event_id,
                            cancelled_at, cancellation_reason, no_show_reason, outcome_at, outcome_notes)
      select l.client_id, l.id, 'Call ' || m, s.starts_at, s.starts_at + interval '30 minutes', 'America/Santiago', s.status,
             m % 3 = 0, l.first_name || ' ' || l.last_name, l.email, h.id, t.id, 'api', 'bench', l.id || '-' || m,
             case when s.status = 'cancelled' then s.starts_at - interval '1 day' end,
             case when s.status = 'cancelled' then 'Moved' end,
             case when s.status = 'no_show' then 'api_marked' end,
             case when s.status in ('completed', 'no_show') then s.starts_at + interval '1 hour' end,
             case when s.status = 'completed' then 'Went well' end
      from (select * from leads where email like 'lead%@bench.example' order by email offset ${chunk * perChunk} limit ${perChunk}) l
      join users h on h.client_id = l.client_id and h.email like 'host%'
      join meeting_types t on t.client_id = l.client_id
      cross join generate_series(1, ${scale.meetingsPerLead}) as m
      cross join lateral (select now() + ((m - ${Math.floor(scale.meetingsPerLead / 2)}) || ' days')::interval as starts_at,
        case when m % 20 = 0 then 'cancelled' when m % 20 = 1 then 'no_show' when m % 10 = 2 then 'completed' else 'scheduled' end as status) s
      where s.status <> 'completed' or s.starts_at < now()`);
    progress("meetings", chunk + 1, chunks, started);
  }

  const [hotLead] = (await execute(db, sql`
    insert into leads (client_id, first_name, last_name, email) values (${keys[0].clientId}, 'Hot', 'Lead', 'hot@bench.example') returning id`)) as unknown as { id: string }[];
  await execute(db, sql`
    insert into meetings (client_id, lead_id, title, starts_at, ends_at, attendee_name, source)
    select ${keys[0].clientId}, ${hotLead.id}, 'Hot call ' || m, now() - (m || ' hours')::interval, now() - (m || ' hours')::interval + interval '30 minutes', 'Hot Lead', 'api'
    from generate_series(1, ${scale.hotMeetings}) as m`);
  progress("hot lead", 1, 1, started);

  await execute(db, sql`
    insert into meeting_history (client_id, meeting_id, lead_id, type, at, actor_type, actor_name, changes)
    select client_id, id, lead_id, 'meeting_scheduled', created_at, 'api', 'default', '{}'::jsonb from meetings`);
  progress("history", 1, 1, started);
  await execute(db, sql`analyze`);

  const ordinaryRows = (await execute(db, sql`
    select l.id, l.email, l.client_id from leads l where l.email like 'lead%@bench.example' order by random() limit 1000`)) as unknown as {
    id: string; email: string; client_id: string;
  }[];
  const keyIndex = new Map(keys.map((k, i) => [k.clientId, i]));
  const ordinary = ordinaryRows.map((row) => ({ leadId: row.id, email: row.email, keyIndex: keyIndex.get(row.client_id)! }));
  const ordinaryOfFirst = ordinary.find((lead) => lead.keyIndex === 0)!;
  return { keys, ordinary, hot: { leadId: hotLead.id, keyIndex: 0 }, session: { cookie, ordinaryLeadId: ordinaryOfFirst.leadId } };
}

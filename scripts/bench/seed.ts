import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { createClient, createUser } from "@/lib/admin/service";
import { createSession } from "@/lib/auth/session-store";

export type BenchTenants = { keys: { clientId: string; apiKey: string }[]; cookie: string };
export type BenchLead = { leadId: string; email: string; keyIndex: number };

const execute = (db: Database, query: ReturnType<typeof sql>) => db.execute(query);

/**
 * Runs a seeding statement without the foreign keys' per-row checks, as pg_restore --disable-triggers
 * does: its rows are consistent by construction (each chunk makes its leads, then their meetings, then
 * their history). Skipping needs a superuser (the local server's postgres); otherwise the checks run.
 */
async function withoutRowChecks(db: Database, seed: (tx: Database) => Promise<unknown>) {
  await db.transaction(async (tx) => {
    await execute(tx, sql`select set_config('session_replication_role', 'replica', true) where (select rolsuper from pg_roles where rolname = current_user)`);
    await seed(tx);
  });
}

function progress(label: string, done: number, total: number, started: number) {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`\r  ${label.padEnd(28)} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done.toLocaleString("en")}/${total.toLocaleString("en")}  ${seconds} s`);
  if (done === total) process.stdout.write("\n");
}

/** `clients` clients, each with an API key, a rep, a host and a meeting type; a session for the first client's rep. */
export async function seedTenants(db: Database, clients: number): Promise<BenchTenants> {
  const started = performance.now();
  const keys: BenchTenants["keys"] = [];
  let cookie = "";
  for (let i = 0; i < clients; i++) {
    const { client, apiKey } = await createClient(db, { name: `Bench client ${i}` });
    keys.push({ clientId: client.id, apiKey });
    const rep = await createUser(db, { clientId: client.id, email: `rep${i}@bench.example`, name: `Rep ${i}`, password: i === 0 ? "bench-password" : null });
    await createUser(db, { clientId: client.id, email: `host${i}@bench.example`, name: `Host ${i}` });
    await execute(db, sql`insert into meeting_types (client_id, name) values (${client.id}, 'Discovery')`);
    if (i === 0) cookie = (await createSession(db, { userId: rep.id, clientId: client.id, timeZone: "America/Santiago" })).token;
    progress("clients, keys, users", i + 1, clients, started);
  }
  return { keys, cookie };
}

/**
 * Leads numbered `first`..`last` spread over the tenants, each with `meetingsPerLead` meetings (a tenth
 * completed, a twentieth cancelled, a twentieth no-show, the rest scheduled, around today) and a
 * `meeting_scheduled` history entry per meeting. One statement per chunk (leads, meetings and history
 * chained by RETURNING), two chunks at a time so both cores of the database work.
 */
export async function seedLeads(db: Database, params: { tenants: BenchTenants; first: number; last: number; meetingsPerLead: number }) {
  const { tenants, first, last, meetingsPerLead } = params;
  const clientIds = sql.raw(`array[${tenants.keys.map((k) => `'${k.clientId}'::uuid`).join(",")}]`);
  const clients = tenants.keys.length;
  const CHUNK = 5_000;
  const chunks: [number, number][] = [];
  for (let from = first; from <= last; from += CHUNK) chunks.push([from, Math.min(last, from + CHUNK - 1)]);
  const started = performance.now();
  let done = 0;
  const seedChunk = async ([from, to]: [number, number]) => {
    await withoutRowChecks(db, (tx) => execute(tx, sql`
      with new_leads as (
        insert into leads (client_id, first_name, last_name, email, phone, updated_at)
        select (${clientIds})[1 + (i % ${clients})], 'Lead', i::text, 'lead' || i || '@bench.example', '+1 555 ' || i, now() - (i || ' seconds')::interval
        from generate_series(${from}::int, ${to}::int) as i
        returning id, client_id, first_name, last_name, email
      ), new_meetings as (
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
        from new_leads l
        join users h on h.client_id = l.client_id and h.email like 'host%'
        join meeting_types t on t.client_id = l.client_id
        cross join generate_series(1, ${meetingsPerLead}::int) as m
        cross join lateral (select now() + ((m - ${Math.floor(meetingsPerLead / 2)}) || ' days')::interval as starts_at,
          case when m % 20 = 0 then 'cancelled' when m % 20 = 1 then 'no_show' when m % 10 = 2 then 'completed' else 'scheduled' end as status) s
        where s.status <> 'completed' or s.starts_at < now()
        returning id, client_id, lead_id, created_at
      )
      insert into meeting_history (client_id, meeting_id, lead_id, type, at, actor_type, actor_name, changes)
      select client_id, id, lead_id, 'meeting_scheduled', created_at, 'api', 'default', '{}'::jsonb from new_meetings`));
    done += to - from + 1;
    progress(`leads ${first.toLocaleString("en")}–${last.toLocaleString("en")}`, done, last - first + 1, started);
  };
  const queue = [...chunks];
  await Promise.all([0, 1].map(async () => {
    for (let chunk = queue.shift(); chunk; chunk = queue.shift()) await seedChunk(chunk);
  }));
  await execute(db, sql`vacuum analyze leads, meetings, meeting_history`); // as autovacuum leaves a settled table
}

/** One lead of the first client with `meetings` meetings, an hour apart going back from now, each with its history entry. */
export async function seedHotLead(db: Database, params: { tenants: BenchTenants; meetings: number }): Promise<BenchLead> {
  const clientId = params.tenants.keys[0].clientId;
  const [hotLead] = (await execute(db, sql`
    insert into leads (client_id, first_name, last_name, email) values (${clientId}, 'Hot', 'Lead', 'hot@bench.example') returning id`)) as unknown as { id: string }[];
  await execute(db, sql`
    with new_meetings as (
      insert into meetings (client_id, lead_id, title, starts_at, ends_at, attendee_name, source)
      select ${clientId}, ${hotLead.id}, 'Hot call ' || m, now() - (m || ' hours')::interval, now() - (m || ' hours')::interval + interval '30 minutes', 'Hot Lead', 'api'
      from generate_series(1, ${params.meetings}::int) as m
      returning id, client_id, lead_id, created_at
    )
    insert into meeting_history (client_id, meeting_id, lead_id, type, at, actor_type, actor_name, changes)
    select client_id, id, lead_id, 'meeting_scheduled', created_at, 'api', 'default', '{}'::jsonb from new_meetings`);
  await execute(db, sql`vacuum analyze leads, meetings, meeting_history`); // as autovacuum leaves a settled table
  return { leadId: hotLead.id, email: "hot@bench.example", keyIndex: 0 };
}

/** A random sample of the numbered leads up to `upTo`, with the index of their client's key. */
export async function sampleLeads(db: Database, params: { tenants: BenchTenants; upTo: number; count: number }): Promise<BenchLead[]> {
  const rows = (await execute(db, sql`
    select l.id, l.email, l.client_id from leads l
    where l.email like 'lead%@bench.example' and l.last_name::int <= ${params.upTo}
    order by random() limit ${params.count}`)) as unknown as { id: string; email: string; client_id: string }[];
  const keyIndex = new Map(params.tenants.keys.map((k, i) => [k.clientId, i]));
  return rows.map((row) => ({ leadId: row.id, email: row.email, keyIndex: keyIndex.get(row.client_id)! }));
}

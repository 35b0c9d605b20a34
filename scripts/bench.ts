/**
 * `npm run bench`: load on the two public endpoints of a production server, on loopback only.
 *
 * Seeds BENCH_LEADS leads (default 20,000) with 10 meetings each into a fresh database
 * (BENCH_DATABASE_URL=postgres://… for a local PostgreSQL server, else PGlite), starts `next start`
 * (building first if there is no build), and runs autocannon for BENCH_SECONDS (default 10) per case.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { createClient } from "@/lib/admin/service";
import { createLead } from "@/lib/leads/service";
import { assertPinnedNode } from "@/tests/support/node-version";
import { createRunDatabase, withRunDatabase } from "./support/database";
import { bin, root, run, startServer } from "./support/server";

const LEADS = Number(process.env.BENCH_LEADS ?? 20_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;

async function seed(db: Parameters<Parameters<typeof withRunDatabase>[1]>[0]) {
  const { client, apiKey } = await createClient(db, { name: "Bench" });
  const lead = await createLead(db, { clientId: client.id, input: { first_name: "Bench", last_name: "Lead", email: "bench@example.com" } });
  await db.execute(sql`
    insert into leads (client_id, first_name, last_name, email)
    select ${client.id}, 'Lead', i::text, 'lead' || i || '@example.com' from generate_series(1, ${LEADS}) as i`);
  await db.execute(sql`
    insert into meetings (client_id, lead_id, title, starts_at, ends_at, attendee_name, attendee_email, source)
    select l.client_id, l.id, 'Call ' || m, now() + (m - 5) * interval '1 day', now() + (m - 5) * interval '1 day' + interval '30 minutes',
           l.first_name, l.email, 'api'
    from leads l cross join generate_series(1, 10) as m where l.client_id = ${client.id}`);
  return { apiKey, leadId: lead.id };
}

function load(title: string, options: autocannon.Options) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  }).then((result) => {
    const non2xx = result.non2xx + result.errors + result.timeouts;
    console.log(
      `${title.padEnd(42)} ${String(Math.round(result.requests.average)).padStart(6)} req/s   ` +
        `p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms   non-2xx/errors ${non2xx}`,
    );
  });
}

async function main() {
  assertPinnedNode();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "nexor-bench-"));
  const database = await createRunDatabase(process.env.BENCH_DATABASE_URL, workDir, "bench");
  let stopServer = async () => {};
  try {
    console.log(`Database: ${database.description}; seeding ${LEADS} leads × 10 meetings…`);
    const { apiKey, leadId } = await withRunDatabase(database.env, seed);
    if (!fs.existsSync(path.join(root, ".next", "BUILD_ID")) && (await run(bin("next"), ["build"], process.env)) !== 0) {
      throw new Error("next build failed");
    }
    const server = await startServer(
      { ...process.env, ...database.env, NODE_ENV: "production", NEXOR_SKIP_DEMO_SEED: "1", NEXT_TELEMETRY_DISABLED: "1" },
      path.join(workDir, "server.log"),
    );
    stopServer = server.stop;
    const headers = { "x-api-key": apiKey, "content-type": "application/json" };
    const meeting = (eventId: string) =>
      JSON.stringify({
        lead_email: "bench@example.com", title: "Bench call", starts_at: "2026-04-20T14:00:00", duration_minutes: 30,
        timezone: "America/Santiago", external_calendar_provider: "bench", external_event_id: eventId,
      });

    console.log(`${CONNECTIONS} connections, ${SECONDS} s each, against ${server.baseUrl}`);
    await load("GET /leads/{id}/meetings (10 meetings)", { url: `${server.baseUrl}/api/public/leads/${leadId}/meetings`, headers });
    await load("POST /meetings, new event each time", {
      url: `${server.baseUrl}/api/public/meetings`, method: "POST", headers,
      requests: [{ setupRequest: (request) => ({ ...request, body: meeting(randomUUID()) }) }],
    });
    await load("POST /meetings, replay of one event", {
      url: `${server.baseUrl}/api/public/meetings`, method: "POST", headers, body: meeting("replayed"),
    });
  } finally {
    await stopServer();
    await database.drop();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

/**
 * `npm run bench`: the product under load against its own floors, on a real PostgreSQL, loopback only.
 *
 * Creates a database (BENCH_DATABASE_URL, else DATABASE_URL, else the local server) and drops it after;
 * seeds BENCH_CLIENTS (100) clients and BENCH_SMALL_LEADS (1,000) leads × BENCH_MEETINGS_PER_LEAD (10)
 * meetings, builds with NEXOR_BENCH_BUILD=1 (adds the framework-floor route, into .next-bench/) and
 * measures the ordinary-lead GET at that small size; then grows to BENCH_LEADS (100,000) leads and a hot
 * lead with BENCH_HOT_MEETINGS (10,000) and runs every scenario: BENCH_ROUNDS (3) rounds of BENCH_SECONDS
 * (10) each, floors alternating with the product, medians. BENCH_PROFILE=1 adds a `node --cpu-prof` pass.
 * Writes bench-results/latest.{md,json}. Fails when a hot query scans meetings or leads sequentially.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type autocannon from "autocannon";
import { forgetCachedApiKeys, authenticateApiKey } from "@/lib/api-keys";
import { listLeadPage } from "@/lib/leads/list";
import { listLeadMeetings } from "@/lib/meetings/listing";
import { findLeadByEmailWithEventMeeting } from "@/lib/meetings/queries";
import { timelineTabs } from "@/lib/meetings/timeline";
import { countTimeline, listTimelinePage } from "@/lib/meetings/timeline-page";
import { assertPinnedNode } from "@/tests/support/node-version";
import { captureQueries, explainAll, type CapturedQuery } from "./bench/explain";
import { cpuMeter, type BenchServer, type CpuReading } from "./bench/cpu";
import { runLoad, summarize, type LoadResult } from "./bench/load";
import { measureLeadPageScripts } from "./bench/page-weight";
import { writeReport, type ScenarioResult } from "./bench/report";
import { summarizeProfiles } from "./bench/profile";
import { sampleLeads, seedHotLead, seedLeads, seedTenants, type BenchLead, type BenchTenants } from "./bench/seed";
import { createRunDatabase, withRunDatabase } from "./support/database";
import { bin, freePort, root, run, startServer } from "./support/server";

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const scale = {
  clients: setting("BENCH_CLIENTS", 100),
  smallLeads: setting("BENCH_SMALL_LEADS", 1_000),
  leads: setting("BENCH_LEADS", 100_000),
  meetingsPerLead: setting("BENCH_MEETINGS_PER_LEAD", 10),
  hotMeetings: setting("BENCH_HOT_MEETINGS", 10_000),
};
const SECONDS = setting("BENCH_SECONDS", 10);
const ROUNDS = setting("BENCH_ROUNDS", 3);
// BENCH_ONLY="create,replay": only the scenarios whose names contain one of these (the floors always run).
const only = process.env.BENCH_ONLY?.split(",").map((part) => part.trim().toLowerCase()).filter(Boolean);
const selected = (scenario: Scenario) => scenario.floor || !only?.length || only.some((part) => scenario.name.toLowerCase().includes(part));

type BenchData = {
  keys: BenchTenants["keys"];
  // The leads the reads rotate over, and other leads that take the creates: a read must find an ordinary
  // lead (~10 meetings), not one that a full run's creates have grown to about 50.
  ordinary: BenchLead[];
  writeTargets: BenchLead[];
  hot: BenchLead;
  session: { cookie: string; ordinaryLeadId: string };
};

// `server`: the Node.js server that answers, whose CPU the scenario is charged (the product unless told).
type Scenario = { name: string; floor?: boolean; server?: BenchServer; options: () => autocannon.Options };

function scenarios(data: BenchData, urls: { product: string; stackFloor: string }, hotCursors: (string | null)[]): Scenario[] {
  const pick = <T,>(items: T[]) => items[Math.floor(Math.random() * items.length)];
  const keyOf = (index: number) => data.keys[index].apiKey;
  const ordinaryGet = (request: autocannon.Request) => {
    const lead = pick(data.ordinary);
    return { ...request, method: "GET" as const, body: undefined, path: `/api/public/leads/${lead.leadId}/meetings`, headers: { "x-api-key": keyOf(lead.keyIndex) } };
  };
  const create = (request: autocannon.Request) => {
    const lead = pick(data.writeTargets);
    const body = JSON.stringify({
      lead_email: lead.email, title: "Bench call", starts_at: "2026-12-20T14:00:00", duration_minutes: 30, timezone: "America/Santiago",
      external_calendar_provider: "bench-load", external_event_id: randomUUID(),
    });
    return { ...request, method: "POST" as const, path: "/api/public/meetings", body, headers: { "x-api-key": keyOf(lead.keyIndex), "content-type": "application/json" } };
  };
  const hotKey = keyOf(data.hot.keyIndex);
  const cookie = `nexor_session=${data.session.cookie}`;
  return [
    { name: "framework floor (fixed body, no database)", floor: true, options: () => ({ url: `${urls.product}/api/bench/floor` }) },
    {
      name: "stack floor (node:http + postgres.js, prepared)", floor: true, server: "stack floor",
      options: () => ({ url: urls.stackFloor, requests: [{ setupRequest: ordinaryGet }] }),
    },
    {
      name: "stack floor, hot lead unpaged (same rows)", floor: true, server: "stack floor",
      options: () => ({ url: `${urls.stackFloor}/api/public/leads/${data.hot.leadId}/meetings`, headers: { "x-api-key": hotKey } }),
    },
    { name: "GET ordinary lead (rotating leads and keys)", options: () => ({ url: urls.product, requests: [{ setupRequest: ordinaryGet }] }) },
    {
      name: "GET hot lead, unpaged (10,000 meetings)",
      options: () => ({ url: `${urls.product}/api/public/leads/${data.hot.leadId}/meetings`, headers: { "x-api-key": hotKey } }),
    },
    {
      name: "GET hot lead, limit=50 following cursors",
      options: () => ({
        url: urls.product,
        requests: [{
          setupRequest: (request) => {
            const cursor = pick(hotCursors);
            const query = `limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
            return { ...request, path: `/api/public/leads/${data.hot.leadId}/meetings?${query}`, headers: { "x-api-key": hotKey } };
          },
        }],
      }),
    },
    { name: "POST create", options: () => ({ url: urls.product, requests: [{ setupRequest: create }] }) },
    {
      name: "POST idempotent replay",
      // Built when it runs: its lead is a write target, which the small size (where no write runs) has none of.
      options: () => {
        const lead = data.writeTargets[0];
        const body = JSON.stringify({
          lead_email: lead.email, title: "Replayed", starts_at: "2026-12-21T14:00:00", duration_minutes: 30,
          external_calendar_provider: REPLAYED_EVENT.provider, external_event_id: REPLAYED_EVENT.eventId,
        });
        return { url: `${urls.product}/api/public/meetings`, method: "POST", body, headers: { "x-api-key": keyOf(lead.keyIndex), "content-type": "application/json" } };
      },
    },
    {
      name: "90/10 read/write mix",
      options: () => ({ url: urls.product, requests: [{ setupRequest: (request) => (Math.random() < 0.9 ? ordinaryGet(request) : create(request)) }] }),
    },
    { name: "lead page SSR, ordinary lead", options: () => ({ url: `${urls.product}/leads/${data.session.ordinaryLeadId}`, headers: { cookie } }) },
    // On the tab that holds its 10,000 meetings: the server renders only the tab in view, and Upcoming is empty.
    { name: "lead page SSR, hot lead", options: () => ({ url: `${urls.product}/leads/${data.hot.leadId}?tab=past`, headers: { cookie } }) },
  ];
}

/**
 * Waits until the server answers /api/health quickly again: a scenario whose requests outlive its run
 * (the lead page of the hot lead renders for seconds) must not spill into the next one's numbers.
 */
async function drain(baseUrl: string): Promise<boolean> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const started = performance.now();
    try {
      await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (performance.now() - started < 200) return true;
    } catch {
      // still busy
    }
  }
  return false;
}

/** Every round runs every scenario once, floors first, so floors and product share the machine's state. */
async function measure(list: Scenario[], productUrl: string, readCpu: (server: BenchServer) => CpuReading | null): Promise<ScenarioResult[]> {
  const rounds = new Map<string, LoadResult[]>(list.map((s) => [s.name, []]));
  const stalled = new Set<string>();
  for (const scenario of list) {
    await runLoad({ ...scenario.options(), duration: Math.min(5, SECONDS) }); // warm-up
    if (!(await drain(productUrl))) stalled.add(scenario.name);
  }
  for (let round = 1; round <= ROUNDS; round++) {
    for (const scenario of list) {
      if (stalled.has(scenario.name)) continue;
      const result = await runLoad({ ...scenario.options(), duration: SECONDS }, () => readCpu(scenario.server ?? "product"));
      if (!(await drain(productUrl))) {
        console.error(`  ${scenario.name}: the server was still busy 3 minutes after the run; left out of later rounds`);
        stalled.add(scenario.name);
      }
      rounds.get(scenario.name)!.push(result);
      console.log(`  round ${round}/${ROUNDS}  ${scenario.name.padEnd(48)} ${Math.round(result.requestsPerSecond).toString().padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms  errors ${result.errors}`);
    }
  }
  return list
    .filter((scenario) => rounds.get(scenario.name)!.length)
    .map((scenario) => ({ name: scenario.name, floor: Boolean(scenario.floor), stalled: stalled.has(scenario.name), ...summarize(rounds.get(scenario.name)!) }));
}

async function waitUntilListening(url: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${url} did not start listening`);
}

async function collectHotCursors(baseUrl: string, data: BenchData): Promise<(string | null)[]> {
  const cursors: (string | null)[] = [null];
  let cursor: string | null = null;
  do {
    const query: string = `limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const response: Response = await fetch(`${baseUrl}/api/public/leads/${data.hot.leadId}/meetings?${query}`, {
      headers: { "x-api-key": data.keys[data.hot.keyIndex].apiKey },
    });
    cursor = (await response.json()).next_cursor;
    if (cursor) cursors.push(cursor);
  } while (cursor);
  return cursors;
}

async function hotQueries(url: string, data: BenchData, hotCursor: string | null): Promise<CapturedQuery[]> {
  const first = data.ordinary[0];
  const clientId = data.keys[first.keyIndex].clientId;
  const hotClient = data.keys[data.hot.keyIndex].clientId;
  const noQuery = { status: [] };
  return [
    ...(await captureQueries(url, "API key lookup", async (db) => {
      forgetCachedApiKeys();
      await authenticateApiKey(db, data.keys[0].apiKey);
    })),
    ...(await captureQueries(url, "GET ordinary lead's meetings", (db) => listLeadMeetings(db, { clientId, leadId: first.leadId, query: noQuery }))),
    ...(await captureQueries(url, "GET hot lead, a middle page", (db) =>
      listLeadMeetings(db, { clientId: hotClient, leadId: data.hot.leadId, query: { ...noQuery, limit: 50, cursor: hotCursor ?? undefined } }))),
    ...(await captureQueries(url, "POST lead by email with its external event's meeting", (db) => {
      const replayed = data.writeTargets[0];
      return findLeadByEmailWithEventMeeting(db, { clientId: data.keys[replayed.keyIndex].clientId, email: replayed.email, event: REPLAYED_EVENT });
    })),
    ...(await captureQueries(url, "lead page tab counts, hot lead", (db) => countTimeline(db, { clientId: hotClient, leadId: data.hot.leadId, now: new Date() }))),
    ...(await Promise.all(timelineTabs.map((tab) => captureQueries(url, `lead page ${tab} tab, first page, hot lead`, (db) =>
      listTimelinePage(db, { clientId: hotClient, leadId: data.hot.leadId, tab, now: new Date(), cursor: null }))))).flat(),
    ...(await captureQueries(url, "dashboard lead list, first page", (db) => listLeadPage(db, { clientId, now: new Date() }))),
    ...(await captureQueries(url, "dashboard lead search", (db) => listLeadPage(db, { clientId, query: "lead 42", now: new Date() }))),
    ...(await captureQueries(url, "dashboard lead list, recently updated", (db) => listLeadPage(db, { clientId, sort: "updated", now: new Date() }))),
    ...(await captureQueries(url, "dashboard lead list, next meeting", (db) => listLeadPage(db, { clientId, sort: "next-meeting", now: new Date() }))),
    ...(await captureQueries(url, "dashboard lead list, awaiting outcome", (db) => listLeadPage(db, { clientId, filter: "awaiting-outcome", now: new Date() }))),
  ];
}

const ORDINARY_GET = "GET ordinary lead (rotating leads and keys)";
// The event the replay scenario sends again and again (and whose lookup the bench EXPLAINs).
const REPLAYED_EVENT = { provider: "bench-load", eventId: "replayed" };
const SAMPLED_LEADS = 1_000;

/**
 * Starts the built product with `node --cpu-prof`, warms it up, loads it with the commonest API calls and the
 * hot lead's page, and summarizes where the time went (startup is in the profile too, but small beside the load).
 */
async function profileProduct(env: NodeJS.ProcessEnv, list: Scenario[], logFile: string): Promise<string> {
  const directory = path.resolve(root, "bench-results", "profile");
  fs.rmSync(directory, { recursive: true, force: true });
  const profiled = await startServer({ ...env, NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${directory}` }, logFile);
  try {
    const profiledScenarios = [ORDINARY_GET, "POST create", "POST idempotent replay", "lead page SSR, hot lead"].flatMap((name) => {
      const scenario = list.find((s) => s.name === name);
      if (!scenario) return []; // left out by BENCH_ONLY
      const url = new URL(scenario.options().url!);
      url.host = new URL(profiled.baseUrl).host;
      return [{ ...scenario.options(), url: url.toString() }];
    });
    for (const options of profiledScenarios) await runLoad({ ...options, duration: 2 });
    for (const options of profiledScenarios) await runLoad({ ...options, duration: SECONDS });
  } finally {
    await profiled.stop();
  }
  return summarizeProfiles(directory);
}

async function main() {
  assertPinnedNode();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "nexor-bench-"));
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const database = await createRunDatabase(serverUrl, workDir, "bench");
  const stops: (() => Promise<void> | void)[] = [];
  const smallLeads = Math.min(scale.smallLeads, scale.leads);
  try {
    console.log(`Database: ${database.description}`);
    console.log(`Seeding ${scale.clients} clients and ${smallLeads.toLocaleString("en")} leads × ${scale.meetingsPerLead} meetings…`);
    let seedSeconds = 0;
    const seed = <T,>(work: (db: Parameters<Parameters<typeof withRunDatabase>[1]>[0]) => Promise<T>) => {
      const started = performance.now();
      return withRunDatabase(database.env, work).finally(() => (seedSeconds += (performance.now() - started) / 1000));
    };
    const small = await seed(async (db) => {
      const tenants = await seedTenants(db, scale.clients);
      await seedLeads(db, { tenants, first: 1, last: smallLeads, meetingsPerLead: scale.meetingsPerLead });
      return { tenants, ordinary: await sampleLeads(db, { tenants, upTo: smallLeads, count: SAMPLED_LEADS }) };
    });
    const { tenants } = small;

    // The bench measures throughput, not the rate limits: a limit no scenario reaches (its statement still runs).
    const benchEnv = {
      ...process.env, NEXOR_BENCH_BUILD: "1", NEXT_TELEMETRY_DISABLED: "1",
      RATE_LIMIT_PER_MINUTE: "100000000", INVALID_KEY_RATE_LIMIT_PER_MINUTE: "100000000",
    };
    console.log("Building (NEXOR_BENCH_BUILD=1, into .next-bench/)…");
    if ((await run(bin("next"), ["build"], benchEnv)) !== 0) throw new Error("next build failed");

    const floorBody = path.join(workDir, "floor-body.json");
    fs.writeFileSync(floorBody, "{}");
    const productEnv: NodeJS.ProcessEnv = { ...benchEnv, ...database.env, NODE_ENV: "production", NEXOR_SKIP_DEMO_SEED: "1", BENCH_FLOOR_BODY_FILE: floorBody };
    const product = await startServer(productEnv, path.join(workDir, "server.log"));
    stops.push(product.stop);
    const sampleLead = small.ordinary[0];
    const sample = await fetch(`${product.baseUrl}/api/public/leads/${sampleLead.leadId}/meetings`, { headers: { "x-api-key": tenants.keys[sampleLead.keyIndex].apiKey } });
    fs.writeFileSync(floorBody, Buffer.from(await sample.arrayBuffer())); // read by the floor route on its first request

    const stackPort = await freePort();
    const stackFloor = spawn(process.execPath, ["bench/stack-floor.ts"], {
      cwd: root, env: { ...process.env, ...database.env, PORT: String(stackPort) }, stdio: "inherit",
    });
    stops.push(() => void stackFloor.kill());
    await waitUntilListening(`http://127.0.0.1:${stackPort}/`);
    const urls = { product: product.baseUrl, stackFloor: `http://127.0.0.1:${stackPort}` };
    const readCpu = cpuMeter({ productGroup: product.pid, stackFloorPid: stackFloor.pid! });

    const smallMeetings = (smallLeads * scale.meetingsPerLead).toLocaleString("en");
    console.log(`Load at the small size (${smallMeetings} meetings): ${ROUNDS} rounds × ${SECONDS} s`);
    // Only the floor and the ordinary GET run at this size: no hot lead exists yet, any lead stands in for it.
    const smallData: BenchData = {
      keys: tenants.keys, ordinary: small.ordinary, writeTargets: [], hot: sampleLead, session: { cookie: tenants.cookie, ordinaryLeadId: sampleLead.leadId },
    };
    const smallList = scenarios(smallData, urls, [null]).filter((s) => s.name.startsWith("framework floor") || (s.name === ORDINARY_GET && selected(s)));
    const smallResults = (await measure(smallList, product.baseUrl, readCpu)).map((r) => ({ ...r, name: r.name === ORDINARY_GET ? `${ORDINARY_GET}, ${smallMeetings} meetings in the database` : r.name }));

    console.log(`Growing to ${scale.leads.toLocaleString("en")} leads and a hot lead with ${scale.hotMeetings.toLocaleString("en")} meetings…`);
    const data = await seed(async (db): Promise<BenchData> => {
      await seedLeads(db, { tenants, first: smallLeads + 1, last: scale.leads, meetingsPerLead: scale.meetingsPerLead });
      const hot = await seedHotLead(db, { tenants, meetings: scale.hotMeetings });
      const sampled = await sampleLeads(db, { tenants, upTo: scale.leads, count: 2 * SAMPLED_LEADS });
      const split = Math.min(SAMPLED_LEADS, Math.ceil(sampled.length / 2)); // halves when BENCH_LEADS is small
      const [ordinary, writeTargets] = [sampled.slice(0, split), sampled.slice(split)];
      const isRead = (lead: BenchLead) => lead.keyIndex === 0 && !writeTargets.some((target) => target.leadId === lead.leadId);
      const ordinaryLeadId = (ordinary.find(isRead) ?? small.ordinary.find(isRead)!).leadId;
      return { keys: tenants.keys, ordinary, writeTargets, hot, session: { cookie: tenants.cookie, ordinaryLeadId } };
    });

    const hotCursors = await collectHotCursors(product.baseUrl, data);
    const plans = await explainAll(database.env.DATABASE_URL, await hotQueries(database.env.DATABASE_URL, data, hotCursors[100] ?? null));

    console.log(`Load at full size: ${ROUNDS} rounds × ${SECONDS} s per scenario, 10 connections, loopback`);
    const list = scenarios(data, urls, hotCursors).filter(selected);
    const results = await measure(list, product.baseUrl, readCpu);
    const pageWeight = await measureLeadPageScripts(product.baseUrl, data.session.cookie, data.hot.leadId);

    let profile: string | undefined;
    if (process.env.BENCH_PROFILE === "1") {
      await product.stop();
      console.log("Profiling the product under load (node --cpu-prof)…");
      profile = await profileProduct(productEnv, list, path.join(workDir, "profiled-server.log"));
    }

    const report = writeReport({ scale, seedSeconds, results, smallResults, plans, pageWeight, rounds: ROUNDS, seconds: SECONDS, profile });
    console.log(`\n${report.markdown}\nWritten to ${report.directory}`);
    const sequential = plans.filter((plan) => plan.sequential);
    if (sequential.length) {
      console.error(`Sequential scans of meetings or leads in: ${sequential.map((p) => p.label).join(", ")}`);
      process.exitCode = 1;
    }
  } finally {
    for (const stop of stops.reverse()) await stop();
    await database.drop();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

/**
 * `npm test`: every suite against one fresh database and one production server.
 *
 *   npm test                      unit + API contract + browser suites
 *   npm test -- --suites api      only the named suites (unit, api, e2e)
 *
 * TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres runs on that PostgreSQL server
 * (a uniquely named database is created there and dropped afterwards); without it, on PGlite in a
 * temporary directory. Ends with one line: `N passed, N failed, N skipped`.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { seedFixtures } from "@/tests/support/fixtures";

type Totals = { passed: number; failed: number; skipped: number };
const ALL_SUITES = ["unit", "api", "e2e"] as const;
type Suite = (typeof ALL_SUITES)[number];

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "nexor-test-"));
const cleanups: (() => Promise<void> | void)[] = [];

function selectedSuites(): Suite[] {
  const index = process.argv.indexOf("--suites");
  if (index === -1) return [...ALL_SUITES];
  const names = (process.argv[index + 1] ?? "").split(",").filter(Boolean);
  const unknown = names.filter((name) => !ALL_SUITES.includes(name as Suite));
  if (unknown.length || !names.length) fail(`--suites takes a comma-separated list of: ${ALL_SUITES.join(", ")}`);
  return names as Suite[];
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function ensureChromium() {
  const chromium = "/usr/bin/chromium";
  if (fs.existsSync(chromium)) return;
  if (process.getuid?.() !== 0) {
    fail("Browser tests need Debian's Chromium: run `sudo apt-get install -y chromium`, then `npm test` again.");
  }
  console.log("Installing Debian's chromium for the browser tests…");
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
}

/** Database settings for the app under test: a fresh PostgreSQL database, or a fresh PGlite directory. */
async function prepareDatabase(): Promise<Record<string, string>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    console.log("Database: embedded PGlite (set TEST_DATABASE_URL to use a PostgreSQL server)");
    return { PGLITE_DATA_DIR: path.join(workDir, "pglite") };
  }
  const url = new URL(serverUrl);
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(url.hostname) && process.env.TEST_ALLOW_REMOTE_DB !== "1") {
    fail(`Refusing to create test databases on ${url.hostname}: tests only run against a local server (TEST_ALLOW_REMOTE_DB=1 overrides).`);
  }
  const name = `nexor_test_${Date.now()}_${process.pid}`;
  const { default: postgres } = await import("postgres");
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  cleanups.push(async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  url.pathname = `/${name}`;
  console.log(`Database: PostgreSQL ${url.host}/${name} (dropped afterwards)`);
  return { DATABASE_URL: url.toString() };
}

async function seed(databaseEnv: Record<string, string>): Promise<string> {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR };
  delete process.env.DATABASE_URL;
  Object.assign(process.env, databaseEnv);
  const connection = await openDatabase({ holder: "npm test (seeding fixtures)" });
  try {
    const file = path.join(workDir, "fixtures.json");
    fs.writeFileSync(file, JSON.stringify(await seedFixtures(connection.db), null, 2));
    return file;
  } finally {
    await connection.close();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function startServer(env: NodeJS.ProcessEnv): Promise<string> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = fs.openSync(path.join(workDir, "server.log"), "a");
  const server: ChildProcess = spawn(bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root, env, stdio: ["ignore", log, log], detached: true,
  });
  cleanups.unshift(() => stopServer(server));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) break;
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return baseUrl;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  console.error(fs.readFileSync(path.join(workDir, "server.log"), "utf8"));
  fail("The server did not become ready within 60 s (its log is above).");
}

function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => process.kill(-server.pid!, "SIGKILL"), 10_000);
    server.on("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    process.kill(-server.pid!, "SIGTERM");
  });
}

function readJson(file: string): any {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

async function runVitest(projects: string[], env: NodeJS.ProcessEnv): Promise<Totals> {
  const report = path.join(workDir, `vitest-${projects.join("-")}.json`);
  const args = ["run", ...projects.flatMap((p) => ["--project", p]), "--reporter=default", "--reporter=json", `--outputFile.json=${report}`];
  const code = await run(bin("vitest"), args, env);
  const result = readJson(report);
  if (!result) return { passed: 0, failed: 1, skipped: 0 };
  const failed = result.numFailedTests + (code !== 0 && result.numFailedTests === 0 ? 1 : 0);
  return { passed: result.numPassedTests, failed, skipped: result.numPendingTests + result.numTodoTests };
}

async function runPlaywright(env: NodeJS.ProcessEnv): Promise<Totals> {
  const report = path.join(workDir, "playwright.json");
  const code = await run(bin("playwright"), ["test", "--reporter=list,json"], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: report });
  const stats = readJson(report)?.stats;
  if (!stats) return { passed: 0, failed: 1, skipped: 0 };
  const failed = stats.unexpected + stats.flaky + (code !== 0 && stats.unexpected === 0 ? 1 : 0);
  return { passed: stats.expected, failed, skipped: stats.skipped };
}

async function main() {
  const suites = selectedSuites();
  const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
  const add = (t: Totals) => {
    totals.passed += t.passed;
    totals.failed += t.failed;
    totals.skipped += t.skipped;
  };
  try {
    if (suites.includes("e2e")) ensureChromium();
    const baseEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
    delete baseEnv.DATABASE_URL;
    delete baseEnv.PGLITE_DATA_DIR;

    if (suites.includes("unit")) add(await runVitest(["unit"], baseEnv));

    const serverSuites = suites.filter((s) => s !== "unit");
    if (serverSuites.length) {
      const databaseEnv = await prepareDatabase();
      const fixturesFile = await seed(databaseEnv);
      if (process.env.NEXOR_TEST_SKIP_BUILD !== "1") {
        if ((await run(bin("next"), ["build"], baseEnv)) !== 0) fail("next build failed.");
      }
      const serverEnv = { ...baseEnv, ...databaseEnv, NODE_ENV: "production" as const, NEXOR_SKIP_DEMO_SEED: "1" };
      const baseUrl = await startServer(serverEnv);
      const suiteEnv = { ...baseEnv, TEST_BASE_URL: baseUrl, TEST_FIXTURES_FILE: fixturesFile };
      if (suites.includes("api")) add(await runVitest(["api"], suiteEnv));
      if (suites.includes("e2e")) add(await runPlaywright(suiteEnv));
    }
  } finally {
    for (const cleanup of cleanups) await cleanup();
    fs.rmSync(workDir, { recursive: true, force: true });
  }

  if (process.env.TEST_TOTALS_FILE) fs.appendFileSync(process.env.TEST_TOTALS_FILE, JSON.stringify(totals) + "\n");
  console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(totals.failed > 0 ? 1 : 0);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    for (const cleanup of cleanups) await cleanup();
    process.exit(130);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

/**
 * `npm test`: every suite against one fresh database and one production server.
 *
 *   npm test                      unit + API contract + resilience + browser suites
 *   npm test -- --suites api      only the named suites (unit, api, resilience, e2e)
 *   npm test -- --suites api --files tenancy    only test files whose path contains one of these words
 *
 * TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres runs on that PostgreSQL server
 * (a uniquely named database is created there and dropped afterwards); without it, on PGlite in a
 * temporary directory; the resilience suite (database outages) needs the server and runs only then.
 * Ends with one line: `N passed, N failed, N skipped`.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { seedFixtures } from "@/tests/support/fixtures";
import { assertPinnedNode } from "@/tests/support/node-version";
import { createRunDatabase, withRunDatabase } from "./support/database";
import { bin, run, startServer } from "./support/server";

type Totals = { passed: number; failed: number; skipped: number };
const ALL_SUITES = ["unit", "api", "resilience", "e2e"] as const;
type Suite = (typeof ALL_SUITES)[number];

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "nexor-test-"));
const cleanups: (() => Promise<void> | void)[] = [];

class HarnessError extends Error {}

/** Stops the run with a sentence; cleanups (server, test database) still happen. */
function fail(message: string): never {
  throw new HarnessError(message);
}

function selectedSuites(): Suite[] {
  const index = process.argv.indexOf("--suites");
  if (index === -1) return [...ALL_SUITES];
  const names = (process.argv[index + 1] ?? "").split(",").filter(Boolean);
  const unknown = names.filter((name) => !ALL_SUITES.includes(name as Suite));
  if (unknown.length || !names.length) fail(`--suites takes a comma-separated list of: ${ALL_SUITES.join(", ")}`);
  return names as Suite[];
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

function readJson(file: string): any {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** `--files a,b`: the file filters both runners take (a test file runs when its path contains one). */
function fileFilters(): string[] {
  const index = process.argv.indexOf("--files");
  return index === -1 ? [] : (process.argv[index + 1] ?? "").split(",").filter(Boolean);
}

async function runVitest(projects: string[], env: NodeJS.ProcessEnv): Promise<Totals> {
  const report = path.join(workDir, `vitest-${projects.join("-")}.json`);
  const args = ["run", ...fileFilters(), ...projects.flatMap((p) => ["--project", p]), "--reporter=default", "--reporter=json", `--outputFile.json=${report}`];
  if (fileFilters().length) args.push("--passWithNoTests"); // a filter may match no file of this suite
  const code = await run(bin("vitest"), args, env);
  const result = readJson(report);
  if (!result) return { passed: 0, failed: 1, skipped: 0 };
  const failed = result.numFailedTests + (code !== 0 && result.numFailedTests === 0 ? 1 : 0);
  return { passed: result.numPassedTests, failed, skipped: result.numPendingTests + result.numTodoTests };
}

async function runPlaywright(env: NodeJS.ProcessEnv): Promise<Totals> {
  const report = path.join(workDir, "playwright.json");
  const code = await run(bin("playwright"), ["test", ...fileFilters(), "--reporter=list,json", ...(fileFilters().length ? ["--pass-with-no-tests"] : [])], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: report });
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
    assertPinnedNode();
    if (suites.includes("e2e")) ensureChromium();
    const baseEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
    delete baseEnv.DATABASE_URL;
    delete baseEnv.PGLITE_DATA_DIR;

    if (suites.includes("unit")) add(await runVitest(["unit"], baseEnv));

    const serverSuites = suites.filter((s) => s !== "unit");
    if (serverSuites.length) {
      const database = await createRunDatabase(process.env.TEST_DATABASE_URL, workDir, "test");
      cleanups.push(database.drop);
      console.log(`Database: ${database.description}${process.env.TEST_DATABASE_URL ? "" : " (set TEST_DATABASE_URL to use a PostgreSQL server)"}`);
      const databaseEnv = database.env;
      const fixturesFile = path.join(workDir, "fixtures.json");
      const fixtures = await withRunDatabase(databaseEnv, seedFixtures);
      fs.writeFileSync(fixturesFile, JSON.stringify(fixtures, null, 2));
      if (process.env.NEXOR_TEST_SKIP_BUILD !== "1") {
        if ((await run(bin("next"), ["build"], baseEnv)) !== 0) fail("next build failed.");
      }
      const serverEnv: NodeJS.ProcessEnv = { ...baseEnv, ...databaseEnv, NODE_ENV: "production", NEXOR_SKIP_DEMO_SEED: "1",
        // Short enough for the slow-body and slow-header tests to be quick (defaults: 10 s each).
        BODY_READ_TIMEOUT_MS: "2000",
        HEADERS_TIMEOUT_MS: "2000",
        // The suites send thousands of requests from one address with a few keys; the limits themselves are
        // tested on a tenant with a limit of its own (fixtures) and on servers of the resilience suite.
        RATE_LIMIT_PER_MINUTE: "1000000",
        INVALID_KEY_RATE_LIMIT_PER_MINUTE: "1000000",
        // Webhook receivers in the tests listen on loopback over http, and retries come within seconds.
        WEBHOOKS_ALLOW_HTTP_LOOPBACK: "1",
        WEBHOOK_RETRY_DELAYS_SECONDS: "1,1,1",
        WEBHOOK_POLL_INTERVAL_MS: "100",
        WEBHOOK_TIMEOUT_MS: "2000",
      };
      const serverLog = path.join(workDir, "server.log");
      const server = await startServer(serverEnv, serverLog);
      cleanups.unshift(server.stop);
      const baseUrl = server.baseUrl;
      const suiteEnv = { ...baseEnv, TEST_BASE_URL: baseUrl, TEST_FIXTURES_FILE: fixturesFile, TEST_SERVER_LOG: serverLog };
      if (suites.includes("api")) add(await runVitest(["api"], suiteEnv));
      if (suites.includes("resilience")) {
        if (databaseEnv.DATABASE_URL) add(await runVitest(["resilience"], { ...suiteEnv, TEST_RUN_DATABASE_URL: databaseEnv.DATABASE_URL }));
        else console.log("Resilience suite not run: it cuts a PostgreSQL server off, so it needs TEST_DATABASE_URL.");
      }
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
  console.error(error instanceof HarnessError ? error.message : error);
  process.exit(1);
});

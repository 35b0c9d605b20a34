import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startServer } from "@/scripts/support/server";
import type { Fixtures } from "../support/fixtures";
import { TcpProxy } from "../support/tcp-proxy";

// A production server of our own per test, whose DATABASE_URL goes through a proxy the test can cut.
const databaseUrl = new URL(process.env.TEST_RUN_DATABASE_URL ?? "");
const fixtures: Fixtures = JSON.parse(fs.readFileSync(process.env.TEST_FIXTURES_FILE ?? "", "utf8"));
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "nexor-resilience-"));
const cleanups: (() => Promise<void>)[] = [];

// What an outage may cost a request: well under the 20 s the driver used to wait, and bounded.
const FAIL_FAST_MS = 6_000;

async function serverBehindProxy(options: { databaseUp: boolean }) {
  const proxy = await TcpProxy.create({ host: databaseUrl.hostname, port: Number(databaseUrl.port || 5432) }, { open: options.databaseUp });
  cleanups.push(() => proxy.cut());
  const proxiedUrl = new URL(databaseUrl);
  proxiedUrl.host = `127.0.0.1:${proxy.port}`;
  const env = {
    ...process.env, DATABASE_URL: proxiedUrl.toString(), NODE_ENV: "production" as const, NEXOR_SKIP_DEMO_SEED: "1",
    DATABASE_CONNECT_TIMEOUT_SECONDS: "2",
  };
  const server = await startServer(env, path.join(logDir, `server-${cleanups.length}.log`), {
    waitFor: options.databaseUp ? "healthy" : "listening",
  });
  cleanups.push(server.stop);
  return { proxy, baseUrl: server.baseUrl };
}

async function timed(url: string, init?: RequestInit) {
  const started = performance.now();
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, ms: performance.now() - started };
}

const listMeetings = (baseUrl: string) =>
  timed(`${baseUrl}/api/public/leads/${fixtures.timeline.leadId}/meetings`, { headers: { "X-API-Key": fixtures.tenantA.apiKey } });

async function until<T>(attempt: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(() => fs.rmSync(logDir, { recursive: true, force: true }));

describe("database outages (PostgreSQL behind a proxy the test cuts)", { timeout: 120_000 }, () => {
  it("a server started while the database is down comes up, answers JSON 503s, and recovers once the database is back", async () => {
    const { proxy, baseUrl } = await serverBehindProxy({ databaseUp: false });

    const health = await timed(`${baseUrl}/api/health`);
    expect(health.status).toBe(503);
    expect(JSON.parse(health.text)).toMatchObject({ status: "degraded", ok: false, database: "down" });
    expect(health.headers.get("retry-after")).toMatch(/^\d+$/);

    const api = await listMeetings(baseUrl);
    expect(api.status).toBe(503);
    expect(JSON.parse(api.text)).toMatchObject({ code: "service_unavailable" });
    expect(api.ms).toBeLessThan(FAIL_FAST_MS);

    const signIn = await timed(`${baseUrl}/sign-in`);
    expect(signIn.status).toBe(200);
    expect(signIn.text).toContain("Sign in to your workspace");

    await proxy.restore();
    const recovered = await until(() => timed(`${baseUrl}/api/health`), (r) => r.status === 200, 30_000);
    expect(recovered.status).toBe(200);
    const after = await listMeetings(baseUrl);
    expect(after.status).toBe(200);
    expect(JSON.parse(after.text).meetings.length).toBeGreaterThan(0);
  });

  it("during an outage requests fail fast with 503, and the first requests after it succeed without a reconnect wait", async () => {
    const { proxy, baseUrl } = await serverBehindProxy({ databaseUp: true });
    expect((await listMeetings(baseUrl)).status).toBe(200);

    await proxy.cut();
    for (let i = 0; i < 5; i++) {
      const during = await listMeetings(baseUrl);
      expect(during.status).toBe(503);
      expect(JSON.parse(during.text)).toEqual({
        error: "Service temporarily unavailable",
        message: "The database cannot be reached right now; retry shortly",
        code: "service_unavailable",
      });
      expect(during.ms).toBeLessThan(FAIL_FAST_MS);
    }
    const health = await timed(`${baseUrl}/api/health`);
    expect(health.status).toBe(503);
    expect(JSON.parse(health.text)).toMatchObject({ status: "degraded", ok: false, database: "down" });

    await proxy.restore();
    // Each request's time is bounded, not just the last one's: the defect was 12–14 s waits after recovery.
    for (let i = 0; i < 5; i++) {
      const after = await listMeetings(baseUrl);
      expect(after.status).toBe(200);
      expect(after.ms).toBeLessThan(FAIL_FAST_MS);
    }
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, createUser, setClientRateLimit } from "@/lib/admin/service";
import { createSession } from "@/lib/auth/session-store";
import { createRunDatabase, withRunDatabase } from "@/scripts/support/database";
import { startServer } from "@/scripts/support/server";

// Two instances started at the same moment on one EMPTY database, as a fresh deployment of two
// replicas would be: the migrations apply once, and sessions and rate limits are shared.
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "nexor-two-start-"));
let databaseEnv: Record<string, string>;
let dropDatabase = async () => {};
const servers: { baseUrl: string; stop: () => Promise<void> }[] = [];

beforeAll(async () => {
  const database = await createRunDatabase(process.env.TEST_DATABASE_URL, workDir, "twostart");
  databaseEnv = database.env;
  dropDatabase = database.drop;
  const env = { ...process.env, ...databaseEnv, NODE_ENV: "production" as const, NEXOR_SKIP_DEMO_SEED: "1" };
  servers.push(...(await Promise.all(["a", "b"].map((name) => startServer(env, path.join(workDir, `server-${name}.log`))))));
}, 120_000);

afterAll(async () => {
  for (const server of servers) await server.stop();
  await dropDatabase();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe("two instances started together on an empty database", { timeout: 120_000 }, () => {
  it("apply each migration once, and both answer", async () => {
    const journal = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../db/migrations/meta/_journal.json"), "utf8"));
    const applied = await withRunDatabase(databaseEnv, async (db) =>
      (await db.execute(sql`select hash, count(*)::int as times from drizzle.__drizzle_migrations group by hash`)) as unknown as { times: number }[],
    );
    const rows = Array.isArray(applied) ? applied : (applied as { rows: { times: number }[] }).rows;
    expect(rows).toHaveLength(journal.entries.length);
    expect(rows.every((row) => row.times === 1)).toBe(true);
    for (const server of servers) expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
  });

  it("share sessions: one made through either is valid on both", async () => {
    const { token, name } = await withRunDatabase(databaseEnv, async (db) => {
      const { client } = await createClient(db, { name: "Shared sessions" });
      const user = await createUser(db, { clientId: client.id, email: "twin-rep@example.com", name: "Twin Rep", password: "violet-harbor-7-lantern" });
      return { token: (await createSession(db, { userId: user.id, clientId: client.id, timeZone: "UTC" })).token, name: user.name };
    });
    for (const server of servers) {
      const page = await fetch(`${server.baseUrl}/leads`, { headers: { cookie: `nexor_session=${token}` }, redirect: "manual" });
      expect(page.status, server.baseUrl).toBe(200);
      expect(await page.text()).toContain(name);
    }
  });

  it("count one key's rate limit across both", async () => {
    // 6 a minute with a burst of 1: the key's second request is refused, whichever instance gets it.
    const apiKey = await withRunDatabase(databaseEnv, async (db) => {
      const { client, apiKey } = await createClient(db, { name: "Shared limit" });
      await setClientRateLimit(db, { clientId: client.id, perMinute: 6 });
      return apiKey;
    });
    const get = (server: number) => fetch(`${servers[server].baseUrl}/api/public/leads`, { headers: { "x-api-key": apiKey } });
    expect((await get(0)).status).toBe(200);
    const second = await get(1);
    expect(second.status).toBe(429);
    expect(second.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});

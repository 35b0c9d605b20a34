import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, setClientRateLimit } from "@/lib/admin/service";
import { createLead } from "@/lib/leads/service";
import { withRunDatabase } from "@/scripts/support/database";
import { startServer } from "@/scripts/support/server";

// Two production servers on the one test database, as two instances behind a load balancer would be.
const databaseUrl = process.env.TEST_RUN_DATABASE_URL ?? "";
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "nexor-two-instances-"));
const servers: { baseUrl: string; stop: () => Promise<void> }[] = [];
let tenant: { apiKey: string; leadId: string };

beforeAll(async () => {
  tenant = await withRunDatabase({ DATABASE_URL: databaseUrl }, async (db) => {
    const { client, apiKey } = await createClient(db, { name: "Two instances" });
    await setClientRateLimit(db, { clientId: client.id, perMinute: 600 });
    const lead = await createLead(db, { clientId: client.id, input: { first_name: "Twin", email: "twin@example.com" } });
    return { apiKey, leadId: lead.id };
  });
  const env = { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" as const, NEXOR_SKIP_DEMO_SEED: "1", INVALID_KEY_RATE_LIMIT_PER_MINUTE: "6" };
  for (const name of ["a", "b"]) servers.push(await startServer(env, path.join(logDir, `server-${name}.log`)));
}, 120_000);

afterAll(async () => {
  for (const server of servers) await server.stop();
  fs.rmSync(logDir, { recursive: true, force: true });
});

const send = (server: number, pathname: string, init: RequestInit & { key?: string | null } = {}) =>
  fetch(`${servers[server].baseUrl}/api/public${pathname}`, {
    ...init,
    headers: { ...(init.key === null ? {} : { "x-api-key": init.key ?? tenant.apiKey }), "content-type": "application/json", ...init.headers },
  });

describe("two app instances on one PostgreSQL", { timeout: 120_000 }, () => {
  it("50 identical replays at once, split across both, make one meeting and all get a 2xx", async () => {
    const body = JSON.stringify({
      lead_id: tenant.leadId, title: "Twin call", starts_at: "2026-12-01T10:00:00Z", duration_minutes: 30,
      external_calendar_provider: "ghl", external_event_id: "twin-event",
    });
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => send(i % 2, "/meetings", { method: "POST", body })));
    const bodies = await Promise.all(answers.map((a) => a.json()));
    expect(answers.every((a) => a.status === 200 || a.status === 201), JSON.stringify(bodies.find((b) => !b.success))).toBe(true);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(new Set(bodies.map((b) => b.meeting.id)).size).toBe(1);
    const listed = await (await send(1, `/leads/${tenant.leadId}/meetings`)).json();
    expect(listed.meetings.filter((m: { external_event_id: string }) => m.external_event_id === "twin-event")).toHaveLength(1);
  });

  it("count the per-IP limit for invalid keys across both instances", async () => {
    // 6 a minute with a burst of 1 per address: the second invalid request, on the other instance, is refused.
    expect((await send(0, "/leads", { key: "nxr_live_not-a-real-key" })).status).toBe(401);
    const second = await send(1, "/leads", { key: "nxr_live_not-a-real-key" });
    expect(second.status).toBe(429);
    expect((await second.json()).code).toBe("rate_limited");
  });
});

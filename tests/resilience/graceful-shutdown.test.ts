import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createClient, setClientRateLimit } from "@/lib/admin/service";
import { createLead } from "@/lib/leads/service";
import { withRunDatabase } from "@/scripts/support/database";
import { startServer } from "@/scripts/support/server";

// SIGTERM on the embedded database: the request in flight is answered, new connections are refused,
// and the PGlite directory's lock is released so the next server can open it.
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "nexor-shutdown-"));
const databaseEnv = { PGLITE_DATA_DIR: path.join(workDir, "pglite") };
const serverEnv = () => {
  const env: NodeJS.ProcessEnv = { ...process.env, ...databaseEnv, NODE_ENV: "production", NEXOR_SKIP_DEMO_SEED: "1" };
  delete env.DATABASE_URL;
  return env;
};

afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

describe("graceful shutdown (embedded database)", { timeout: 120_000 }, () => {
  it("finishes the request in flight, refuses new ones, and leaves the database to the next server", async () => {
    const tenant = await withRunDatabase(databaseEnv, async (db) => {
      const { client, apiKey } = await createClient(db, { name: "Shutdown" });
      await setClientRateLimit(db, { clientId: client.id, perMinute: 1000 });
      const lead = await createLead(db, { clientId: client.id, input: { first_name: "Last", email: "last@example.com" } });
      return { apiKey, leadId: lead.id };
    });
    const first = await startServer(serverEnv(), path.join(workDir, "server-1.log"));
    const url = new URL(first.baseUrl);

    // A request whose body is still arriving when SIGTERM comes.
    const body = JSON.stringify({ lead_id: tenant.leadId, title: "Sent during shutdown", starts_at: "2031-05-01T10:00:00Z", duration_minutes: 30 });
    const socket = net.connect(Number(url.port), url.hostname);
    await new Promise((resolve) => socket.once("connect", resolve));
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString()));
    const closed = new Promise((resolve) => socket.once("close", resolve));
    socket.write(
      `POST /api/public/meetings HTTP/1.1\r\nHost: ${url.host}\r\nX-API-Key: ${tenant.apiKey}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 20)}`,
    );
    const stopping = first.stop();
    // Once the signal is handled the listener closes: a new TCP connection is refused while ours stays
    // open. (A raw connect, not fetch: fetch could reuse a kept-alive connection from the start-up checks.)
    const refusing = () =>
      new Promise<boolean>((resolve) => {
        const probe = net.connect(Number(url.port), url.hostname);
        probe.once("connect", () => {
          probe.destroy();
          resolve(false);
        });
        probe.once("error", () => resolve(true));
      });
    const deadline = Date.now() + 5_000;
    while (!(await refusing()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await refusing()).toBe(true);
    socket.write(body.slice(20));
    await closed;
    await stopping;
    expect(answer).toMatch(/^HTTP\/1\.1 201 /);

    const second = await startServer(serverEnv(), path.join(workDir, "server-2.log"));
    try {
      const listed = await fetch(`${second.baseUrl}/api/public/leads/${tenant.leadId}/meetings`, { headers: { "x-api-key": tenant.apiKey } });
      expect((await listed.json()).meetings.map((m: { title: string }) => m.title)).toEqual(["Sent during shutdown"]);
    } finally {
      await second.stop();
    }
  });
});

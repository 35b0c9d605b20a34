import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { authenticateApiKey, forgetCachedApiKeys } from "@/lib/api-keys";

const root = path.resolve(import.meta.dirname, "../..");
const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "nexor-admin-")), "pglite");
const { DATABASE_URL: _serverUrl, ...inheritedEnv } = process.env;
const env = { ...inheritedEnv, PGLITE_DATA_DIR: dataDir };

async function admin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string; json: any }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(path.join(root, "node_modules/.bin/tsx"), ["scripts/admin.ts", ...args], { cwd: root, env });
    return { code: 0, stdout, stderr, json: JSON.parse(stdout) };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr, json: null };
  }
}

/** Who the key authenticates as, read from the database: the CLI is another process, so this one's key cache must not answer. */
async function clientOfKey(apiKey: string) {
  forgetCachedApiKeys();
  process.env.PGLITE_DATA_DIR = dataDir;
  const connection = await openDatabase({ holder: "admin CLI test" });
  try {
    return (await authenticateApiKey(connection.db, apiKey))?.clientId ?? null;
  } finally {
    await connection.close();
  }
}

describe("admin command line (embedded database)", { timeout: 180_000 }, () => {
  let clientId: string;
  let firstKey: string;

  beforeAll(async () => {
    const created = await admin("client create", "--name", "Globex");
    expect(created.code).toBe(0);
    clientId = created.json.client.id;
    firstKey = created.json.api_key;
  }, 60_000);

  afterAll(() => fs.rmSync(path.dirname(dataDir), { recursive: true, force: true }));

  it("client create prints the client and a working nxr_live_ key", async () => {
    expect(firstKey).toMatch(/^nxr_live_[0-9A-Za-z]{32,}$/);
    expect(await clientOfKey(firstKey)).toBe(clientId);
  });

  it("api-key create prints id, key and visible prefix; revoke makes the key fail authentication", async () => {
    const created = await admin("api-key", "create", "--client", clientId, "--label", "zapier");
    expect(created.code).toBe(0);
    expect(created.json.api_key.startsWith(created.json.prefix)).toBe(true);
    expect(await clientOfKey(created.json.api_key)).toBe(clientId);

    // Named with another client, the key is not found and stays valid.
    const { json: other } = await admin("client", "create", "--name", "Other client");
    const refused = await admin("api-key", "revoke", "--client", other.client.id, "--id", created.json.id);
    expect(refused.code).not.toBe(0);
    expect(await clientOfKey(created.json.api_key)).toBe(clientId);

    const revoked = await admin("api-key", "revoke", "--client", clientId, "--id", created.json.id);
    expect(revoked.json).toEqual({ revoked: true });
    expect(await clientOfKey(created.json.api_key)).toBeNull();
  });

  it("webhook create prints the endpoint with its secret once; list shows it without; delete removes it", async () => {
    const created = await admin("webhook", "create", "--client", clientId, "--url", "https://hooks.example.com/in", "--events", "meeting.cancelled, meeting.no_show");
    expect(created.code).toBe(0);
    expect(created.json.webhook).toMatchObject({ url: "https://hooks.example.com/in", events: ["meeting.cancelled", "meeting.no_show"], enabled: true });
    expect(created.json.webhook.secret).toMatch(/^whsec_/);
    const listed = await admin("webhook", "list", "--client", clientId);
    expect(listed.json.webhooks.map((w: { id: string }) => w.id)).toContain(created.json.webhook.id);
    expect(listed.stdout).not.toContain(created.json.webhook.secret);
    expect((await admin("webhook", "delete", "--client", clientId, "--id", created.json.webhook.id)).json).toEqual({ deleted: true });
    expect((await admin("webhook", "list", "--client", clientId)).json.webhooks).toEqual([]);
  });

  it("webhook create names the option it refuses", async () => {
    const insecure = await admin("webhook", "create", "--client", clientId, "--url", "http://hooks.example.com/in", "--events", "meeting.cancelled");
    expect(insecure.code).toBe(1);
    expect(insecure.stderr).toContain("--url must use https");
    const unknownEvent = await admin("webhook", "create", "--client", clientId, "--url", "https://hooks.example.com/in", "--events", "meeting.exploded");
    expect(unknownEvent.stderr).toContain("--events.0 must be one of");
  });

  it("user create and meeting-type create print the created rows", async () => {
    const user = await admin("user", "create", "--client", clientId, "--email", "Host@Globex.com", "--name", "Hank", "--inactive", "--password", "long-enough-pass");
    expect(user.code).toBe(0);
    expect(user.json.user).toMatchObject({ email: "host@globex.com", name: "Hank", active: false });
    const type = await admin("meeting-type", "create", "--client", clientId, "--name", "Intro");
    expect(type.json.meeting_type).toMatchObject({ name: "Intro" });
  });

  it("--help prints the usage, every command included, and exits 0", async () => {
    for (const args of [["--help"], ["-h"], ["help"]]) {
      const { stdout } = await promisify(execFile)(path.join(root, "node_modules/.bin/tsx"), ["scripts/admin.ts", ...args], { cwd: root, env });
      for (const command of ["client list", "api-key list", "user list", "meeting-type list", "client create"]) expect(stdout).toContain(command);
    }
  });

  it("lists clients, a client's keys (never the secret), users and meeting types", async () => {
    const listed = await admin("client", "list");
    expect(listed.json.clients).toContainEqual(expect.objectContaining({ id: clientId, name: "Globex" }));

    await clientOfKey(firstKey); // marks the key as used
    const keys = await admin("api-key", "list", "--client", clientId);
    const first = keys.json.api_keys.find((key: { prefix: string }) => firstKey.startsWith(key.prefix));
    expect(first).toMatchObject({ label: "default", revoked_at: null });
    expect(first.last_used_at).not.toBeNull();
    expect(keys.stdout).not.toContain(firstKey);

    await admin("user", "create", "--client", clientId, "--email", "lister@globex.com", "--name", "Lister", "--password", "long-enough-pass");
    const users = await admin("user", "list", "--client", clientId);
    expect(users.json.users).toContainEqual(expect.objectContaining({ email: "lister@globex.com", active: true, can_sign_in: true }));
    expect(users.stdout).not.toContain("scrypt");

    await admin("meeting-type", "create", "--client", clientId, "--name", "Listed type");
    const types = await admin("meeting-type", "list", "--client", clientId);
    expect(types.json.meeting_types).toContainEqual(expect.objectContaining({ name: "Listed type" }));
  });

  it("rejects bad arguments with a sentence on stderr and a non-zero exit", async () => {
    const result = await admin("user", "create", "--client", "not-a-uuid", "--email", "x", "--name", "N");
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("--client must be a UUID");
    expect(result.stderr).toContain("--email must be a valid email address");
  });

  it("refuses a rep password under 12 characters or among the most common ones, naming --password", async () => {
    for (const password of ["elevenchars", "Qwerty123456"]) {
      const result = await admin("user", "create", "--client", clientId, "--email", `weak-${password.length}@globex.com`, "--name", "Weak", "--password", password);
      expect(result.code, password).not.toBe(0);
      expect(result.stderr).toMatch(/--password (must be at least 12 characters|is one of the most common passwords)/);
    }
  });

  it("refuses to open the embedded database while another process holds it", async () => {
    fs.writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: process.pid, holder: "the Next.js server" }));
    try {
      const result = await admin("client", "create", "--name", "Blocked");
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(`is in use by process ${process.pid} (the Next.js server)`);
      expect(result.stderr).toContain(`kill ${process.pid}`);
    } finally {
      fs.rmSync(`${dataDir}.lock`);
    }
  });
});

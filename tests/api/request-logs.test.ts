import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { api, baseUrl, createLead, fixtures, keyA } from "@/tests/support/api";

const logFile = () => process.env.TEST_SERVER_LOG!;

/** The JSON log lines of one request (found by its request id), once its request line is written. */
async function logLinesOf(requestId: string): Promise<any[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const lines = fs
      .readFileSync(logFile(), "utf8")
      .split("\n")
      .filter((line) => line.includes(`"request_id":"${requestId}"`))
      .map((line) => JSON.parse(line));
    if (lines.some((line) => line.msg === "request") || Date.now() > deadline) return lines;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("request ids and request logs", () => {
  it("gives every answer an X-Request-Id: a safe one sent by the caller is kept, anything else replaced", async () => {
    const kept = await api("GET", "/leads?limit=1", { headers: { "X-Request-Id": "trace-42.a:b" } });
    expect(kept.headers.get("x-request-id")).toBe("trace-42.a:b");
    for (const unsafe of ["has space", "x".repeat(129), "quote\"d"]) {
      const replaced = await api("GET", "/leads?limit=1", { headers: { "X-Request-Id": unsafe } });
      expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
    const page = await fetch(`${baseUrl}/sign-in`);
    expect(page.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const unknown = await fetch(`${baseUrl}/no-such-page`);
    expect(unknown.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("logs one JSON line per request with method, path, status, duration and the caller's client", async () => {
    const lead = await createLead();
    const requestId = `log-${randomUUID()}`;
    const answer = await api("GET", `/leads/${lead.id}/meetings?status=scheduled`, { headers: { "X-Request-Id": requestId } });
    expect(answer.status).toBe(200);
    const [line] = (await logLinesOf(requestId)).filter((entry) => entry.msg === "request");
    expect(line).toMatchObject({
      level: "info", request_id: requestId, method: "GET", path: `/api/public/leads/${lead.id}/meetings`, status: 200,
      client_id: fixtures.tenantA.clientId, user_id: null,
    });
    expect(line.duration_ms).toBeGreaterThan(0);
    expect(new Date(line.time).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("logs a refused request with its status and no client", async () => {
    const requestId = `log-${randomUUID()}`;
    await api("GET", "/leads", { key: "nxr_live_not-a-real-key", headers: { "X-Request-Id": requestId } });
    const [line] = (await logLinesOf(requestId)).filter((entry) => entry.msg === "request");
    expect(line).toMatchObject({ status: 401, client_id: null });
  });

  it("never writes an API key, a password, a session cookie, a query string or a body to the log", async () => {
    const requestId = `log-${randomUUID()}`;
    const secretEmail = `private-${randomUUID()}@example.com`;
    const password = `pw-${randomUUID()}`;
    const cookie = `nexor_session=${randomUUID()}`;
    await api("POST", `/leads?email=${encodeURIComponent(secretEmail)}`, {
      headers: { "X-Request-Id": requestId, Cookie: cookie },
      body: { first_name: "Logged", email: secretEmail, metadata: { password } },
    });
    await fetch(`${baseUrl}/sign-in`, { method: "POST", headers: { "X-Request-Id": `${requestId}-page`, Cookie: cookie, Origin: baseUrl }, body: `password=${password}` });
    await logLinesOf(requestId);
    await logLinesOf(`${requestId}-page`);
    const log = fs.readFileSync(logFile(), "utf8");
    for (const secret of [keyA, password, cookie.split("=")[1], secretEmail]) expect(log).not.toContain(secret);
  });
});

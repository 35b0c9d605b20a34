import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { api, baseUrl } from "../support/api";

/** The id of a server action in the build the test server runs (ids change with every build). */
function actionId(exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../.next/server/server-reference-manifest.json"), "utf8"));
  const entry = Object.entries<{ exportedName: string }>(manifest.node).find(([, action]) => action.exportedName === exportedName);
  if (!entry) throw new Error(`no server action named ${exportedName} in the build`);
  return entry[0];
}

describe("paths that are not valid percent-encoding", () => {
  it.each([
    ["/leads/%ZZ", "lead_not_found"],
    ["/leads/%ED%A0%80", "lead_not_found"],
    ["/leads/%C0%AF/meetings", "lead_not_found"],
    ["/leads/%ZZ/history", "lead_not_found"],
    ["/meetings/%ZZ", "meeting_not_found"],
    ["/meetings/%E0%A4/cancel", "meeting_not_found"],
  ])("/api/public%s answers the JSON 404 of an unknown id (%s), not a 500", async (pathname, code) => {
    for (const method of ["GET", "POST", "PATCH"]) {
      const response = await api(method, pathname, method === "GET" ? {} : { body: {} });
      expect(response.status, `${method} ${pathname}`).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(response.body.code).toBe(code);
    }
  });

  it("is the same bytes as the unknown-id answer", async () => {
    const malformed = await api("GET", "/leads/%ZZ");
    const unknown = await api("GET", "/leads/not-a-uuid");
    expect(malformed.body).toEqual(unknown.body);
  });

  it.each(["/leads/%ZZ", "/leads/%C0%AF?tab=past"])("dashboard %s answers a 404 page, signed in or not", async (pathname) => {
    for (const cookie of [undefined, "nexor_session=whatever"]) {
      const response = await fetch(`${baseUrl}${pathname}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await response.text()).toContain("Page not found");
    }
  });

  it("a well-formed escape is routed as usual", async () => {
    const response = await api("GET", "/leads/%25ZZ");
    expect(response.status).toBe(404);
    expect(response.body.code).toBe("lead_not_found");
  });
});

describe("server actions and form posts", () => {
  const signIn = () => actionId("signIn");
  const post = (pathname: string, headers: Record<string, string>, body: BodyInit) =>
    fetch(`${baseUrl}${pathname}`, { method: "POST", headers, body, redirect: "manual" });
  const sameOrigin = { origin: baseUrl };
  const action = () => ({ "next-action": signIn(), "content-type": "text/plain;charset=UTF-8" });
  const validArgs = '["$K1"]';

  it.each<[string, Record<string, string>]>([
    ["from a foreign Origin", { origin: "http://evil.example" }],
    ["with Origin: null", { origin: "null" }],
    ["with no Origin at all", {}],
    ["with a forged X-Forwarded-Host matching a foreign Origin", { "x-forwarded-host": "evil.example", origin: "http://evil.example" }],
  ])("are refused %s with 403", async (_label, headers) => {
    const response = await post("/sign-in", { ...action(), ...headers }, validArgs);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "forbidden" });
  });

  it("refuse a form post without Origin to any page with 403 (no Next-Action header needed)", async () => {
    const response = await post("/leads", { "content-type": "application/x-www-form-urlencoded" }, "a=1");
    expect(response.status).toBe(403);
  });

  it("accept a same-origin call, and an action called with arguments it does not expect answers its own error, not a 500", async () => {
    const response = await post("/sign-in", { ...action(), ...sameOrigin }, '[{"email":"x"},{"not":"form data"}]');
    expect(response.status).toBe(200);
    // The action's own refusal (the form shows it as "Incorrect email or password…" in the rep's language).
    expect(await response.text()).toContain('"error":"invalidCredentials"');
  });

  it.each<[string, Record<string, string>, string]>([
    ["invalid JSON", {}, "{not json"],
    ["JSON nested 500 deep", {}, `${"[".repeat(500)}${"]".repeat(500)}`],
    ["a JSON content type", { "content-type": "application/json" }, '{"a":1}'],
    ["a broken multipart body", { "content-type": "multipart/form-data; boundary=x" }, "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1"],
  ])("answer %s with 400", async (_label, headers, body) => {
    const response = await post("/sign-in", { ...action(), ...sameOrigin, ...headers }, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "invalid_request" });
  });

  it("answer a body over 1 MB with 413; exactly 1 MB passes the size check", async () => {
    const over = await post("/sign-in", { ...action(), ...sameOrigin }, `["${"a".repeat(1024 * 1024)}"]`);
    expect(over.status).toBe(413);
    const exactly = `["${"a".repeat(1024 * 1024 - 4)}"]`;
    expect(Buffer.byteLength(exactly)).toBe(1024 * 1024);
    expect((await post("/sign-in", { ...action(), ...sameOrigin }, exactly)).status).not.toBe(413);
  });

  it("leave the public API alone: it is authenticated by key, not by origin", async () => {
    const response = await api("POST", "/leads", { body: { first_name: "Cross" }, headers: { origin: "http://evil.example" } });
    expect(response.status).toBe(201);
  });
});

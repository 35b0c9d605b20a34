import fs from "node:fs";
import net from "node:net";
import { describe, expect, it } from "vitest";
import { api, baseUrl, createLead, expectValidationError, keyA, listMeetings, meetingBody } from "../support/api";

const UNSUPPORTED_MEDIA_TYPE = {
  error: "Request body must be JSON",
  message: "Send the body with Content-Type: application/json",
  code: "unsupported_media_type",
};

describe("Content-Type of request bodies", () => {
  it.each([
    ["form-encoded", "application/x-www-form-urlencoded"],
    ["XML", "application/xml"],
    ["plain text", "text/plain"],
    ["multipart", "multipart/form-data; boundary=x"],
    ["JSON-looking but not JSON", "application/jsonp"],
  ])("answers 415 to a %s body, even when its bytes are valid JSON, and stores nothing", async (_label, contentType) => {
    const lead = await createLead();
    for (const [method, path] of [["POST", "/meetings"], ["POST", "/leads"], ["PATCH", `/leads/${lead.id}`]]) {
      const response = await api(method, path, { body: JSON.stringify(meetingBody(lead.email!)), headers: { "Content-Type": contentType } });
      expect(response.status, `${method} ${path}`).toBe(415);
      expect(response.body).toEqual(UNSUPPORTED_MEDIA_TYPE);
    }
    expect((await listMeetings(lead.id)).body.meetings).toEqual([]);
  });

  it("answers 415 to a body sent with no Content-Type at all", async () => {
    const lead = await createLead();
    const response = await fetch(`${baseUrl}/api/public/meetings`, {
      method: "POST",
      headers: { "X-API-Key": keyA },
      body: new Blob([JSON.stringify(meetingBody(lead.email!))]),
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual(UNSUPPORTED_MEDIA_TYPE);
  });

  it.each(["application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8"])("accepts %s", async (contentType) => {
    const lead = await createLead();
    const response = await api("POST", "/meetings", { body: JSON.stringify(meetingBody(lead.email!)), headers: { "Content-Type": contentType } });
    expect(response.status).toBe(201);
  });
});

describe("__proto__ keys", () => {
  it.each([
    ["at the top of a meeting", "/meetings", (email: string) => `{"__proto__":{"title":"x"},${JSON.stringify(meetingBody(email)).slice(1)}`, "__proto__"],
    ["inside an attendee", "/meetings", (email: string) =>
      JSON.stringify(meetingBody(email, { additional_attendees: [{ email: "a@example.com", marker: 1 }] })).replace('"marker":1', '"__proto__":{"admin":true}'),
      "additional_attendees.0.__proto__"],
    ["at the top of a lead", "/leads", () => '{"first_name":"Proto","__proto__":{"polluted":true}}', "__proto__"],
    ["inside lead metadata", "/leads", () => '{"first_name":"Proto","metadata":{"__proto__":"x"}}', "metadata.__proto__"],
  ])("are refused %s with 400 naming the field, not dropped", async (_label, path, body, field) => {
    const lead = await createLead();
    const [detail] = expectValidationError(await api("POST", path, { body: body(lead.email!) }), [field]);
    expect(detail.message).toBe("is not an allowed key");
  });

  it("are refused in a PATCH", async () => {
    const lead = await createLead();
    expectValidationError(await api("PATCH", `/leads/${lead.id}`, { body: '{"metadata":{"__proto__":{"a":1}}}' }), ["metadata.__proto__"]);
  });
});

/** Sends headers and part of a body, then nothing more; resolves with what the server answers and when. */
function slowBody(path: string): Promise<{ status: number; body: any; closed: boolean }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () => {
      socket.write(
        `POST /api/public${path} HTTP/1.1\r\nHost: ${url.host}\r\nX-API-Key: ${keyA}\r\n` +
          `Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"title":"slo`,
      );
    });
    let received = "";
    socket.on("data", (chunk) => (received += chunk.toString()));
    socket.on("close", () => {
      const [head, payload = ""] = received.split("\r\n\r\n");
      const status = Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1]);
      const json = payload.slice(payload.indexOf("{"), payload.lastIndexOf("}") + 1);
      resolve({ status, body: json ? JSON.parse(json) : null, closed: true });
    });
    socket.on("error", reject);
  });
}

describe("slow request bodies", () => {
  it("answers 408 request_timeout and closes the connection when the body does not arrive in time", async () => {
    // npm test runs the server with BODY_READ_TIMEOUT_MS=2000 (10 s by default).
    const result = await slowBody("/meetings");
    expect(result.status).toBe(408);
    expect(result.body).toEqual({ error: "Request body was not received within 2 seconds", code: "request_timeout" });
  });
});

describe("slow request headers", () => {
  it("answers 408 and closes the connection when the headers do not arrive in time", async () => {
    // npm test runs the server with HEADERS_TIMEOUT_MS=2000 (10 s by default); Node checks every second.
    const url = new URL(baseUrl);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(url.port), url.hostname, () => socket.write(`GET /api/health HTTP/1.1\r\nHost: ${url.host}\r\n`));
      let received = "";
      socket.on("data", (chunk) => (received += chunk.toString()));
      socket.on("close", () => resolve(received));
      socket.on("error", reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });
});

describe("client aborts", () => {
  it("are logged as a client that went away, not as an unhandled error", async () => {
    const logFile = process.env.TEST_SERVER_LOG!;
    const url = new URL(baseUrl);
    const requestId = `abort-${Date.now()}`;
    // "Expect: 100-continue" makes the server say when it has taken the request in (Node answers
    // "100 Continue" as it hands the request over): only then does part of the body go, and the client hang up.
    const socket = net.connect(Number(url.port), url.hostname, () => {
      socket.write(`POST /api/public/meetings HTTP/1.1\r\nHost: ${url.host}\r\nX-API-Key: ${keyA}\r\nX-Request-Id: ${requestId}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\nExpect: 100-continue\r\n\r\n`);
    });
    socket.once("data", (chunk) => {
      expect(chunk.toString()).toMatch(/^HTTP\/1\.1 100 Continue/);
      socket.write(`{"title":"`, () => socket.destroy());
    });
    const linesOfRequest = () =>
      fs.readFileSync(logFile, "utf8").split("\n").filter((line) => line.includes(`"request_id":"${requestId}"`)).map((line) => JSON.parse(line));
    const deadline = Date.now() + 10_000;
    const closedMessage = "the client closed the connection before the answer";
    while (!linesOfRequest().some((line) => line.msg === closedMessage) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const lines = linesOfRequest();
    expect(lines.find((line) => line.msg === closedMessage)).toMatchObject({ level: "info", path: "/api/public/meetings" });
    expect(lines.find((line) => line.msg === "request")).toMatchObject({ aborted: true, status: null });
    expect(lines.some((line) => line.level === "error")).toBe(false);
  });
});

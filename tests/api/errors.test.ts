import { randomUUID } from "node:crypto";
import http from "node:http";
import { describe, expect, it } from "vitest";
import {
  api,
  baseUrl,
  createLead,
  expectValidationError,
  fixtures,
  keyA,
  listMeetings,
  meetingBody,
  postMeeting,
  type ApiResponse,
} from "../support/api";

const LIMIT = 64 * 1024;
const PAYLOAD_TOO_LARGE = { error: "Request body is larger than 64 KiB", code: "payload_too_large" };

/** What must never leak out: stack frames, module paths, SQL or driver messages. */
function expectNoLeak(response: ApiResponse, context = "") {
  expect(response.status, `${context} ${JSON.stringify(response.body)}`).toBeLessThan(500);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const text = JSON.stringify(response.body);
  expect(text).not.toMatch(/\bat .+\(|node_modules|\.next\/|stack|postgres|pglite|drizzle|insert into|select .* from|syntax error|violates/i);
}

/** A body streamed without Content-Length (Transfer-Encoding: chunked). */
async function postChunked(path: string, options: { prefix: string; chunks: number; chunkSize: number }) {
  const encoder = new TextEncoder();
  const chunk = encoder.encode("x".repeat(options.chunkSize));
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === 0) controller.enqueue(encoder.encode(options.prefix));
      if (sent++ < options.chunks) controller.enqueue(chunk);
      else {
        controller.enqueue(encoder.encode('"}'));
        controller.close();
      }
    },
  });
  const response = await fetch(`${baseUrl}/api/public${path}`, {
    method: "POST",
    headers: { "X-API-Key": keyA, "Content-Type": "application/json" },
    body: stream,
    duplex: "half",
  } as RequestInit);
  return { status: response.status, body: await response.json() };
}

/** A raw HTTP/1.1 POST with a chunked body on the given agent, to see connection handling fetch hides. */
function rawPost(agent: http.Agent, path: string, body: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: any }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname, port: url.port, path: `/api/public${path}`, method: "POST", agent,
        headers: { "X-API-Key": keyA, "Content-Type": "application/json", "Transfer-Encoding": "chunked" },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: JSON.parse(Buffer.concat(chunks).toString()) }));
      },
    );
    request.on("error", reject);
    for (let offset = 0; offset < body.length; offset += 1024) request.write(body.subarray(offset, offset + 1024));
    request.end();
  });
}

describe("request bodies", () => {
  it.each([
    ["truncated JSON", '{"title": "x"'],
    ["single quotes", "{'title': 'x'}"],
    ["a trailing comma", '{"title": "x",}'],
    ["plain text", "title=x"],
    ["an empty body", ""],
    ["only whitespace", "   \n"],
  ])("answers 400 invalid_json to %s", async (_label, body) => {
    for (const path of ["/meetings", "/leads"]) {
      const response = await api("POST", path, { body });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: expect.any(String), code: "invalid_json" });
    }
  });

  it("answers 400 invalid_json to bytes that are not UTF-8", async () => {
    const response = await fetch(`${baseUrl}/api/public/meetings`, {
      method: "POST",
      headers: { "X-API-Key": keyA, "Content-Type": "application/json" },
      body: new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "invalid_json" });
  });

  it.each([
    ["an array", "[]"],
    ["a string", '"hello"'],
    ["a number", "42"],
    ["null", "null"],
    ["true", "true"],
  ])("answers 400 validation_failed on body to JSON that is %s", async (_label, body) => {
    // POST /leads also takes an array (bulk create): its empty array is refused in bulk-create terms.
    for (const path of body === "[]" ? ["/meetings"] : ["/meetings", "/leads"]) {
      const [detail] = expectValidationError(await api("POST", path, { body }), ["body"]);
      expect(detail.message).toBe("must be a JSON object");
    }
    const lead = await createLead();
    expectValidationError(await api("PATCH", `/leads/${lead.id}`, { body }), ["body"]);
  });

  it("answers 413 payload_too_large to a body over 64 KiB with Content-Length", async () => {
    const lead = await createLead();
    const response = await postMeeting(meetingBody(lead.email!, { description: "x".repeat(LIMIT) }));
    expect(response.status).toBe(413);
    expect(response.body).toEqual(PAYLOAD_TOO_LARGE);
    expect((await listMeetings(lead.id)).body.meetings).toEqual([]);
  });

  it("accepts a body just under 64 KiB (the limit is on bytes, not on the field rules)", async () => {
    const lead = await createLead();
    const body = JSON.stringify(meetingBody(lead.email!, { unknown_padding: "p".repeat(LIMIT - 400) }));
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(LIMIT);
    const response = await api("POST", "/meetings", { body });
    expect(response.status).toBe(201);
  });

  it("counts bytes, not characters: 30,000 three-byte characters are over the limit", async () => {
    const response = await api("POST", "/leads", { body: { first_name: "€".repeat(30_000) } });
    expect(response.status).toBe(413);
    expect(response.body).toEqual(PAYLOAD_TOO_LARGE);
  });

  it("answers 413 to a chunked body over 64 KiB (no Content-Length)", async () => {
    const response = await postChunked("/meetings", { prefix: '{"title":"', chunks: 80, chunkSize: 1024 });
    expect(response.status).toBe(413);
    expect(response.body).toEqual(PAYLOAD_TOO_LARGE);
  });

  it("keeps the connection usable after a 413, so a keep-alive client's next request works", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const tooLarge = await rawPost(agent, "/meetings", Buffer.from(JSON.stringify({ title: "x".repeat(80 * 1024) })));
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body).toEqual(PAYLOAD_TOO_LARGE);
      const next = await rawPost(agent, "/leads", Buffer.from(JSON.stringify({ first_name: "After 413" })));
      expect(next.status).toBe(201);
    } finally {
      agent.destroy();
    }
  });

  it("accepts a chunked body under 64 KiB", async () => {
    const lead = await createLead();
    const prefix = JSON.stringify(meetingBody(lead.email!)).slice(0, -1) + ',"unknown_padding":"';
    const response = await postChunked("/meetings", { prefix, chunks: 8, chunkSize: 1024 });
    expect(response.status).toBe(201);
  });

  it.each([
    ["with Content-Length", false],
    ["chunked", true],
  ])("takes a body of exactly 65,536 bytes and refuses 65,537 (%s)", async (_label, chunked) => {
    const lead = await createLead();
    const exactly = (bytes: number) => {
      const base = JSON.stringify(meetingBody(lead.email!, { unknown_padding: "" }));
      return base.replace('"unknown_padding":""', `"unknown_padding":"${"p".repeat(bytes - Buffer.byteLength(base))}"`);
    };
    const send = (body: string) =>
      chunked
        ? rawPost(new http.Agent(), "/meetings", Buffer.from(body))
        : api("POST", "/meetings", { body }).then((r) => ({ status: r.status, body: r.body }));
    expect(Buffer.byteLength(exactly(LIMIT))).toBe(LIMIT);
    expect((await send(exactly(LIMIT))).status).toBe(201);
    const over = await send(exactly(LIMIT + 1));
    expect(over.status).toBe(413);
    expect(over.body).toEqual(PAYLOAD_TOO_LARGE);
  });

  it.each([
    ["/meetings", PAYLOAD_TOO_LARGE.error],
    ["/leads", "Request body is larger than 64 KiB (1024 KiB for an array)"],
  ])("answers 413 to a 10 MB body on %s, never 500", async (path, error) => {
    const response = await api("POST", path, { body: JSON.stringify({ title: "x".repeat(10 * 1024 * 1024) }) });
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ ...PAYLOAD_TOO_LARGE, error });
  });

  it("answers 413 to a 10 MB chunked body", async () => {
    const response = await postChunked("/meetings", { prefix: '{"title":"', chunks: 160, chunkSize: 64 * 1024 });
    expect(response.status).toBe(413);
    expect(response.body).toEqual(PAYLOAD_TOO_LARGE);
  });

  it("ignores unknown fields in a meeting body", async () => {
    const lead = await createLead();
    const response = await postMeeting(meetingBody(lead.email!, { colour: "blue", nested: { deep: [1, 2] }, priority: 9 }));
    expect(response.status).toBe(201);
    expect(response.body.meeting).not.toHaveProperty("colour");
    expect(response.body.meeting).not.toHaveProperty("nested");
  });

  it("never takes server-owned fields from a meeting body", async () => {
    const lead = await createLead();
    const forgedId = randomUUID();
    const response = await postMeeting(
      meetingBody(lead.email!, {
        id: forgedId,
        client_id: fixtures.tenantB.clientId,
        created_at: "2000-01-01T00:00:00Z",
        updated_at: "2000-01-01T00:00:00Z",
        source: "manual",
        confirmed_by_lead: true,
        cancelled_at: "2026-01-01T00:00:00Z",
        cancellation_reason: "forged",
        outcome_notes: "forged",
      }),
    );
    expect(response.status).toBe(201);
    const meeting = response.body.meeting;
    expect(meeting.id).not.toBe(forgedId);
    expect(meeting).toMatchObject({
      lead_id: lead.id, source: "api", status: "scheduled", confirmed_by_lead: false,
      cancelled_at: null, cancellation_reason: null, outcome_notes: null,
    });
    expect(meeting.created_at.startsWith("2000")).toBe(false);
    expect(meeting.updated_at.startsWith("2000")).toBe(false);
    // Stored under the key's tenant, whatever client_id said.
    expect((await listMeetings(lead.id)).body.meetings.map((m: { id: string }) => m.id)).toEqual([meeting.id]);
  });
});

describe("garbage input never causes a 500 or leaks internals", () => {
  const NUL = "a\u0000b";
  const LONE_SURROGATE = "a\ud800b";

  it.each<[string, Record<string, unknown>, string]>([
    ["title", { title: NUL }, "title"],
    ["description", { description: NUL }, "description"],
    ["location_details", { location_details: NUL }, "location_details"],
    ["attendee_name", { attendee_name: NUL }, "attendee_name"],
    ["attendee_phone", { attendee_phone: NUL }, "attendee_phone"],
    ["attendee_email", { attendee_email: `x${NUL}@example.com` }, "attendee_email"],
    ["lead_email", { lead_email: `x${NUL}@example.com` }, "lead_email"],
    ["host_email", { host_email: `x${NUL}@example.com` }, "host_email"],
    ["external_calendar_provider", { external_calendar_provider: NUL, external_event_id: "e" }, "external_calendar_provider"],
    ["external_event_id", { external_calendar_provider: "ghl", external_event_id: NUL }, "external_event_id"],
    ["meeting_url", { meeting_url: `https://meet.example.com/${NUL}` }, "meeting_url"],
    ["additional_attendees name", { additional_attendees: [{ name: NUL, email: "a@example.com" }] }, "additional_attendees.0.name"],
    ["timezone", { timezone: `UTC${NUL}` }, "timezone"],
    ["starts_at", { starts_at: `2026-04-20T14:00:00${NUL}` }, "starts_at"],
  ])("answers 400 on %s containing a NUL byte", async (_label, change, field) => {
    const lead = await createLead();
    const response = await postMeeting(meetingBody(lead.email!, change));
    expectNoLeak(response);
    expectValidationError(response, [field]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["title", { title: LONE_SURROGATE }, "title"],
    ["additional_attendees name", { additional_attendees: [{ name: LONE_SURROGATE, email: "a@example.com" }] }, "additional_attendees.0.name"],
    ["external_event_id", { external_calendar_provider: "ghl", external_event_id: LONE_SURROGATE }, "external_event_id"],
  ])("answers 400 on %s containing an unpaired surrogate", async (_label, change, field) => {
    const lead = await createLead();
    const response = await postMeeting(meetingBody(lead.email!, change));
    expectNoLeak(response);
    expectValidationError(response, [field]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["first_name with NUL", { first_name: NUL }, "first_name"],
    ["last_name with NUL", { last_name: NUL }, "last_name"],
    ["phone with NUL", { phone: NUL }, "phone"],
    ["a metadata value with NUL", { metadata: { note: NUL } }, "metadata.note"],
    ["a metadata key with NUL", { metadata: { [NUL]: "v" } }, `metadata.${NUL}`],
    ["a folded key's value with NUL", { utm: NUL }, "metadata.utm"],
    ["a metadata value with an unpaired surrogate", { metadata: { note: LONE_SURROGATE } }, "metadata.note"],
    ["first_name with an unpaired surrogate", { first_name: LONE_SURROGATE }, "first_name"],
  ])("answers 400 to a lead with %s", async (_label, change, field) => {
    const response = await api("POST", "/leads", { body: { first_name: "Nul", ...change } });
    expectNoLeak(response);
    expectValidationError(response, [field]);
  });

  it("answers 400 to a PATCH with a NUL byte", async () => {
    const lead = await createLead();
    const response = await api("PATCH", `/leads/${lead.id}`, { body: { last_name: NUL, metadata: { k: NUL } } });
    expectNoLeak(response);
    expectValidationError(response, ["last_name", "metadata.k"]);
  });

  const garbageValues: unknown[] = [null, true, 0, -1, 1e308, "", " ", "x".repeat(20_000), "🎉🔥💥", [], [null], {}, { $gt: "" }, "' OR 1=1 --", "\u0000"];
  const meetingFields = [
    "lead_email", "lead_id", "title", "starts_at", "ends_at", "duration_minutes", "timezone", "meeting_url", "location_type",
    "location_details", "description", "host_email", "meeting_type_id", "attendee_name", "attendee_email", "attendee_phone",
    "additional_attendees", "external_calendar_provider", "external_event_id", "status",
  ];

  it("answers every garbage value in every meeting field with a 2xx or 4xx JSON body", async () => {
    const lead = await createLead();
    for (const field of meetingFields) {
      for (const value of garbageValues) {
        const response = await postMeeting(meetingBody(lead.email!, { [field]: value }));
        expectNoLeak(response, `${field}=${JSON.stringify(value).slice(0, 40)}`);
      }
    }
  });

  it("answers a body with wrong types everywhere with one 400 naming the fields", async () => {
    const body = Object.fromEntries(meetingFields.map((field) => [field, { wrong: true }]));
    const response = await postMeeting(body);
    expectNoLeak(response);
    const details = expectValidationError(response, meetingFields);
    expect(details.every((d) => typeof d.message === "string")).toBe(true);
  });

  it("answers a lead body of garbage values without a 500", async () => {
    for (const field of ["first_name", "last_name", "email", "phone", "metadata", "extra"]) {
      for (const value of garbageValues) {
        const response = await api("POST", "/leads", { body: { first_name: "G", [field]: value } });
        expectNoLeak(response, `${field}=${JSON.stringify(value).slice(0, 40)}`);
      }
    }
  });

  it("accepts emoji and other non-ASCII text and returns it unchanged", async () => {
    const lead = await createLead({ first_name: "Zoë 🎉", last_name: "Ñandú 日本" });
    expect(lead.full_name).toBe("Zoë 🎉 Ñandú 日本");
    const response = await postMeeting(meetingBody(lead.email!, { title: "Café ☕ with 李雷", description: "👩🏽‍💻 ok" }));
    expect(response.status).toBe(201);
    expect(response.body.meeting).toMatchObject({ title: "Café ☕ with 李雷", description: "👩🏽‍💻 ok", attendee_name: "Zoë 🎉 Ñandú 日本" });
  });

  it("answers a huge number in JSON (parsed as Infinity) with 400, not a stored null", async () => {
    const lead = await createLead();
    const body = JSON.stringify(meetingBody(lead.email!, { ends_at: undefined })).replace(/}$/, ',"duration_minutes":1e400}');
    expectValidationError(await api("POST", "/meetings", { body }), ["duration_minutes"]);
    const leadBody = '{"first_name":"Big","metadata":{"n":1e400}}';
    expectValidationError(await api("POST", "/leads", { body: leadBody }), ["metadata.n"]);
  });

  it.each(["%00", "%27%20OR%201=1", "550e8400-e29b-41d4-a716-44665544000g", "x".repeat(2000)])(
    "answers 404 to a junk lead id %s in the path",
    async (leadId) => {
      const response = await api("GET", `/leads/${leadId.slice(0, 2000)}/meetings`);
      expectNoLeak(response);
      expect(response.status).toBe(404);
    },
  );

  it("answers 400 to a junk status filter with a NUL byte", async () => {
    const response = await api("GET", `/leads/${fixtures.timeline.leadId}/meetings?status=%00`);
    expectNoLeak(response);
    expect(response.status).toBe(400);
  });
});

describe("unknown paths under /api/public", () => {
  it.each([
    ["GET", "/nope"],
    ["POST", "/meeting"],
    ["GET", "/leads/x/meetings/y"],
    ["DELETE", "/v2/leads"],
    ["GET", ""],
  ])("answer %s %j with a JSON 404", async (method, path) => {
    const response = await api(method, path);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.body).toEqual({ error: "No such endpoint", code: "not_found" });
  });
});

describe("unsupported methods on public routes", () => {
  it.each([
    ["GET", "/meetings", "POST"],
    ["DELETE", "/meetings", "POST"],
    ["PUT", "/leads", "GET, POST"],
    ["PUT", "/leads/550e8400-e29b-41d4-a716-446655440000", "GET, PATCH, DELETE"],
    ["POST", "/leads/550e8400-e29b-41d4-a716-446655440000", "GET, PATCH, DELETE"],
    ["POST", "/leads/550e8400-e29b-41d4-a716-446655440000/meetings", "GET"],
  ])("answer %s %s with a JSON 405 and Allow: %s", async (method, path, allow) => {
    const response = await api(method, path, method === "GET" ? {} : { body: {} });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe(allow);
    expect(response.body).toEqual({ error: expect.stringMatching(/^Method not allowed/), code: "method_not_allowed" });
  });
});

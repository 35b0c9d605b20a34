import { randomUUID } from "node:crypto";
import net from "node:net";
import { describe, expect, it } from "vitest";
import { api, baseUrl, createLead, expectValidationError, fixtures, keyB, postMeeting, uniqueId, type ApiResponse } from "../support/api";

type Meeting = Record<string, any>;
type FromState = "scheduled" | "confirmed" | "cancelled" | "no_show" | "completed";
type Action = "cancel" | "no-show" | "complete" | "confirm" | "reschedule";

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const MEETING_NOT_FOUND = { error: "Meeting not found or not owned by your account", code: "meeting_not_found" };

/** Every action sends a reason and notes where it takes them, so a field left behind would show. */
const actionBodies: Record<Action, Record<string, unknown>> = {
  cancel: { reason: "Lead travelling" },
  "no-show": { reason: "Did not join", notes: "Waited 20 minutes" },
  complete: { notes: "Signed the proposal" },
  confirm: {},
  reschedule: { starts_at: iso(Date.now() + 72 * HOUR), duration_minutes: 45, reason: "Lead asked to move it" },
};

const act = (meetingId: string, action: Action, body: unknown = actionBodies[action], key?: string) =>
  api("POST", `/meetings/${meetingId}/${action}`, { body, key });
const history = (meetingId: string, query = "") => api("GET", `/meetings/${meetingId}/history${query}`);

/** A new meeting (started an hour ago unless `future`) moved into `state` through the API itself. */
async function meetingIn(state: FromState, options: { future?: boolean } = {}): Promise<Meeting> {
  const lead = await createLead();
  const startsAt = Date.now() + (options.future ? 48 : -1) * HOUR;
  const created = await postMeeting({ lead_id: lead.id, title: "Lifecycle", starts_at: iso(startsAt), duration_minutes: 30 });
  expect(created.status).toBe(201);
  const id = created.body.meeting.id;
  const via: Record<FromState, Action | null> = { scheduled: null, confirmed: "confirm", cancelled: "cancel", no_show: "no-show", completed: "complete" };
  const action = via[state];
  if (action) expect((await act(id, action)).status).toBe(200);
  return (await api("GET", `/meetings/${id}`)).body.meeting;
}

/** Outcome fields belong to their status: non-null only while the meeting is in it. */
function expectOutcomeFieldsMatchStatus(meeting: Meeting) {
  const { status } = meeting;
  expect(meeting.cancelled_at !== null, "cancelled_at").toBe(status === "cancelled");
  if (status !== "cancelled") expect(meeting.cancellation_reason).toBeNull();
  if (status !== "no_show") expect(meeting.no_show_reason).toBeNull();
  expect(meeting.outcome_at !== null, "outcome_at").toBe(status === "completed" || status === "no_show");
  if (status !== "completed" && status !== "no_show") expect(meeting.outcome_notes).toBeNull();
}

const transitionTable: [FromState, Action, FromState | "idempotent" | "refused"][] = [
  ["scheduled", "cancel", "cancelled"], ["scheduled", "no-show", "no_show"], ["scheduled", "complete", "completed"],
  ["scheduled", "confirm", "confirmed"], ["scheduled", "reschedule", "scheduled"],
  ["confirmed", "cancel", "cancelled"], ["confirmed", "no-show", "no_show"], ["confirmed", "complete", "completed"],
  ["confirmed", "confirm", "idempotent"], ["confirmed", "reschedule", "scheduled"],
  ["cancelled", "cancel", "idempotent"], ["cancelled", "no-show", "refused"], ["cancelled", "complete", "refused"],
  ["cancelled", "confirm", "refused"], ["cancelled", "reschedule", "scheduled"],
  ["no_show", "cancel", "refused"], ["no_show", "no-show", "idempotent"], ["no_show", "complete", "completed"],
  ["no_show", "confirm", "refused"], ["no_show", "reschedule", "scheduled"],
  ["completed", "cancel", "refused"], ["completed", "no-show", "no_show"], ["completed", "complete", "idempotent"],
  ["completed", "confirm", "refused"], ["completed", "reschedule", "refused"],
];

const historyTypes: Record<Action, string> = {
  cancel: "meeting_cancelled", "no-show": "meeting_no_show", complete: "meeting_completed", confirm: "meeting_confirmed", reschedule: "meeting_rescheduled",
};

describe("the transition table, cell by cell", () => {
  it.each(transitionTable)("%s + %s → %s", async (from, action, expected) => {
    const before = await meetingIn(from);
    const entriesBefore = (await history(before.id)).body.total;
    const response = await act(before.id, action);
    const after = (await api("GET", `/meetings/${before.id}`)).body.meeting;
    const entriesAfter = (await history(before.id)).body;

    if (expected === "refused") {
      expect(response.status).toBe(409);
      expect(response.body).toEqual({ error: expect.any(String), code: "invalid_transition", current_status: before.status });
      expect(response.body.error).toContain(before.status.replace("_", "-"));
      expect(after).toEqual(before);
      expect(entriesAfter.total).toBe(entriesBefore);
      return;
    }
    expect(response.status).toBe(200);
    expect(response.body.meeting).toEqual(after);
    expectOutcomeFieldsMatchStatus(after);
    if (expected === "idempotent") {
      expect(response.body.idempotent).toBe(true);
      expect(after).toEqual(before);
      expect(entriesAfter.total).toBe(entriesBefore);
      return;
    }
    expect(response.body.idempotent).toBeUndefined();
    expect(after.status).toBe(expected);
    expect(Date.parse(after.updated_at)).toBeGreaterThan(Date.parse(before.updated_at));
    expect(entriesAfter.total).toBe(entriesBefore + 1);
    expect(entriesAfter.history[0]).toMatchObject({
      meeting_id: before.id, lead_id: before.lead_id, type: historyTypes[action], actor_type: "api", actor_name: "default",
    });
  });

  it("refuses no-show and complete before the meeting starts, naming the state", async () => {
    for (const action of ["no-show", "complete"] as const) {
      const meeting = await meetingIn("scheduled", { future: true });
      const response = await act(meeting.id, action);
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ code: "invalid_transition", current_status: "scheduled" });
      expect(response.body.error).toContain("not started");
    }
  });
});

describe("what each action writes", () => {
  it("cancel stores the reason and when; a body is optional", async () => {
    const meeting = await meetingIn("scheduled", { future: true });
    const response = await api("POST", `/meetings/${meeting.id}/cancel`);
    expect(response.status).toBe(200);
    expect(response.body.meeting).toMatchObject({ status: "cancelled", cancellation_reason: null, cancelled_at: expect.stringMatching(/Z$/) });
    for (const body of [{}, { reason: null }]) {
      const again = await act((await meetingIn("scheduled")).id, "cancel", body);
      expect(again.body.meeting).toMatchObject({ status: "cancelled", cancellation_reason: null });
    }
  });

  it("takes a POST with no body at all, as `curl -X POST` sends it (no Content-Length, no Content-Type)", async () => {
    const meeting = await meetingIn("scheduled", { future: true });
    const response = await rawRequest(`POST /api/public/meetings/${meeting.id}/confirm HTTP/1.1\r\nHost: localhost\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\nX-API-Key: ${fixtures.tenantA.apiKey}\r\nConnection: close\r\n\r\n`);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body).meeting).toMatchObject({ id: meeting.id, status: "confirmed" });
  });

  it("reads an optional body sent chunked, without Content-Length", async () => {
    const meeting = await meetingIn("scheduled", { future: true });
    const body = JSON.stringify({ reason: "Sent in chunks" });
    const chunked = `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`;
    const response = await rawRequest(`POST /api/public/meetings/${meeting.id}/cancel HTTP/1.1\r\nHost: localhost\r\nX-API-Key: ${fixtures.tenantA.apiKey}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${chunked}`);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body).meeting).toMatchObject({ status: "cancelled", cancellation_reason: "Sent in chunks" });
  });

  it("no-show defaults its reason to api_marked and records notes and outcome_at", async () => {
    const meeting = await meetingIn("scheduled");
    const response = await act(meeting.id, "no-show", { notes: "No answer" });
    expect(response.body.meeting).toMatchObject({ status: "no_show", no_show_reason: "api_marked", outcome_notes: "No answer" });
    expect(Date.parse(response.body.meeting.outcome_at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("completing a no-show (a correction) clears the no-show reason; the history keeps it", async () => {
    const meeting = await meetingIn("no_show");
    const response = await act(meeting.id, "complete", { notes: "They joined late after all" });
    expect(response.body.meeting).toMatchObject({ status: "completed", no_show_reason: null, outcome_notes: "They joined late after all" });
    const [completed, noShow] = (await history(meeting.id)).body.history;
    expect(completed.changes.no_show_reason).toEqual({ from: "Did not join", to: null });
    expect(noShow).toMatchObject({ type: "meeting_no_show", reason: "Did not join" });
  });

  it("reschedule keeps the id, moves the times, clears confirmation and records from → to", async () => {
    const meeting = await meetingIn("confirmed", { future: true });
    const startsAt = iso(Date.now() + 96 * HOUR);
    const response = await act(meeting.id, "reschedule", { starts_at: startsAt, ends_at: iso(Date.parse(startsAt) + 90_000), reason: "Moved" });
    expect(response.status).toBe(200);
    expect(response.body.meeting).toMatchObject({ id: meeting.id, starts_at: startsAt, status: "scheduled", confirmed_by_lead: false, duration_minutes: 1 });
    const [entry] = (await history(meeting.id)).body.history;
    expect(entry).toMatchObject({ type: "meeting_rescheduled", reason: "Moved" });
    expect(entry.changes.starts_at).toEqual({ from: meeting.starts_at, to: startsAt });
    expect(entry.changes.status).toEqual({ from: "confirmed", to: "scheduled" });
  });

  it("reschedule reads wall times in the meeting's zone, moving a time in a DST gap forward", async () => {
    const lead = await createLead();
    const created = await postMeeting({ lead_id: lead.id, title: "NY", starts_at: "2026-03-01T10:00:00", duration_minutes: 30, timezone: "America/New_York" });
    const response = await act(created.body.meeting.id, "reschedule", { starts_at: "2026-03-08T02:30:00", duration_minutes: 30 });
    expect(response.body.meeting).toMatchObject({ starts_at: "2026-03-08T07:30:00Z", ends_at: "2026-03-08T08:00:00Z", timezone: "America/New_York" });
  });

  it("explains a DST gap when it puts ends_at before starts_at", async () => {
    const meeting = await meetingIn("scheduled");
    const [detail] = expectValidationError(
      await act(meeting.id, "reschedule", { starts_at: "2026-03-08T02:30:00", ends_at: "2026-03-08T03:10:00", timezone: "America/New_York" }),
      ["ends_at"],
    );
    expect(detail.message).toBe("must be after starts_at (02:30 does not exist on 2026-03-08 in America/New_York; it is read as 03:30)");
  });

  it("a reschedule to the same times of an unconfirmed meeting changes nothing", async () => {
    const meeting = await meetingIn("scheduled", { future: true });
    const response = await act(meeting.id, "reschedule", { starts_at: meeting.starts_at, ends_at: meeting.ends_at });
    expect(response.body).toMatchObject({ idempotent: true, meeting });
    expect((await history(meeting.id)).body.total).toBe(1);
  });
});

describe("history", () => {
  it("creating a meeting writes meeting_scheduled with every field set; entries come newest first with paging", async () => {
    const meeting = await meetingIn("scheduled");
    await act(meeting.id, "confirm");
    await act(meeting.id, "complete", { notes: "Done" });
    const all = (await history(meeting.id)).body;
    expect(all.total).toBe(3);
    expect(all.history.map((e: { type: string }) => e.type)).toEqual(["meeting_completed", "meeting_confirmed", "meeting_scheduled"]);
    expect(all.history[2].changes.title).toEqual({ from: null, to: "Lifecycle" });
    expect(all.history[2]).toMatchObject({ actor_type: "api", actor_name: "default", reason: null });
    expect(all.history[0]).toEqual({
      id: expect.any(String), meeting_id: meeting.id, lead_id: meeting.lead_id, type: "meeting_completed", at: expect.stringMatching(/Z$/),
      actor_type: "api", actor_name: "default", reason: null, changes: expect.objectContaining({ status: { from: "confirmed", to: "completed" } }),
    });
    const page = (await history(meeting.id, "?limit=1&offset=1")).body;
    expect(page).toMatchObject({ total: 3, history: [{ type: "meeting_confirmed" }] });
  });

  it("GET /leads/{id}/history lists every meeting's entries of the lead", async () => {
    const lead = await createLead();
    const first = await postMeeting({ lead_id: lead.id, title: "One", starts_at: iso(Date.now() - HOUR), duration_minutes: 30 });
    await postMeeting({ lead_id: lead.id, title: "Two", starts_at: iso(Date.now() + HOUR), duration_minutes: 30 });
    await act(first.body.meeting.id, "cancel");
    const feed = (await api("GET", `/leads/${lead.id}/history`)).body;
    expect(feed.total).toBe(3);
    expect(feed.history.map((e: { type: string }) => e.type)).toEqual(["meeting_cancelled", "meeting_scheduled", "meeting_scheduled"]);
  });

  it.each(["0", "201", "abc", "1.5", "0x10", "1e1"])("refuses limit=%s with 400 on limit", async (limit) => {
    const meeting = await meetingIn("scheduled");
    expectValidationError(await history(meeting.id, `?limit=${limit}`), ["limit"]);
  });

  it.each(["-1", "0x1", "1e0"])("refuses offset=%s with 400 on offset", async (offset) => {
    const meeting = await meetingIn("scheduled");
    expectValidationError(await history(meeting.id, `?offset=${offset}`), ["offset"]);
  });
});

describe("idempotent POST /meetings replays", () => {
  // One start for every replay of a booking: a replay must differ only where a test says so.
  const startedAnHourAgo = iso(Date.now() - HOUR);
  const booking = (leadId: string, eventId: string, fields: Record<string, unknown> = {}) => ({
    lead_id: leadId, title: "Synced", starts_at: startedAnHourAgo, duration_minutes: 30,
    external_calendar_provider: "ghl", external_event_id: eventId, ...fields,
  });

  it("keep an outcome: a replay of a cancelled meeting updates its fields but not its status or reason", async () => {
    const lead = await createLead();
    const eventId = uniqueId();
    const created = (await postMeeting(booking(lead.id, eventId))).body.meeting;
    const cancelled = (await act(created.id, "cancel", { reason: "Lead cancelled" })).body.meeting;
    const replay = await postMeeting(booking(lead.id, eventId, { title: "Synced again", status: "confirmed" }));
    expect(replay.status).toBe(200);
    expect(replay.body.meeting).toMatchObject({
      id: created.id, title: "Synced again", status: "cancelled", cancelled_at: cancelled.cancelled_at, cancellation_reason: "Lead cancelled",
      confirmed_by_lead: false,
    });
    expect((await history(created.id)).body.history[0]).toMatchObject({ type: "meeting_updated", changes: { title: { from: "Synced", to: "Synced again" } } });
  });

  it.each(["complete", "no-show"] as const)("keep an outcome recorded by %s", async (action) => {
    const lead = await createLead();
    const eventId = uniqueId();
    const created = (await postMeeting(booking(lead.id, eventId))).body.meeting;
    const outcome = (await act(created.id, action)).body.meeting;
    const replay = (await postMeeting(booking(lead.id, eventId, { status: "scheduled" }))).body.meeting;
    expect(replay).toEqual(outcome);
  });

  it("apply the body's confirmation while the meeting is scheduled", async () => {
    const lead = await createLead();
    const eventId = uniqueId();
    await postMeeting(booking(lead.id, eventId));
    const replay = await postMeeting(booking(lead.id, eventId, { status: "confirmed" }));
    expect(replay.body.meeting).toMatchObject({ status: "confirmed", confirmed_by_lead: true });
    expect((await history(replay.body.meeting.id)).body.history[0]).toMatchObject({ type: "meeting_updated" });
  });

  it("that change nothing leave updated_at alone and write no history", async () => {
    const lead = await createLead();
    const eventId = uniqueId();
    const body = booking(lead.id, eventId);
    const created = (await postMeeting(body)).body.meeting;
    const replay = await postMeeting(body);
    expect(replay.status).toBe(200);
    expect(replay.body.meeting).toEqual(created);
    expect((await history(created.id)).body.total).toBe(1);
  });

  it("that move the times are recorded as reschedules", async () => {
    const lead = await createLead();
    const eventId = uniqueId();
    const created = (await postMeeting(booking(lead.id, eventId))).body.meeting;
    const moved = iso(Date.now() + 5 * HOUR);
    await postMeeting(booking(lead.id, eventId, { starts_at: moved }));
    const [entry] = (await history(created.id)).body.history;
    expect(entry).toMatchObject({ type: "meeting_rescheduled", changes: { starts_at: { from: created.starts_at, to: moved } } });
  });
});

describe("races", () => {
  it("20 rounds of cancel + complete at once on a past meeting: exactly one 200 and one 409 each, one history entry", async () => {
    for (let round = 0; round < 20; round++) {
      const meeting = await meetingIn("scheduled");
      const answers = await Promise.all([act(meeting.id, "cancel"), act(meeting.id, "complete")]);
      expect(answers.map((a) => a.status).sort(), JSON.stringify(answers.map((a) => a.body))).toEqual([200, 409]);
      const winner = answers.find((a) => a.status === 200)!.body.meeting;
      const loser = answers.find((a) => a.status === 409)!;
      expect(loser.body.current_status).toBe(winner.status);
      expect((await history(meeting.id)).body.total).toBe(2);
    }
  });
});

describe("tenancy and ids", () => {
  const routes = (id: string): [string, string][] => [
    ["GET", `/meetings/${id}`], ["GET", `/meetings/${id}/history`], ["POST", `/meetings/${id}/cancel`], ["POST", `/meetings/${id}/no-show`],
    ["POST", `/meetings/${id}/complete`], ["POST", `/meetings/${id}/confirm`], ["POST", `/meetings/${id}/reschedule`],
  ];
  const send = (method: string, path: string, key?: string) =>
    api(method, path, { key, ...(method === "POST" ? { body: actionBodies.reschedule } : {}) });
  const bytes = (response: ApiResponse) => [response.status, JSON.stringify(response.body)];

  it("another client's meeting answers exactly like a missing one on every route, and is left untouched", async () => {
    const meeting = await meetingIn("scheduled");
    for (const [index, [method, path]] of routes(meeting.id).entries()) {
      const foreign = await send(method, path, keyB);
      const missing = await send(method, routes(randomUUID())[index][1], keyB);
      expect(bytes(foreign), path).toEqual(bytes(missing));
      expect(foreign.body).toEqual(MEETING_NOT_FOUND);
    }
    expect((await api("GET", `/meetings/${meeting.id}`)).body.meeting).toEqual(meeting);
  });

  it.each(["123", "not-a-uuid", "%20"])("a malformed id %s is the same 404", async (id) => {
    for (const [method, path] of routes(id)) expect((await send(method, path)).body, path).toEqual(MEETING_NOT_FOUND);
  });

  it("another client's lead history is the lead 404", async () => {
    const response = await api("GET", `/leads/${fixtures.tenantB.leadId}/history`);
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: "Lead not found or does not belong to your account", code: "lead_not_found" });
  });

  it.each([
    ["GET", "cancel", "POST"], ["PATCH", "reschedule", "POST"], ["POST", "history", "GET"],
  ])("%s on /meetings/{id}/%s is a 405 with Allow: %s", async (method, action, allow) => {
    const response = await api(method, `/meetings/${randomUUID()}/${action}`, method === "GET" ? {} : { body: {} });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe(allow);
  });
});

describe("action bodies", () => {
  it.each<[Action, Record<string, unknown>, string[]]>([
    ["cancel", { reason: "r".repeat(10_001) }, ["reason"]],
    ["cancel", { reason: 5 }, ["reason"]],
    ["no-show", { reason: "a\u0000", notes: "n".repeat(10_001) }, ["notes", "reason"]],
    ["complete", { notes: ["x"] }, ["notes"]],
    ["reschedule", {}, ["starts_at", "ends_at"]],
    ["reschedule", { starts_at: "tomorrow", duration_minutes: 0, timezone: "Mars/Base" }, ["starts_at", "duration_minutes", "timezone"]],
    ["reschedule", { starts_at: "2026-05-01T10:00:00Z", ends_at: "2026-05-01T09:00:00Z" }, ["ends_at"]],
  ])("%s with %j → 400 naming %j", async (action, body, fields) => {
    const meeting = await meetingIn("scheduled");
    expectValidationError(await act(meeting.id, action, body), fields);
  });

  it("a reason of exactly 10,000 characters is taken", async () => {
    const meeting = await meetingIn("scheduled");
    expect((await act(meeting.id, "cancel", { reason: "r".repeat(10_000) })).body.meeting.cancellation_reason).toHaveLength(10_000);
  });

  it("a body that is not JSON is a 415 / 400 as everywhere", async () => {
    const meeting = await meetingIn("scheduled");
    expect((await api("POST", `/meetings/${meeting.id}/cancel`, { body: "reason=x", headers: { "Content-Type": "application/x-www-form-urlencoded" } })).status).toBe(415);
    expect((await api("POST", `/meetings/${meeting.id}/cancel`, { body: "{oops" })).body.code).toBe("invalid_json");
  });
});

/** Sends `request` as written on a connection of its own and reads the answer until the server closes it. */
function rawRequest(request: string): Promise<{ status: number; body: string }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString();
      const [head, ...rest] = text.split("\r\n\r\n");
      const status = Number(head.split(" ")[1]);
      const raw = rest.join("\r\n\r\n");
      const chunked = /transfer-encoding: chunked/i.test(head);
      resolve({ status, body: chunked ? dechunk(raw) : raw });
    });
  });
}

function dechunk(raw: string): string {
  let body = "";
  for (let rest = raw; ; ) {
    const lineEnd = rest.indexOf("\r\n");
    const size = parseInt(rest.slice(0, lineEnd), 16);
    if (!size) return body;
    body += rest.slice(lineEnd + 2, lineEnd + 2 + size);
    rest = rest.slice(lineEnd + 2 + size + 2);
  }
}

import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { api, createLead } from "@/tests/support/api";
import {
  mutatedBody, validCancelBody, validLeadBody, validLeadPatch, validMeetingBody, validRescheduleBody, type Mutated,
} from "@/tests/support/arbitraries";

// Property tests through real HTTP. `npm test` runs a small seeded sample; `npm run fuzz` runs
// NEXOR_FUZZ_RUNS (10,000) per property. A failure prints its seed and path, so it can be replayed
// with NEXOR_FUZZ_SEED.
const runs = Number(process.env.NEXOR_FUZZ_RUNS ?? 40);
const seed = Number(process.env.NEXOR_FUZZ_SEED ?? 20261124);
const settings = { numRuns: runs, seed, endOnFailure: true };
const timeout = Math.max(60_000, runs * 200);

type Answer = Awaited<ReturnType<typeof api>>;

/** Never a 5xx; any refusal is JSON with `error` and `code`; a 400 on a field names that field. */
function expectWellRefusedOrAccepted(answer: Answer, mutated: Mutated) {
  expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(500);
  if (answer.status < 300) return;
  expect(answer.body).toMatchObject({ error: expect.any(String), code: expect.any(String) });
  if (answer.body.code !== "validation_failed") return;
  const fields: string[] = answer.body.details.map((detail: { field: string }) => detail.field);
  expect(fields.length).toBeGreaterThan(0);
  for (const field of fields) expect(field.length).toBeGreaterThan(0);
  if (mutated.field) expect(fields.some((field) => field === mutated.field || field.startsWith(`${mutated.field}.`)), `${fields} names ${mutated.field}`).toBe(true);
}

let leadEmail: string;
let leadId: string;
let meetingId: string;

beforeAll(async () => {
  const lead = await createLead();
  leadEmail = lead.email!;
  leadId = lead.id;
  const meeting = await api("POST", "/meetings", { body: { lead_id: leadId, title: "Fuzz target", starts_at: "2030-01-01T10:00:00Z", duration_minutes: 30 } });
  meetingId = meeting.body.meeting.id;
});

describe("property: POST /meetings", () => {
  it("accepts every schema-valid body", { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(validMeetingBody(leadEmail), async (body) => {
        const answer = await api("POST", "/meetings", { body });
        expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      }),
      settings,
    );
  });

  it("never answers a mutated body with a 5xx, and names the field it refuses", { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(mutatedBody(validMeetingBody(leadEmail)), async (mutated) => {
        expectWellRefusedOrAccepted(await api("POST", "/meetings", { body: mutated.body }), mutated);
      }),
      settings,
    );
  });
});

describe("property: POST and PATCH /leads", () => {
  it("accepts every schema-valid lead and patch", { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(validLeadBody, validLeadPatch, async (body, patch) => {
        const created = await api("POST", "/leads", { body });
        expect(created.status, JSON.stringify(created.body)).toBe(201);
        const patched = await api("PATCH", `/leads/${created.body.lead.id}`, { body: patch });
        expect(patched.status, JSON.stringify(patched.body)).toBe(200);
      }),
      settings,
    );
  });

  it("never answers a mutated lead or patch with a 5xx, and names the field it refuses", { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(mutatedBody(validLeadBody), mutatedBody(validLeadPatch as fc.Arbitrary<Record<string, unknown>>), async (lead, patch) => {
        expectWellRefusedOrAccepted(await api("POST", "/leads", { body: lead.body }), lead);
        expectWellRefusedOrAccepted(await api("PATCH", `/leads/${leadId}`, { body: patch.body }), patch);
      }),
      settings,
    );
  });
});

describe("property: lifecycle actions", () => {
  it("accepts every schema-valid reschedule and cancel of a scheduled meeting", { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(validRescheduleBody, validCancelBody, async (reschedule, cancel) => {
        const rescheduled = await api("POST", `/meetings/${meetingId}/reschedule`, { body: reschedule });
        expect(rescheduled.status, JSON.stringify(rescheduled.body)).toBe(200);
        const cancelled = await api("POST", `/meetings/${meetingId}/cancel`, { body: cancel });
        expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
      }),
      settings,
    );
  });

  it("never answers a mutated lifecycle body with a 5xx, and names the field it refuses", { timeout }, async () => {
    const actions = ["cancel", "no-show", "complete", "confirm", "reschedule"] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...actions), mutatedBody(validRescheduleBody), mutatedBody(validCancelBody), async (action, reschedule, note) => {
        const mutated = action === "reschedule" ? reschedule : note;
        expectWellRefusedOrAccepted(await api("POST", `/meetings/${meetingId}/${action}`, { body: mutated.body }), action === "reschedule" ? mutated : { ...mutated, field: null });
      }),
      settings,
    );
  });
});

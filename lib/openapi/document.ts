import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import { errorStatuses, type ErrorCode } from "@/lib/errors";
import { leadInputSchema, leadPatchSchema } from "@/lib/leads/schema";
import { leadLookupQuerySchema } from "@/lib/leads/lookup";
import {
  cancelInputSchema, completeInputSchema, historyPageSchema, meetingInputSchema, meetingListQuerySchema, noShowInputSchema, rescheduleInputSchema,
} from "@/lib/meetings/schema";
import { webhookEventTypes } from "@/lib/webhooks/events";
import { webhookInputSchema } from "@/lib/webhooks/schema";
import {
  errorSchema, historyEntrySchema, publicDeliverySchema, publicLeadSchema, publicMeetingSchema, publicWebhookSchema, webhookEventSchema,
} from "./responses";

// The OpenAPI 3.1 document of the public API, generated from the schemas the routes validate with
// (requests) and type their answers with (responses). GET /api/public/openapi.json serves it; the
// committed openapi.json is compared with it in the tests, so an API change shows up in review.

const id = z.string().meta({ format: "uuid" });
const ok = <T extends z.ZodRawShape>(shape: T) => z.object({ success: z.literal(true), ...shape });

/** Each error code an operation can answer, grouped by its status, each group's `code` limited to its codes. */
function errors(codes: ErrorCode[]): ZodOpenApiResponsesObject {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(errorStatuses[code], [...(byStatus.get(errorStatuses[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, group]) => [
      String(status),
      {
        description: group.join(", "),
        content: { "application/json": { schema: errorSchema.extend({ code: z.enum(group as [ErrorCode, ...ErrorCode[]]) }) } },
      },
    ]),
  );
}

// Every route can answer these: the key is checked and limited, the database may be down.
const ALWAYS: ErrorCode[] = ["missing_api_key", "invalid_api_key", "rate_limited", "service_unavailable", "internal_error"];
const WITH_BODY: ErrorCode[] = ["invalid_json", "validation_failed", "payload_too_large", "unsupported_media_type", "request_timeout"];

function operation(spec: {
  summary: string; tag: string; description?: string; path?: z.ZodObject; query?: z.ZodType;
  body?: z.ZodType; bodyOptional?: boolean; bodyExamples?: Record<string, unknown>;
  answers: Record<number, { description: string; schema: z.ZodType }>; errors: ErrorCode[];
}): ZodOpenApiOperationObject {
  const codes = [...ALWAYS, ...(spec.body ? WITH_BODY : spec.query ? ["validation_failed" as const] : []), ...spec.errors];
  return {
    summary: spec.summary,
    description: spec.description,
    tags: [spec.tag],
    ...((spec.path || spec.query) && {
      requestParams: { ...(spec.path && { path: spec.path }), ...(spec.query && { query: spec.query as z.ZodObject }) },
    }),
    ...(spec.body && {
      requestBody: {
        required: !spec.bodyOptional,
        content: {
          "application/json": {
            schema: spec.body,
            ...(spec.bodyExamples && { examples: Object.fromEntries(Object.entries(spec.bodyExamples).map(([name, value]) => [name, { value }])) }),
          },
        },
      },
    }),
    responses: {
      ...Object.fromEntries(
        Object.entries(spec.answers).map(([status, answer]) => [status, { description: answer.description, content: { "application/json": { schema: answer.schema } } }]),
      ),
      ...errors([...new Set(codes)]),
    },
  };
}

const leadPath = z.object({ id });
const meetingPath = z.object({ id });
const webhookPath = z.object({ id });
const meetingAnswer = ok({ meeting: publicMeetingSchema, idempotent: z.literal(true).optional().meta({ description: "The action changed nothing." }) });
const historyAnswer = ok({ history: z.array(historyEntrySchema), total: z.number().int() });

// Every action but a reschedule may be sent without a body (`curl -X POST`).
const lifecycle = (summary: string, body: z.ZodType, description: string, options: { bodyOptional: boolean }): ZodOpenApiOperationObject =>
  operation({
    summary, tag: "Meeting lifecycle", description, path: meetingPath, body, bodyOptional: options.bodyOptional,
    answers: { 200: { description: "The meeting after the action (`idempotent: true` when it changed nothing)", schema: meetingAnswer } },
    errors: ["meeting_not_found", "invalid_transition"],
  });

const SPEC_EXAMPLES = {
  minimal: { lead_email: "maria@example.com", title: "Discovery Call", starts_at: "2026-04-20T14:00:00", ends_at: "2026-04-20T15:00:00", timezone: "America/Santiago" },
  goHighLevel: {
    lead_email: "maria@example.com", title: "Discovery Call", starts_at: "2026-04-20T14:00:00", duration_minutes: 60, timezone: "America/Santiago",
    meeting_url: "https://meet.google.com/abc-defg-hij", location_type: "video", status: "confirmed",
    external_calendar_provider: "gohighlevel", external_event_id: "ghl-evt-123",
  },
};

export function buildOpenApiDocument() {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Nexor Meetings public API",
      version: "1.0.0",
      description: "Leads and their meetings, for integrators. Every request carries `X-API-Key`. Errors are `{error, code}` with a stable `code`; a 400 adds `details: [{field, message}]`.",
    },
    servers: [{ url: "/api/public" }],
    security: [{ ApiKey: [] }],
    components: { securitySchemes: { ApiKey: { type: "apiKey", in: "header", name: "X-API-Key" } } },
    paths: {
      "/leads": {
        get: operation({ summary: "Find leads (by email in matching order, else alphabetically)", tag: "Leads", query: leadLookupQuerySchema,
          answers: { 200: { description: "A page of leads", schema: ok({ leads: z.array(publicLeadSchema), next_cursor: z.string().nullable() }) } }, errors: [] }),
        post: operation({ summary: "Create a lead (or up to 1,000 from an array: 207)", tag: "Leads", body: leadInputSchema,
          answers: { 201: { description: "The lead", schema: ok({ lead: publicLeadSchema }) } }, errors: [] }),
      },
      "/leads/{id}": {
        get: operation({ summary: "A lead", tag: "Leads", path: leadPath, answers: { 200: { description: "The lead", schema: ok({ lead: publicLeadSchema }) } }, errors: ["lead_not_found"] }),
        patch: operation({ summary: "Change some of a lead's fields (metadata merged key by key)", tag: "Leads", path: leadPath, body: leadPatchSchema,
          answers: { 200: { description: "The lead", schema: ok({ lead: publicLeadSchema }) } }, errors: ["lead_not_found"] }),
        delete: operation({ summary: "Delete a lead with its meetings and their history", tag: "Leads", path: leadPath,
          answers: { 200: { description: "Deleted", schema: ok({ deleted: z.literal(true) }) } }, errors: ["lead_not_found"] }),
      },
      "/leads/{id}/meetings": {
        get: operation({ summary: "A lead's meetings, most recent first", tag: "Meetings", path: leadPath, query: meetingListQuerySchema,
          description: "Called as the spec shows it, the whole list. With `limit` or `cursor`, one keyset page and `next_cursor` (null on the last page).",
          answers: { 200: { description: "The meetings", schema: ok({ meetings: z.array(publicMeetingSchema), next_cursor: z.string().nullable().optional() }) } },
          errors: ["lead_not_found"] }),
      },
      "/leads/{id}/history": {
        get: operation({ summary: "Every change of a lead's meetings, newest first", tag: "History", path: leadPath, query: historyPageSchema,
          answers: { 200: { description: "History entries", schema: historyAnswer } }, errors: ["lead_not_found"] }),
      },
      "/meetings": {
        post: operation({ summary: "Log a meeting booked elsewhere", tag: "Meetings", body: meetingInputSchema, bodyExamples: SPEC_EXAMPLES,
          description: "Matched to the lead by `lead_id` or `lead_email`. With both `external_calendar_provider` and `external_event_id`, a replay updates the meeting instead of creating another (200).",
          answers: { 201: { description: "Created", schema: ok({ meeting: publicMeetingSchema }) }, 200: { description: "A replay of a known event", schema: ok({ meeting: publicMeetingSchema }) } },
          errors: ["lead_not_found", "external_event_conflict"] }),
      },
      "/meetings/{id}": {
        get: operation({ summary: "A meeting", tag: "Meetings", path: meetingPath, answers: { 200: { description: "The meeting", schema: ok({ meeting: publicMeetingSchema }) } }, errors: ["meeting_not_found"] }),
      },
      "/meetings/{id}/history": {
        get: operation({ summary: "Every change of a meeting, newest first", tag: "History", path: meetingPath, query: historyPageSchema,
          answers: { 200: { description: "History entries", schema: historyAnswer } }, errors: ["meeting_not_found"] }),
      },
      "/meetings/{id}/cancel": { post: lifecycle("Cancel", cancelInputSchema, "From scheduled (a no-op when already cancelled).", { bodyOptional: true }) },
      "/meetings/{id}/no-show": { post: lifecycle("Mark as no-show", noShowInputSchema, "Once the meeting has started; corrects a completed one.", { bodyOptional: true }) },
      "/meetings/{id}/complete": { post: lifecycle("Mark as completed", completeInputSchema, "Once the meeting has started; corrects a no-show.", { bodyOptional: true }) },
      "/meetings/{id}/confirm": { post: lifecycle("The lead confirmed", z.object({}), "Any body is ignored.", { bodyOptional: true }) },
      "/meetings/{id}/reschedule": { post: lifecycle("Move to new times", rescheduleInputSchema("UTC"), "New times under the rules of POST /meetings; `timezone` defaults to the meeting's.", { bodyOptional: false }) },
      "/webhooks": {
        get: operation({ summary: "Your webhook endpoints (never their secrets)", tag: "Webhooks", answers: { 200: { description: "Endpoints", schema: ok({ webhooks: z.array(publicWebhookSchema) }) } }, errors: [] }),
        post: operation({ summary: "Subscribe an endpoint; the answer shows its signing secret once", tag: "Webhooks", body: webhookInputSchema,
          answers: { 201: { description: "The endpoint with its secret", schema: ok({ webhook: publicWebhookSchema }) } }, errors: [] }),
      },
      "/webhooks/{id}": {
        get: operation({ summary: "An endpoint", tag: "Webhooks", path: webhookPath, answers: { 200: { description: "The endpoint", schema: ok({ webhook: publicWebhookSchema }) } }, errors: ["webhook_not_found"] }),
        delete: operation({ summary: "Unsubscribe", tag: "Webhooks", path: webhookPath, answers: { 200: { description: "Deleted", schema: ok({ deleted: z.literal(true) }) } }, errors: ["webhook_not_found"] }),
      },
      "/webhooks/{id}/deliveries": {
        get: operation({ summary: "The latest 50 deliveries with every attempt", tag: "Webhooks", path: webhookPath,
          answers: { 200: { description: "Deliveries", schema: ok({ deliveries: z.array(publicDeliverySchema) }) } }, errors: ["webhook_not_found"] }),
      },
      "/webhooks/{id}/test": {
        post: operation({ summary: "Queue an example event marked test", tag: "Webhooks", path: webhookPath,
          answers: { 202: { description: "Queued", schema: ok({ delivery: publicDeliverySchema }) } }, errors: ["webhook_not_found", "endpoint_disabled"] }),
      },
      "/webhooks/{id}/rotate-secret": {
        post: operation({ summary: "A new signing secret, shown once", tag: "Webhooks", path: webhookPath,
          answers: { 200: { description: "The endpoint with its new secret", schema: ok({ webhook: publicWebhookSchema }) } }, errors: ["webhook_not_found"] }),
      },
      "/webhooks/{id}/deliveries/{deliveryId}/redeliver": {
        post: operation({ summary: "Send a delivery's event again (same event_id)", tag: "Webhooks", path: z.object({ id, deliveryId: id }),
          answers: { 202: { description: "Queued", schema: ok({ delivery: publicDeliverySchema }) } }, errors: ["webhook_not_found", "delivery_not_found", "endpoint_disabled"] }),
      },
    },
    webhooks: Object.fromEntries(
      webhookEventTypes.map((type) => [
        type,
        {
          post: {
            summary: `${type}, POSTed to each subscribed endpoint`,
            tags: ["Webhook events"],
            description: "Signed: `X-Nexor-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"{t}.{body}\" with the endpoint's secret>`. Answer 2xx within 10 s, else it is retried after 1, 5 and 30 minutes.",
            requestBody: { content: { "application/json": { schema: webhookEventSchema(type) } } },
            responses: { "200": { description: "Any 2xx acknowledges the delivery" } },
          },
        },
      ]),
    ),
  });
}

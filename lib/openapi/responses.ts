import { z } from "zod";
import { actorTypes, locationTypes, meetingHistoryTypes } from "@/db/enums";
import { errorStatuses } from "@/lib/errors";
import { shownMeetingStatuses } from "@/lib/meetings/status";
import { webhookEventTypes } from "@/lib/webhooks/events";

// The public API's answers as zod schemas: the OpenAPI document is generated from them, the serializers
// are typed by them (so a field added to one and not the other fails the type check), and the API tests
// validate real answers against them.

const instant = z.string().meta({ format: "date-time", example: "2026-04-20T17:00:00Z" });
const uuid = z.string().meta({ format: "uuid" });

export const publicMeetingSchema = z
  .object({
    id: uuid,
    lead_id: uuid,
    title: z.string(),
    description: z.string().nullable(),
    starts_at: instant,
    ends_at: instant,
    duration_minutes: z.number().int(),
    timezone: z.string().meta({ example: "America/Santiago" }),
    status: z.enum(shownMeetingStatuses),
    meeting_url: z.string().nullable(),
    location_type: z.enum(locationTypes),
    location_details: z.string().nullable(),
    host_name: z.string().nullable(),
    meeting_type: z.string().nullable(),
    attendee_name: z.string().nullable(),
    attendee_email: z.string().nullable(),
    attendee_phone: z.string().nullable(),
    additional_attendees: z.array(z.object({ name: z.string().nullable(), email: z.string() })),
    confirmed_by_lead: z.boolean(),
    cancelled_at: instant.nullable(),
    cancellation_reason: z.string().nullable(),
    no_show_reason: z.string().nullable(),
    outcome_notes: z.string().nullable(),
    outcome_at: instant.nullable(),
    external_calendar_provider: z.string().nullable(),
    external_event_id: z.string().nullable(),
    source: z.string(),
    created_at: instant,
    updated_at: instant,
  })
  .meta({ id: "Meeting" });
export type PublicMeeting = z.infer<typeof publicMeetingSchema>;

export const publicLeadSchema = z
  .object({
    id: uuid,
    first_name: z.string(),
    last_name: z.string().nullable(),
    full_name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    source: z.string().nullable(),
    metadata: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    created_at: instant,
    updated_at: instant,
  })
  .meta({ id: "Lead" });
export type PublicLead = z.infer<typeof publicLeadSchema>;

export const historyEntrySchema = z
  .object({
    id: uuid,
    meeting_id: uuid,
    lead_id: uuid,
    type: z.enum(meetingHistoryTypes),
    at: instant,
    actor_type: z.enum(actorTypes),
    actor_name: z.string().nullable(),
    reason: z.string().nullable(),
    changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  })
  .meta({ id: "HistoryEntry" });
export type PublicHistoryEntry = z.infer<typeof historyEntrySchema>;

export const publicWebhookSchema = z
  .object({
    id: uuid,
    url: z.string(),
    events: z.array(z.string()),
    description: z.string().nullable(),
    enabled: z.boolean(),
    disabled_reason: z.string().nullable(),
    created_at: instant.nullable(),
    updated_at: instant.nullable(),
    secret: z.string().optional().meta({ description: "Only in the answers to creation and rotation." }),
  })
  .meta({ id: "Webhook" });
export type PublicWebhook = z.infer<typeof publicWebhookSchema>;

export const publicDeliverySchema = z
  .object({
    id: uuid,
    event_id: uuid,
    event_type: z.string(),
    test: z.boolean(),
    status: z.enum(["pending", "succeeded", "failed"]),
    attempt_count: z.number().int(),
    next_attempt_at: instant.nullable(),
    created_at: instant.nullable(),
    attempts: z.array(
      z.object({
        attempted_at: instant.nullable(),
        status_code: z.number().int().nullable(),
        duration_ms: z.number().int(),
        response_excerpt: z.string().nullable(),
        error: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "WebhookDelivery" });
export type PublicDelivery = z.infer<typeof publicDeliverySchema>;

/** The body of every webhook delivery. */
export const webhookEventSchema = (eventType: (typeof webhookEventTypes)[number]) =>
  z.object({
    event_type: z.literal(eventType),
    event_id: uuid,
    webhook_id: uuid,
    delivery_id: uuid,
    timestamp: instant,
    client_id: uuid,
    test: z.boolean(),
    data: z.object({
      meeting: publicMeetingSchema,
      previous: z.record(z.string(), z.unknown()).optional().meta({ description: "The changed fields' old values (rescheduled and updated only)." }),
    }),
  });

const errorCodes = Object.keys(errorStatuses) as (keyof typeof errorStatuses)[];

/** Every error answer: a sentence, a stable code; a 400 adds one detail per bad field. */
export const errorSchema = z
  .object({
    error: z.string(),
    message: z.string().optional(),
    code: z.enum(errorCodes as [string, ...string[]]),
    details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    current_status: z.string().optional(),
    request_id: z.string().nullable().optional(),
  })
  .meta({ id: "Error" });

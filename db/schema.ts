import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  actorTypes, locationTypes, meetingHistoryTypes, meetingSources, storedMeetingStatuses, type AdditionalAttendee, type FieldChanges,
} from "./enums";
import { timestamptz } from "./timestamptz";

const id = () => uuid("id").primaryKey().defaultRandom();
const now = sql`now()`;
const createdAt = () => timestamptz("created_at").notNull().default(now);
// Every tenant-owned row carries its client, so data can later be sharded by tenant.
const clientId = () =>
  uuid("client_id")
    .notNull()
    .references(() => clients.id, { onDelete: "cascade" });

export const clients = pgTable("clients", {
  id: id(),
  name: text("name").notNull(),
  // Requests a minute per API key of this client; null means RATE_LIMIT_PER_MINUTE (600).
  rateLimitPerMinute: integer("rate_limit_per_minute"),
  createdAt: createdAt(),
});

/** GCRA buckets shared by every app instance: one row per limited thing (an API key, an IP, an account). */
// UNLOGGED (migration 0007; drizzle cannot say it): throwaway state, written on every API request.
export const rateLimits = pgTable("rate_limits", {
  bucket: text("bucket").primaryKey(),
  // The theoretical arrival time: when the bucket would be full again.
  tat: timestamptz("tat").notNull(),
});

export const users = pgTable(
  "users",
  {
    id: id(),
    clientId: clientId(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    active: boolean("active").notNull().default(true),
    passwordHash: text("password_hash"),
    // The dashboard language the rep chose ("en" or "es"); null follows the browser's Accept-Language.
    locale: text("locale"),
    createdAt: createdAt(),
  },
  (t) => [
    check("users_locale_known", sql`${t.locale} in ('en', 'es')`),
    // One person signs in to one client, so an email is unique across the whole product.
    uniqueIndex("users_email_unique").on(sql`lower(${t.email})`),
    index("users_client_idx").on(t.clientId, t.name),
    unique("users_id_client_id_unique").on(t.id, t.clientId),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    clientId: clientId(),
    userId: uuid("user_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    timeZone: text("time_zone").notNull().default("UTC"),
    expiresAt: timestamptz("expires_at").notNull(),
    // Moved forward (at most once a minute) while the session is used; an idle session ends.
    lastSeenAt: timestamptz("last_seen_at").notNull().default(now),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("sessions_token_hash_unique").on(t.tokenHash),
    index("sessions_user_idx").on(t.userId),
    foreignKey({ name: "sessions_user_fk", columns: [t.userId, t.clientId], foreignColumns: [users.id, users.clientId] }).onDelete("cascade"),
  ],
);

export const meetingTypes = pgTable(
  "meeting_types",
  {
    id: id(),
    clientId: clientId(),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("meeting_types_client_idx").on(t.clientId, t.name), unique("meeting_types_id_client_id_unique").on(t.id, t.clientId)],
);

export const apiKeys = pgTable(
  "api_keys",
  {
    id: id(),
    clientId: clientId(),
    label: text("label"),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamptz("last_used_at"),
    revokedAt: timestamptz("revoked_at"),
  },
  (t) => [uniqueIndex("api_keys_key_hash_unique").on(t.keyHash), index("api_keys_client_idx").on(t.clientId)],
);

export const leads = pgTable(
  "leads",
  {
    id: id(),
    clientId: clientId(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name"),
    email: text("email"),
    phone: text("phone"),
    source: text("source").notNull().default("api"),
    metadata: jsonb("metadata").$type<LeadMetadata>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: timestamptz("updated_at").notNull().default(now),
  },
  (t) => [
    // Email matching: equality on lower(email) within a client, newest update first.
    index("leads_client_email_idx").on(
      t.clientId,
      sql`lower(${t.email})`,
      t.updatedAt.desc(),
      t.createdAt.desc(),
      t.id.desc(),
    ),
    // Dashboard list: alphabetical keyset pages; substring search by name or email (pg_trgm, migration 0001).
    index("leads_client_name_idx").on(t.clientId, leadSortName(t), t.id),
    // Dashboard list sorted by most recently updated.
    index("leads_client_updated_idx").on(t.clientId, t.updatedAt.desc(), t.id.desc()),
    index("leads_name_trgm_idx").using("gin", sql`${leadSortName(t)} gin_trgm_ops`),
    index("leads_email_trgm_idx").using("gin", sql`lower(${t.email}) gin_trgm_ops`),
    // What tenant-to-tenant foreign keys point at: a row can only reference a lead of its own client. id
    // leads, so the planner never takes it for a scan of one client's rows (the other indexes serve those).
    unique("leads_id_client_id_unique").on(t.id, t.clientId),
  ],
);

/** The lowercased full name the lead list sorts and searches on; queries must use this exact expression to hit the indexes. */
export function leadSortName(t: { firstName: AnyPgColumn; lastName: AnyPgColumn }) {
  return sql`lower(${t.firstName} || ' ' || coalesce(${t.lastName}, ''))`;
}

export type LeadMetadata = Record<string, string | number | boolean>;

export * from "./enums";

export const meetings = pgTable(
  "meetings",
  {
    id: id(),
    clientId: clientId(),
    leadId: uuid("lead_id").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    startsAt: timestamptz("starts_at").notNull(),
    endsAt: timestamptz("ends_at").notNull(),
    timezone: text("timezone").notNull().default("UTC"),
    status: text("status", { enum: storedMeetingStatuses }).notNull().default("scheduled"),
    confirmedByLead: boolean("confirmed_by_lead").notNull().default(false),
    meetingUrl: text("meeting_url"),
    locationType: text("location_type", { enum: locationTypes }).notNull().default("video"),
    locationDetails: text("location_details"),
    hostUserId: uuid("host_user_id"),
    meetingTypeId: uuid("meeting_type_id"),
    attendeeName: text("attendee_name").notNull(),
    attendeeEmail: text("attendee_email"),
    attendeePhone: text("attendee_phone"),
    additionalAttendees: jsonb("additional_attendees").$type<AdditionalAttendee[]>().notNull().default([]),
    externalCalendarProvider: text("external_calendar_provider"),
    externalEventId: text("external_event_id"),
    source: text("source", { enum: meetingSources }).notNull(),
    cancelledAt: timestamptz("cancelled_at"),
    cancellationReason: text("cancellation_reason"),
    noShowReason: text("no_show_reason"),
    outcomeNotes: text("outcome_notes"),
    outcomeAt: timestamptz("outcome_at"),
    createdAt: createdAt(),
    updatedAt: timestamptz("updated_at").notNull().default(now),
    // The meeting's public JSON, written by the database (trigger meetings_public_json, migration 0013) on every
    // insert and update, and when its host or type is renamed: the API's lists send it as stored. Never written
    // by the application: an insert leaves it null for the trigger, and a missing trigger fails NOT NULL loudly.
    publicJson: text("public_json").notNull().$defaultFn(() => sql`null`),
  },
  (t) => [
    // status and ends_at trail the key so a lead's tab counts are read from the index alone.
    index("meetings_lead_timeline_idx").on(t.clientId, t.leadId, t.startsAt.desc(), t.createdAt.desc(), t.id, t.status, t.endsAt),
    // A client's scheduled meetings by end: upcoming ones (the lead list's next-meeting order) and those awaiting an outcome.
    index("meetings_client_scheduled_idx").on(t.clientId, t.endsAt, t.leadId, t.startsAt).where(sql`${t.status} = 'scheduled'`),
    // NULLs are distinct, so only rows carrying both external ids take part in deduplication.
    uniqueIndex("meetings_external_event_unique").on(t.clientId, t.externalCalendarProvider, t.externalEventId),
    // Composite with client_id: the database refuses a meeting on another client's lead.
    foreignKey({ name: "meetings_lead_fk", columns: [t.leadId, t.clientId], foreignColumns: [leads.id, leads.clientId] }).onDelete("cascade"),
    // Set null: in the migration (0012) only the reference column, `ON DELETE SET NULL (host_user_id)`; client_id stays.
    foreignKey({ name: "meetings_host_fk", columns: [t.hostUserId, t.clientId], foreignColumns: [users.id, users.clientId] }).onDelete("set null"),
    foreignKey({ name: "meetings_meeting_type_fk", columns: [t.meetingTypeId, t.clientId], foreignColumns: [meetingTypes.id, meetingTypes.clientId] })
      .onDelete("set null"),
    unique("meetings_id_client_id_unique").on(t.id, t.clientId),
    check("meetings_ends_after_starts", sql`${t.endsAt} > ${t.startsAt}`),
    // Outcome fields belong to their status: leaving the status clears them (the history keeps them).
    check("meetings_cancelled_fields", sql`${t.status} = 'cancelled' or (${t.cancelledAt} is null and ${t.cancellationReason} is null)`),
    check("meetings_cancelled_at_set", sql`${t.status} <> 'cancelled' or ${t.cancelledAt} is not null`),
    check("meetings_no_show_fields", sql`${t.status} = 'no_show' or ${t.noShowReason} is null`),
    check(
      "meetings_outcome_fields",
      sql`${t.status} in ('completed', 'no_show') or (${t.outcomeAt} is null and ${t.outcomeNotes} is null)`,
    ),
  ],
);

/** Append-only: one row per change of a meeting, written in the same transaction as the change. */
export const meetingHistory = pgTable(
  "meeting_history",
  {
    id: id(),
    clientId: clientId(),
    meetingId: uuid("meeting_id").notNull(),
    leadId: uuid("lead_id").notNull(),
    type: text("type", { enum: meetingHistoryTypes }).notNull(),
    // clock_timestamp, not now(): entries written in one transaction (scheduled, then completed) keep their order.
    at: timestamptz("at").notNull().default(sql`clock_timestamp()`),
    actorType: text("actor_type", { enum: actorTypes }).notNull(),
    actorName: text("actor_name"),
    actorUserId: uuid("actor_user_id"),
    reason: text("reason"),
    changes: jsonb("changes").$type<FieldChanges>().notNull().default({}),
  },
  (t) => [
    index("meeting_history_meeting_idx").on(t.clientId, t.meetingId, t.at.desc(), t.id.desc()),
    index("meeting_history_lead_idx").on(t.clientId, t.leadId, t.at.desc(), t.id.desc()),
    foreignKey({ name: "meeting_history_meeting_fk", columns: [t.meetingId, t.clientId], foreignColumns: [meetings.id, meetings.clientId] }).onDelete("cascade"),
    foreignKey({ name: "meeting_history_lead_fk", columns: [t.leadId, t.clientId], foreignColumns: [leads.id, leads.clientId] }).onDelete("cascade"),
    // Set null of actor_user_id only, as meetings_host_fk (migration 0012).
    foreignKey({ name: "meeting_history_actor_fk", columns: [t.actorUserId, t.clientId], foreignColumns: [users.id, users.clientId] }).onDelete("set null"),
  ],
);

/** A client's webhook endpoint: where its meeting events are POSTed, signed with the endpoint's secret. */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: id(),
    clientId: clientId(),
    url: text("url").notNull(),
    events: text("events").array().notNull(),
    description: text("description"),
    enabled: boolean("enabled").notNull().default(true),
    // Kept readable: every delivery is signed with it. Shown to the client once, at creation and rotation.
    secret: text("secret").notNull(),
    disabledReason: text("disabled_reason"),
    // Set at the first failed delivery after a success; an endpoint failing for 3 days is disabled.
    failingSince: timestamptz("failing_since"),
    createdAt: createdAt(),
    updatedAt: timestamptz("updated_at").notNull().default(now),
  },
  (t) => [index("webhook_endpoints_client_idx").on(t.clientId, t.createdAt), unique("webhook_endpoints_id_client_id_unique").on(t.id, t.clientId)],
);

/**
 * One event for one endpoint: written in the transaction that made the change (an outbox), then claimed
 * by a worker (FOR UPDATE SKIP LOCKED) and attempted until it succeeds or its retries run out.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: id(),
    clientId: clientId(),
    endpointId: uuid("endpoint_id").notNull(),
    // The history entry the event is (or a fresh id for a test event); the same on every retry and redelivery.
    eventId: uuid("event_id").notNull(),
    eventType: text("event_type").notNull(),
    test: boolean("test").notNull().default(false),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    eventAt: timestamptz("event_at").notNull().default(now),
    status: text("status", { enum: ["pending", "succeeded", "failed"] }).notNull().default("pending"),
    attemptCount: integer("attempt_count").notNull().default(0),
    nextAttemptAt: timestamptz("next_attempt_at").default(now),
    // A worker's claim; one that died mid-attempt lets it lapse and the delivery is attempted again.
    claimedUntil: timestamptz("claimed_until"),
    createdAt: createdAt(),
  },
  (t) => [
    index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("webhook_deliveries_endpoint_idx").on(t.clientId, t.endpointId, t.createdAt.desc(), t.id.desc()),
    foreignKey({ name: "webhook_deliveries_endpoint_fk", columns: [t.endpointId, t.clientId], foreignColumns: [webhookEndpoints.id, webhookEndpoints.clientId] }).onDelete("cascade"),
    unique("webhook_deliveries_id_client_id_unique").on(t.id, t.clientId),
  ],
);

/** Every attempt of a delivery, for the delivery log. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: id(),
    clientId: clientId(),
    deliveryId: uuid("delivery_id").notNull(),
    attemptedAt: timestamptz("attempted_at").notNull().default(now),
    statusCode: integer("status_code"),
    durationMs: integer("duration_ms").notNull(),
    responseExcerpt: text("response_excerpt"),
    error: text("error"),
  },
  (t) => [
    index("webhook_attempts_delivery_idx").on(t.clientId, t.deliveryId, t.attemptedAt),
    foreignKey({ name: "webhook_attempts_delivery_fk", columns: [t.deliveryId, t.clientId], foreignColumns: [webhookDeliveries.id, webhookDeliveries.clientId] }).onDelete("cascade"),
  ],
);

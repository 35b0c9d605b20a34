import type { PublicDelivery, PublicWebhook } from "@/lib/openapi/responses";
import type { WebhookDelivery, WebhookEndpoint } from "./endpoints";

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** The public shape of an endpoint; the secret only where the caller is meant to see it (creation, rotation). */
export function toPublicWebhook(endpoint: WebhookEndpoint, options: { withSecret?: boolean } = {}): PublicWebhook {
  return {
    id: endpoint.id,
    url: endpoint.url,
    events: endpoint.events,
    description: endpoint.description,
    enabled: endpoint.enabled,
    disabled_reason: endpoint.disabledReason,
    created_at: iso(endpoint.createdAt),
    updated_at: iso(endpoint.updatedAt),
    ...(options.withSecret && { secret: endpoint.secret }),
  };
}

export function toPublicDelivery(delivery: WebhookDelivery): PublicDelivery {
  return {
    id: delivery.id,
    event_id: delivery.eventId,
    event_type: delivery.eventType,
    test: delivery.test,
    status: delivery.status,
    attempt_count: delivery.attemptCount,
    next_attempt_at: delivery.status === "pending" ? iso(delivery.nextAttemptAt) : null,
    created_at: iso(delivery.createdAt),
    attempts: delivery.attempts.map((attempt) => ({
      attempted_at: iso(attempt.attemptedAt),
      status_code: attempt.statusCode,
      duration_ms: attempt.durationMs,
      response_excerpt: attempt.responseExcerpt,
      error: attempt.error,
    })),
  };
}

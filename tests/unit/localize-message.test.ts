import { describe, expect, it } from "vitest";
import type { z } from "zod";
import english from "@/messages/en/validation.json" with { type: "json" };
import spanish from "@/messages/es/validation.json" with { type: "json" };
import { leadInputSchema } from "@/lib/leads/schema";
import { isCatalogued, localizeMessage, type MessageTranslator } from "@/lib/i18n/localize-message";
import { cancelInputSchema, meetingInputSchema, rescheduleInputSchema } from "@/lib/meetings/schema";
import { humanizeFieldError } from "@/lib/meetings/time-form";
import { decideTransition, lifecycleActions } from "@/lib/meetings/transitions";
import { storedMeetingStatuses } from "@/db/enums";
import { webhookInputSchema } from "@/lib/webhooks/schema";
import { createTranslator } from "next-intl";

const translatorFor = (messages: typeof english) =>
  createTranslator({ locale: "es", messages: { validation: messages }, namespace: "validation" }) as unknown as MessageTranslator;
const toSpanish = (message: string) => localizeMessage(message, translatorFor(spanish as typeof english));

function messagesOf(schema: z.ZodType, inputs: unknown[]): string[] {
  return inputs.flatMap((input) => {
    const parsed = schema.safeParse(input);
    return parsed.success ? [] : parsed.error.issues.map((issue) => humanizeFieldError(issue.message));
  });
}

const long = (length: number) => "x".repeat(length);

// Bad values a rep can type into the dashboard's forms, through the same schemas the forms use.
const formMessages = [
  ...messagesOf(meetingInputSchema, [
    {},
    { lead_id: "not-a-uuid", title: "", starts_at: "tomorrow", ends_at: "", timezone: "Mars/Base" },
    { lead_id: "0b0c7d4e-0000-4000-8000-000000000000", title: long(201), starts_at: "2026-05-01T10:00", ends_at: "2026-05-01T09:00", timezone: "UTC" },
    { lead_id: "0b0c7d4e-0000-4000-8000-000000000000", title: "T", starts_at: "2026-05-01T10:00", duration_minutes: 0, timezone: "UTC" },
    { lead_id: "0b0c7d4e-0000-4000-8000-000000000000", title: "T", starts_at: "2026-05-01T10:00", ends_at: "2026-05-01T11:00", duration_minutes: 30, timezone: "UTC" },
    { lead_id: "0b0c7d4e-0000-4000-8000-000000000000", title: "T", starts_at: "2027-03-14T02:30", ends_at: "2027-03-14T01:30", timezone: "America/New_York" },
    { lead_id: "0b0c7d4e-0000-4000-8000-000000000000", title: "T", starts_at: "0000-06-01T10:00", duration_minutes: 30, timezone: "UTC" },
    { lead_id: "0b0c7d4e-0000-4000-8000-000000000000", title: "T", starts_at: "2026-05-01T10:00", duration_minutes: 30, timezone: "UTC", meeting_url: "ftp://x", host_email: "nope", additional_attendees: [{ email: "x" }], location_type: "boat" },
  ]),
  ...messagesOf(rescheduleInputSchema("UTC"), [{ starts_at: "", duration_minutes: 2000 }, { starts_at: "2026-05-01T10:00" }]),
  ...messagesOf(cancelInputSchema, [{ reason: long(3000) }]),
  ...messagesOf(leadInputSchema, [{}, { name: "", email: "bad", phone: long(100), metadata: { "": 1, k: { deep: 1 } } }]),
  ...messagesOf(webhookInputSchema, [{ url: "javascript:alert(1)", events: [] }, { url: "http://example.com", events: ["meeting.nope"] }, { url: "https://user:pw@example.com", events: ["meeting.cancelled"] }]),
];

const refusals = storedMeetingStatuses.flatMap((status) =>
  lifecycleActions.flatMap((action) =>
    [new Date("2000-01-01"), new Date("2100-01-01")].map((startsAt) => decideTransition({ status, confirmedByLead: false, startsAt }, action, new Date("2050-01-01"))),
  ),
).flatMap((decision) => (decision.outcome === "refused" ? [`${decision.because}. Someone may have changed it meanwhile; the page now shows its current state.`] : []));

describe("dashboard messages in the rep's language", () => {
  it("finds messages to check (the inputs above really are refused)", () => {
    expect(formMessages.length).toBeGreaterThan(25);
    expect(refusals.length).toBeGreaterThan(5);
  });

  it.each([...new Set([...formMessages, ...refusals])])("catalogues and translates: %s", (message) => {
    expect(isCatalogued(message)).toBe(true);
    const translated = toSpanish(message);
    expect(translated).not.toBe(message);
    // No English word of the message survives, other than names that are the same in both languages.
    expect(translated).not.toMatch(/\b(must|is required|cannot|meeting(?!\.)|the start|the end|characters)\b/i);
  });

  it("reads the English catalogue back to itself, so English is never changed", () => {
    const englishTranslator = translatorFor(english);
    for (const message of [...formMessages, ...refusals]) expect(localizeMessage(message, englishTranslator)).toBe(message);
  });

  it("translates the parts of a sentence too", () => {
    expect(toSpanish("Cannot confirm a meeting that is cancelled. Someone may have changed it meanwhile; the page now shows its current state.")).toBe(
      "No se puede confirmar una reunión que está cancelada. Puede que alguien la haya cambiado mientras tanto; la página ya muestra su estado actual.",
    );
    expect(toSpanish("must be at most 200 characters")).toBe("debe tener como máximo 200 caracteres");
    expect(toSpanish("must be after the start (02:30 does not exist on 2027-03-14 in America/New_York; it is read as 03:30)")).toBe(
      "debe ser posterior al inicio (las 02:30 no existen el 2027-03-14 en America/New_York; se toma como 03:30)",
    );
  });

  it("leaves text it does not know as it is", () => {
    expect(toSpanish("Acme Corp")).toBe("Acme Corp");
  });

  it("has the same keys in both languages", () => {
    const keys = (catalogue: object): string[] =>
      Object.entries(catalogue).flatMap(([key, value]) => (typeof value === "object" ? keys(value).map((inner) => `${key}.${inner}`) : [key]));
    expect(keys(spanish).sort()).toEqual(keys(english).sort());
  });
});

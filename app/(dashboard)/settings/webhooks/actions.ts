"use server";

import { revalidatePath } from "next/cache";
import { failureFromError, unreadableRequest } from "@/lib/action-failures";
import { requireRep } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { parseForm, type FormResult } from "@/lib/forms";
import {
  createWebhookEndpoint, deleteWebhookEndpoint, redeliver, rotateWebhookSecret, sendTestEvent, setWebhookEnabled,
} from "@/lib/webhooks/endpoints";
import { webhookInputSchema } from "@/lib/webhooks/schema";

const PAGE = "/settings/webhooks";
type SecretResult = FormResult<{ secret: string; url: string }>;

/** Runs a change for the rep's own client and refreshes the page; a service error becomes the form's message. */
async function asRep<T extends object>(change: (db: Awaited<ReturnType<typeof getDb>>, clientId: string) => Promise<T>): Promise<FormResult<T>> {
  const rep = await requireRep(PAGE);
  try {
    const result = await change(await getDb(), rep.clientId);
    revalidatePath(PAGE);
    return { ok: true, ...result };
  } catch (error) {
    return failureFromError(error);
  }
}

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : undefined);

/** "Add endpoint": the API's schema and service; the answer carries the secret, shown this once. */
export async function createWebhookAction(_previous: SecretResult | null, form: FormData): Promise<SecretResult> {
  await requireRep(PAGE);
  if (!(form instanceof FormData)) return unreadableRequest();
  const parsed = parseForm(webhookInputSchema, { url: text(form.get("url")), events: form.getAll("events"), description: text(form.get("description")) });
  if (!parsed.ok) return parsed;
  return asRep(async (db, clientId) => {
    const endpoint = await createWebhookEndpoint(db, { clientId, input: parsed.data });
    return { secret: endpoint.secret, url: endpoint.url };
  });
}

export async function rotateWebhookSecretAction(webhookId: string): Promise<SecretResult> {
  return asRep(async (db, clientId) => {
    const endpoint = await rotateWebhookSecret(db, { clientId, webhookId: String(webhookId) });
    return { secret: endpoint.secret, url: endpoint.url };
  });
}

export async function sendTestEventAction(webhookId: string): Promise<FormResult> {
  return asRep(async (db, clientId) => (await sendTestEvent(db, { clientId, webhookId: String(webhookId) }), {}));
}

export async function setWebhookEnabledAction(webhookId: string, enabled: boolean): Promise<FormResult> {
  return asRep(async (db, clientId) => (await setWebhookEnabled(db, { clientId, webhookId: String(webhookId), enabled: enabled === true }), {}));
}

export async function deleteWebhookAction(webhookId: string): Promise<FormResult> {
  return asRep(async (db, clientId) => (await deleteWebhookEndpoint(db, { clientId, webhookId: String(webhookId) }), {}));
}

export async function redeliverAction(webhookId: string, deliveryId: string): Promise<FormResult> {
  return asRep(async (db, clientId) => (await redeliver(db, { clientId, webhookId: String(webhookId), deliveryId: String(deliveryId) }), {}));
}

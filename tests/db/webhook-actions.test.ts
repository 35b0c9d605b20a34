import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  deleteWebhookAction, redeliverAction, rotateWebhookSecretAction, sendTestEventAction, setWebhookEnabledAction,
} from "@/app/(dashboard)/settings/webhooks/actions";
import type { Database } from "@/db/client";
import { createClient, createUser } from "@/lib/admin/service";
import type { Rep } from "@/lib/auth/session";
import { createWebhookEndpoint, listWebhookDeliveries, sendTestEvent } from "@/lib/webhooks/endpoints";
import { openEmbeddedDatabase, type EmbeddedDatabase } from "@/tests/support/embedded-database";

// The settings page's actions act for the signed-in rep's client only: another client's webhook is
// refused like a missing one and nothing of it changes.
const session = vi.hoisted(() => ({ rep: null as Rep | null, db: null as Database | null }));
vi.mock("@/lib/auth/session", () => ({ requireRep: async () => session.rep }));
vi.mock("@/lib/db", () => ({ getDb: async () => session.db }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let connection: EmbeddedDatabase;
let theirs: { clientId: string; webhookId: string; deliveryId: string; secret: string };

beforeAll(async () => {
  connection = await openEmbeddedDatabase("webhook actions");
  const db = connection.db;
  session.db = db;
  const { client: mine } = await createClient(db, { name: "Mine" });
  const user = await createUser(db, { clientId: mine.id, email: "rep@mine.example", name: "Rep", password: "long-enough-password" });
  session.rep = { userId: user.id, clientId: mine.id, name: "Rep", email: "rep@mine.example", timeZone: "UTC", locale: null };
  const { client: other } = await createClient(db, { name: "Theirs" });
  const webhook = await createWebhookEndpoint(db, { clientId: other.id, input: { url: "https://example.com/theirs", events: ["meeting.cancelled"] } });
  const delivery = await sendTestEvent(db, { clientId: other.id, webhookId: webhook.id });
  theirs = { clientId: other.id, webhookId: webhook.id, deliveryId: delivery.id, secret: webhook.secret };
}, 60_000);

afterAll(async () => {
  await connection.close();
});

const refused = { ok: false, fieldErrors: {}, formError: "This webhook endpoint no longer exists in your account." };

describe("webhook settings actions on a disabled endpoint of the rep's own", () => {
  it("refuse to send a test event or redeliver, and queue nothing", async () => {
    const db = session.db!;
    const mine = await createWebhookEndpoint(db, { clientId: session.rep!.clientId, input: { url: "https://example.com/mine", events: ["meeting.cancelled"] } });
    const sent = await sendTestEvent(db, { clientId: session.rep!.clientId, webhookId: mine.id });
    expect(await setWebhookEnabledAction(mine.id, false)).toMatchObject({ ok: true });

    const disabled = { ok: false, fieldErrors: {}, formError: "This endpoint is disabled. Enable it before sending to it." };
    expect(await sendTestEventAction(mine.id)).toEqual(disabled);
    expect(await redeliverAction(mine.id, sent.id)).toEqual(disabled);
    expect((await listWebhookDeliveries(db, { clientId: session.rep!.clientId, webhookId: mine.id })).map((d) => d.id)).toEqual([sent.id]);

    expect(await setWebhookEnabledAction(mine.id, true)).toMatchObject({ ok: true });
    expect(await sendTestEventAction(mine.id)).toMatchObject({ ok: true });
  });
});

describe("webhook settings actions with another client's webhook", () => {
  it("refuse each action like a missing endpoint and change nothing", async () => {
    expect(await sendTestEventAction(theirs.webhookId)).toEqual(refused);
    expect(await setWebhookEnabledAction(theirs.webhookId, false)).toEqual(refused);
    expect(await rotateWebhookSecretAction(theirs.webhookId)).toEqual(refused);
    expect(await redeliverAction(theirs.webhookId, theirs.deliveryId)).toEqual(refused);
    expect(await deleteWebhookAction(theirs.webhookId)).toEqual(refused);

    const db = session.db!;
    const deliveries = await listWebhookDeliveries(db, { clientId: theirs.clientId, webhookId: theirs.webhookId });
    expect(deliveries.map((d) => d.id)).toEqual([theirs.deliveryId]);
    const [endpoint] = await db.query.webhookEndpoints.findMany({ where: (e, { eq }) => eq(e.id, theirs.webhookId) });
    expect(endpoint).toMatchObject({ enabled: true, secret: theirs.secret });
  });
});

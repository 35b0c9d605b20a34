import { getDb, openDatabaseInBackground } from "@/lib/db";
import { startWebhookWorker } from "@/lib/webhooks/worker";

// scripts/serve.ts (outside Next's bundle) finds the worker here to let its sends finish on shutdown.
const WORKER_KEY = Symbol.for("nexor.webhookWorker");

export function onServerStart() {
  console.log(`Nexor Meetings server on Node.js ${process.version}`);
  openDatabaseInBackground();
  if (process.env.WEBHOOK_WORKER !== "0") {
    (globalThis as Record<symbol, unknown>)[WORKER_KEY] = startWebhookWorker(getDb);
  }
}

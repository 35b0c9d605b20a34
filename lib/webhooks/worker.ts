import type { Database } from "@/db/client";
import { log } from "@/lib/observability/log";
import { attemptDelivery, claimDueDeliveries, closeForDisabledEndpoint, recordAttempt } from "./delivery";

/**
 * The delivery worker, running in the app's process: it polls for due deliveries (claimed with
 * FOR UPDATE SKIP LOCKED, so any number of app instances can run one), sends them a few at a time, and
 * on shutdown stops claiming and waits (bounded) for the sends in flight. Anything unsent stays in the
 * table for the next start.
 */
export type WebhookWorker = { stop: (graceMs: number) => Promise<void>; runOnce: () => Promise<number> };

const pollIntervalMs = () => Number(process.env.WEBHOOK_POLL_INTERVAL_MS ?? 1000);
const CONCURRENCY = 4;

export function startWebhookWorker(getDb: () => Promise<Database>): WebhookWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const inFlight = new Set<Promise<void>>();

  async function runOnce(): Promise<number> {
    const db = await getDb();
    const claimed = await claimDueDeliveries(db, { limit: CONCURRENCY });
    await Promise.all(
      claimed.map((delivery) => {
        const send = (async () => {
          if (!delivery.enabled) return closeForDisabledEndpoint(db, delivery);
          await recordAttempt(db, delivery, await attemptDelivery(delivery));
        })().catch((error) => log.error({ err: error, delivery_id: delivery.id }, "a webhook delivery could not be recorded"));
        inFlight.add(send);
        return send.finally(() => inFlight.delete(send));
      }),
    );
    return claimed.length;
  }

  async function loop() {
    if (stopped) return;
    let busy = false;
    try {
      busy = (await runOnce()) > 0;
    } catch {
      // The database is down or the server is still opening it: try again at the next tick.
    }
    if (!stopped) timer = setTimeout(loop, busy ? 0 : pollIntervalMs());
  }
  timer = setTimeout(loop, 0);

  return {
    runOnce,
    async stop(graceMs) {
      stopped = true;
      clearTimeout(timer);
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
    },
  };
}

import http from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedWebhook = { headers: http.IncomingHttpHeaders; body: string; json: any };

/**
 * A real HTTP receiver on loopback. `answer` decides each response's status (by the 1-based count of
 * requests so far), sent after `delayMs`; everything received is kept in order.
 */
export async function startReceiver(answer: (count: number) => number = () => 200, options: { delayMs?: number } = {}) {
  const received: ReceivedWebhook[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({ headers: request.headers, body, json: JSON.parse(body) });
      const status = answer(received.length);
      const reply = () => response.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "thanks" : `refused ${received.length}`);
      if (options.delayMs) setTimeout(reply, options.delayMs);
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    /** Waits (up to 15 s) until `count` requests have arrived. */
    async waitFor(count: number) {
      const deadline = Date.now() + 15_000;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} webhook requests, got ${received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return received.slice(0, count);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

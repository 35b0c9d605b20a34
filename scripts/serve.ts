/**
 * `npm start`: the production server (run `npm run build` first). It is `next start` plus what
 * `next start` cannot set: Node's request and header timeouts, so a client that sends its headers or
 * body slowly cannot hold a connection for Node's default 300 s.
 *
 *   npm start [-- --port 3000 --hostname 0.0.0.0]      (or PORT / HOSTNAME)
 *   REQUEST_TIMEOUT_MS (default 30000), HEADERS_TIMEOUT_MS (default 10000)
 */
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import next from "next";

const { values } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME ?? "0.0.0.0";
const requestTimeout = Number(process.env.REQUEST_TIMEOUT_MS ?? 30_000);
process.env.PORT = String(port); // the start banner prints URLs with it
const headersTimeout = Math.min(Number(process.env.HEADERS_TIMEOUT_MS ?? 10_000), requestTimeout);

const app = next({ dev: false, hostname, port, dir: path.join(import.meta.dirname, "..") });
const handle = app.getRequestHandler();
await app.prepare();

const trustProxy = process.env.TRUST_PROXY === "1";

/** The caller's address for per-IP limits: the socket's, or behind a trusted proxy the first X-Forwarded-For hop. */
function clientAddress(request: http.IncomingMessage): string {
  const forwarded = trustProxy ? String(request.headers["x-forwarded-for"] ?? "").split(",")[0].trim() : "";
  return forwarded || request.socket.remoteAddress || "unknown";
}

const server = http.createServer(
  // Node enforces both timeouts on a periodic check; a second keeps them close to their values.
  { requestTimeout, headersTimeout, connectionsCheckingInterval: 1_000 },
  (request, response) => {
    request.headers["x-nexor-client-ip"] = clientAddress(request); // replaces any a client sent
    void handle(request, response);
  },
);
server.listen(port, hostname, () => {
  console.log(`Nexor Meetings listening on http://${hostname}:${port} (request timeout ${requestTimeout / 1000} s, headers ${headersTimeout / 1000} s)`);
});

// Graceful shutdown: stop accepting, let in-flight requests finish (at most SHUTDOWN_GRACE_MS), then exit;
// the exit releases the embedded database's lock and ends the PostgreSQL pool.
const graceMs = Number(process.env.SHUTDOWN_GRACE_MS ?? 10_000);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    const exit = () => void app.close().finally(() => process.exit(0));
    server.close(exit);
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections();
      exit();
    }, graceMs).unref();
  });
}

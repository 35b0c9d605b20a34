/**
 * `npm start`: the production server (run `npm run build` first). It is `next start` plus what
 * `next start` cannot set: Node's request and header timeouts, so a client that sends its headers or
 * body slowly cannot hold a connection for Node's default 300 s.
 *
 *   npm start [-- --port 3000 --hostname 0.0.0.0]      (or PORT / HOSTNAME)
 *   REQUEST_TIMEOUT_MS (default 30000), HEADERS_TIMEOUT_MS (default 10000)
 *   LOG_REQUESTS=0 turns the per-request log line off
 *
 * Every answer carries an X-Request-Id (the caller's, when it is a safe token, else a new UUID), and each
 * request is logged as one JSON line when it ends: method, path (never the query: it may hold emails),
 * status, duration, client and user when known. Never a key, a cookie, a password or a body.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import next from "next";
import pino from "pino";

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

type RequestContext = { requestId: string; clientId?: string; userId?: string };
const requestContext = new AsyncLocalStorage<RequestContext>();
// lib/observability/request-context.ts (inside Next's bundle) reads and annotates it through this key.
(globalThis as Record<symbol, unknown>)[Symbol.for("nexor.requestContext")] = requestContext;

const logRequests = process.env.LOG_REQUESTS !== "0";
// Written asynchronously (a request never waits for stdout), flushed at shutdown.
const logDestination = pino.destination({ sync: false });
const requestLog = pino(
  { base: undefined, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } },
  logDestination,
);
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function requestIdOf(request: http.IncomingMessage): string {
  const given = request.headers["x-request-id"];
  return typeof given === "string" && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}

function logWhenDone(request: http.IncomingMessage, response: http.ServerResponse, context: RequestContext, started: number) {
  let logged = false;
  const done = () => {
    if (logged) return;
    logged = true;
    const completed = response.writableFinished;
    requestLog[response.statusCode >= 500 ? "error" : "info"]({
      request_id: context.requestId,
      method: request.method,
      path: (request.url ?? "/").split("?")[0],
      status: completed ? response.statusCode : null,
      duration_ms: Math.round((performance.now() - started) * 10) / 10,
      client_id: context.clientId ?? null,
      user_id: context.userId ?? null,
      ...(!completed && { aborted: true }),
    }, "request");
  };
  response.once("finish", done);
  response.once("close", done);
}

const server = http.createServer(
  // Node enforces both timeouts on a periodic check; a second keeps them close to their values.
  { requestTimeout, headersTimeout, connectionsCheckingInterval: 1_000 },
  (request, response) => {
    const started = performance.now();
    request.headers["x-nexor-client-ip"] = clientAddress(request); // replaces any a client sent
    const context: RequestContext = { requestId: requestIdOf(request) };
    request.headers["x-request-id"] = context.requestId;
    response.setHeader("x-request-id", context.requestId);
    if (logRequests) logWhenDone(request, response, context, started);
    requestContext.run(context, () => void handle(request, response));
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
    // Webhook sends in flight get the same grace; unsent deliveries stay queued for the next start.
    const worker = (globalThis as Record<symbol, { stop(graceMs: number): Promise<void> } | undefined>)[Symbol.for("nexor.webhookWorker")];
    const stopWorker = worker?.stop(graceMs) ?? Promise.resolve();
    const exit = () => void stopWorker.then(() => app.close()).finally(() => {
      try {
        logDestination.flushSync();
      } finally {
        process.exit(0);
      }
    });
    server.close(exit);
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections();
      exit();
    }, graceMs).unref();
  });
}

import type { AsyncLocalStorage } from "node:async_hooks";

/**
 * What the request log line needs to know from inside Next's handlers: scripts/serve.ts runs each request
 * in an AsyncLocalStorage it publishes under this symbol, and the API wrapper and the session lookup note
 * who the caller is. Outside that server (next dev, tests) there is no store and these do nothing.
 */
export type RequestContext = { requestId: string; clientId?: string; userId?: string };

export const REQUEST_CONTEXT_KEY = Symbol.for("nexor.requestContext");

const store = () =>
  (globalThis as Record<symbol, AsyncLocalStorage<RequestContext> | undefined>)[REQUEST_CONTEXT_KEY]?.getStore();

export const currentRequestId = (): string | undefined => store()?.requestId;

export function noteRequestCaller(caller: { clientId: string; userId?: string }): void {
  const context = store();
  if (!context) return;
  context.clientId = caller.clientId;
  if (caller.userId) context.userId = caller.userId;
}

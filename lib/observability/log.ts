import pino from "pino";
import { currentRequestId } from "./request-context";

/** The app's structured log (JSON lines on stdout), each line carrying the request id when there is one. */
export const log = pino({
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  mixin: () => {
    const requestId = currentRequestId();
    return requestId ? { request_id: requestId } : {};
  },
});

import { describe, expect, it } from "vitest";
import { errorResponse } from "@/lib/api/public-route";
import { AppError, leadNotFound, serviceUnavailable } from "@/lib/errors";

// DECISIONS.md: every error body is {error, code, …}, and a 500 says nothing about what failed. No input
// reaches a 500 through HTTP (that is the point), so the mapping is pinned here.
describe("errorResponse", () => {
  it("answers an unexpected error with a 500 that names nothing internal: the sentence, the code, the request id", async () => {
    const response = errorResponse(new Error("relation \"meetings\" does not exist at /app/lib/meetings/queries.ts:42"));
    expect(response.status).toBe(500);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ error: "Internal server error", code: "internal_error", request_id: null });
  });

  it("answers an AppError with its code's status and body", async () => {
    const response = errorResponse(leadNotFound());
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "Lead not found or does not belong to your account", code: "lead_not_found" });
  });

  it("puts Retry-After on a 503 and closes the connection when the error asks", async () => {
    const unavailable = errorResponse(serviceUnavailable());
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get("retry-after")).toBe("5");
    const tooLarge = errorResponse(new AppError("payload_too_large", "Request body is larger than 64 KB", { closeConnection: true }));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get("connection")).toBe("close");
  });
});

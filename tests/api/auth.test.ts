import { describe, expect, it } from "vitest";
import { api, fixtures } from "../support/api";

const path = `/leads/${fixtures.timeline.leadId}/meetings`;

describe("authentication (X-API-Key)", () => {
  it("answers 401 missing_api_key with the documented texts when the header is absent", async () => {
    const response = await api("GET", path, { key: null });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      error: "Missing API key",
      message: "Please provide your API key in the X-API-Key header",
      code: "missing_api_key",
    });
  });

  it.each([
    ["empty", ""],
    ["blank", "   "],
  ])("treats an %s X-API-Key header as missing", async (_label, key) => {
    const response = await api("GET", path, { key });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe("missing_api_key");
  });

  it.each([
    ["malformed", "not-a-key"],
    ["too short", `nxr_live_${"a".repeat(31)}`],
    ["another product's prefix", `nxr_test_${"a".repeat(40)}`],
    ["unknown", `nxr_live_${"x".repeat(40)}`],
    ["revoked", fixtures.tenantA.revokedApiKey],
  ])("answers the same 401 invalid_api_key for a %s key", async (_label, key) => {
    const response = await api("GET", path, { key });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: "Invalid API key", message: "The provided API key is not valid", code: "invalid_api_key" });
  });

  it("answers 401 before validating the body or looking at the lead", async () => {
    for (const [method, target, body] of [
      ["POST", "/meetings", "{not json"],
      ["POST", "/leads", { first_name: "" }],
      ["PATCH", "/leads/not-a-uuid", {}],
      ["GET", "/leads/not-a-uuid/meetings?status=bogus", undefined],
    ] as const) {
      const response = await api(method, target, { key: fixtures.tenantB.revokedApiKey, body });
      expect(response.status).toBe(401);
      expect(response.body.code).toBe("invalid_api_key");
    }
  });

  it("accepts a valid key", async () => {
    const response = await api("GET", path);
    expect(response.status).toBe(200);
    expect(response.body.success).toBe(true);
  });
});

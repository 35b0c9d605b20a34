import { describe, expect, it } from "vitest";
import { majorOf, pinnedNodeMajor } from "../support/node-version";
import { baseUrl } from "../support/api";

describe("GET /api/health", () => {
  it("answers 200 JSON with the database up and the Node.js version the server runs on (the pinned one)", async () => {
    const response = await fetch(`${baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", ok: true, database: "up" });
    expect(majorOf(body.node)).toBe(pinnedNodeMajor());
  });
});

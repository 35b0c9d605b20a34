import { describe, expect, it } from "vitest";
import { api, fixtures, keyA } from "../support/api";

describe("rate limits per API key", () => {
  it("answers 429 rate_limited with Retry-After once a key's burst is spent, and RateLimit headers on every answer", async () => {
    // The fixture tenant "limited" allows 6 a minute with a burst of 1: one request, then a 10 s wait.
    const key = fixtures.limited.apiKey;
    const first = await api("GET", "/leads?q=x", { key });
    expect(first.status).toBe(200);
    expect(first.headers.get("ratelimit-policy")).toBe('"per-key";q=6;w=60;burst=1');
    expect(first.headers.get("ratelimit")).toMatch(/^"per-key";r=0;t=(9|10)$/);

    const second = await api("GET", "/leads?q=x", { key });
    expect(second.status).toBe(429);
    expect(second.body).toEqual({ error: "Too many requests", message: expect.stringMatching(/^Retry in \d+ s$/), code: "rate_limited" });
    const retryAfter = Number(second.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(10);
    expect(second.headers.get("ratelimit")).toMatch(/^"per-key";r=0;t=\d+$/);
  });

  it("counts each key on its own: another client's key is not slowed by the limited one", async () => {
    await api("GET", "/leads?q=x", { key: fixtures.limited.apiKey });
    const response = await api("GET", "/leads?q=x", { key: keyA });
    expect(response.status).toBe(200);
    expect(response.headers.get("ratelimit-policy")).toMatch(/^"per-key";q=\d+;w=60;burst=\d+$/);
  });

  it("puts the per-IP policy on answers to a missing or invalid key", async () => {
    const response = await api("GET", "/leads", { key: null });
    expect(response.status).toBe(401);
    expect(response.headers.get("ratelimit-policy")).toMatch(/^"per-ip";q=\d+;w=60;burst=\d+$/);
  });
});

import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/lib/http/security-headers";

const directives = (policy: string) => Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("contentSecurityPolicy", () => {
  it("allows scripts only from this origin with the nonce, and never inline or eval in production", () => {
    const policy = directives(contentSecurityPolicy("abc123", { development: false }));
    expect(policy["script-src"]).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy["object-src"]).toEqual(["'none'"]);
    expect(policy["base-uri"]).toEqual(["'none'"]);
  });

  it("adds unsafe-eval for scripts in development only", () => {
    expect(directives(contentSecurityPolicy("n", { development: true }))["script-src"]).toContain("'unsafe-eval'");
  });
});

import { describe, expect, it } from "vitest";
import { guardedLookup, isPrivateAddress, webhookHostProblem, webhookUrlPolicy, webhookUrlProblem } from "@/lib/webhooks/url-guard";
import { signatureHeader, verifySignature } from "@/lib/webhooks/signing";

const production = webhookUrlPolicy({ NODE_ENV: "production" });
const development = webhookUrlPolicy({ NODE_ENV: "development" });
const productionWithLoopback = webhookUrlPolicy({ NODE_ENV: "production", WEBHOOKS_ALLOW_HTTP_LOOPBACK: "1" });

describe("webhook URL guard", () => {
  it.each(["https://hooks.example.com/in", "https://93.184.216.34/in"])("accepts the public https URL %s in production", (url) => {
    expect(webhookUrlProblem(url, production)).toBeNull();
  });

  it.each([
    ["http://hooks.example.com/in", "must use https"],
    ["javascript:alert(1)", "must use https"],
    ["file:///etc/passwd", "must use https"],
    ["not a url", "must be an absolute URL"],
    ["https://u:p@hooks.example.com/in", "must not contain a user name or password"],
    ["http://127.0.0.1:8080/in", "must use https"],
    ["https://localhost/in", "must not point to a private, loopback or link-local address"],
    ["https://10.1.2.3/in", "must not point to a private, loopback or link-local address"],
    ["https://169.254.169.254/latest/meta-data", "must not point to a private, loopback or link-local address"],
    ["https://[::1]/in", "must not point to a private, loopback or link-local address"],
    ["https://[fd00::1]/in", "must not point to a private, loopback or link-local address"],
  ])("refuses %s in production: %s", (url, problem) => {
    expect(webhookUrlProblem(url, production)).toBe(problem);
  });

  it("allows plain http to loopback only outside production or when allowed explicitly", () => {
    expect(webhookUrlProblem("http://127.0.0.1:8080/in", development)).toBeNull();
    expect(webhookUrlProblem("http://localhost:8080/in", productionWithLoopback)).toBeNull();
    expect(webhookUrlProblem("http://10.0.0.5/in", development)).toBe("must use https");
  });

  it.each([
    ["127.0.0.1", true], ["10.0.0.1", true], ["172.16.0.1", true], ["172.31.255.255", true], ["172.32.0.1", false],
    ["192.168.1.1", true], ["169.254.169.254", true], ["100.64.0.1", true], ["0.0.0.0", true], ["8.8.8.8", false],
    ["::1", true], ["fe80::1", true], ["fc00::1", true], ["::ffff:127.0.0.1", true], ["2606:4700::1111", false],
  ])("classes %s as private: %s", (address, isPrivate) => {
    expect(isPrivateAddress(address)).toBe(isPrivate);
  });
});

describe("webhook host resolution (production)", () => {
  const resolvingTo = (address: string) => async () => [{ address }];

  it("refuses a host that resolves to a private address, and accepts one that resolves to a public one", async () => {
    expect(await webhookHostProblem("https://intranet.example.com/in", production, resolvingTo("10.0.0.7"))).toBe(
      "must not point to a private, loopback or link-local address",
    );
    expect(await webhookHostProblem("https://hooks.example.com/in", production, resolvingTo("93.184.216.34"))).toBeNull();
    expect(await webhookHostProblem("https://intranet.example.com/in", productionWithLoopback, resolvingTo("10.0.0.7"))).toBeNull();
  });

  it("refuses a host that does not resolve", async () => {
    const unresolvable = async () => Promise.reject(new Error("ENOTFOUND"));
    expect(await webhookHostProblem("https://nowhere.invalid/in", production, unresolvable)).toBe("must name a host that resolves");
  });

  it("refuses, at connection time, a name that resolves to loopback (what a DNS rebinding would do)", async () => {
    const lookup = guardedLookup(production);
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => lookup("localhost", {}, (err) => resolve(err)));
    expect(error?.code).toBe("EPRIVATEADDRESS");
    const allowed = await new Promise<NodeJS.ErrnoException | null>((resolve) => guardedLookup(productionWithLoopback)("localhost", {}, (err) => resolve(err)));
    expect(allowed).toBeNull();
  });
});

describe("webhook signatures", () => {
  const secret = "whsec_test";
  const body = '{"event_type":"meeting.cancelled"}';

  it("verifies a fresh signature and refuses a changed body, another secret or an old timestamp", () => {
    const now = 1_800_000_000;
    const header = signatureHeader(secret, now, body);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature({ secret, header, body, nowSeconds: now })).toBe(true);
    expect(verifySignature({ secret, header, body: body.replace("cancelled", "completed"), nowSeconds: now })).toBe(false);
    expect(verifySignature({ secret: "whsec_other", header, body, nowSeconds: now })).toBe(false);
    expect(verifySignature({ secret, header, body, nowSeconds: now + 300 })).toBe(true);
    expect(verifySignature({ secret, header, body, nowSeconds: now + 301 })).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { actionBodyProblem, crossSiteProblem, hasMalformedEncoding, jsonDepth } from "@/lib/http/request-guards";

describe("hasMalformedEncoding", () => {
  it.each(["/api/public/leads/%ZZ", "/api/public/leads/%ED%A0%80", "/api/public/leads/%C0%AF/meetings", "/leads/%", "/leads/%E0%A4"])(
    "%s is malformed",
    (path) => expect(hasMalformedEncoding(path)).toBe(true),
  );
  it.each(["/leads", "/leads/%C3%A9", "/api/public/leads/%25ZZ", "/a%20b"])("%s is fine", (path) => expect(hasMalformedEncoding(path)).toBe(false));
});

describe("crossSiteProblem", () => {
  const headers = (fields: Record<string, string>) => new Headers({ host: "crm.example:3000", ...fields });
  const direct = { trustProxy: false };

  it("accepts an Origin naming this host", () => {
    expect(crossSiteProblem(headers({ origin: "http://crm.example:3000" }), direct)).toBeNull();
  });

  it.each([
    ["a foreign Origin", { origin: "http://evil.example" }],
    ["Origin: null", { origin: "null" }],
    ["a garbage Origin", { origin: "garbage" }],
    ["no Origin and no Sec-Fetch-Site", {}],
    ["no Origin and a cross-site fetch", { "sec-fetch-site": "cross-site" }],
    ["a forwarded host matching a foreign Origin, without TRUST_PROXY", { "x-forwarded-host": "evil.example", origin: "http://evil.example" }],
  ])("refuses %s", (_label, fields) => {
    expect(crossSiteProblem(headers(fields), direct)).not.toBeNull();
  });

  it("accepts no Origin when the browser says same-origin", () => {
    expect(crossSiteProblem(headers({ "sec-fetch-site": "same-origin" }), direct)).toBeNull();
  });

  it("uses the first X-Forwarded-Host only with TRUST_PROXY", () => {
    const proxied = headers({ "x-forwarded-host": "crm.example.com, internal:3000", origin: "https://crm.example.com" });
    expect(crossSiteProblem(proxied, { trustProxy: true })).toBeNull();
    expect(crossSiteProblem(proxied, direct)).not.toBeNull();
  });
});

describe("jsonDepth", () => {
  it.each([
    ["[]", 1], ['{"a":[1,{"b":2}]}', 3], ['["[[[[", "}}}"]', 1], ['["\\"[[[["]', 1], ["1", 0],
  ])("%s → %i", (text, depth) => expect(jsonDepth(text)).toBe(depth));
});

describe("actionBodyProblem", () => {
  const request = (type: string | null, body: string) =>
    new Request("http://crm.example/sign-in", { method: "POST", headers: type ? { "content-type": type } : {}, body });

  it("accepts the shapes browsers send", async () => {
    expect(await actionBodyProblem(request("text/plain;charset=UTF-8", '["$K1",{"a":1}]'))).toBeNull();
    expect(await actionBodyProblem(request("application/x-www-form-urlencoded", "a=1"))).toBeNull();
  });

  it.each([
    ["invalid JSON", "text/plain", "{not json"],
    ["JSON nested 65 deep", "text/plain", `${"[".repeat(65)}${"]".repeat(65)}`],
    ["a JSON content type", "application/json", '{"a":1}'],
    ["no content type", null, "x"],
    ["a broken multipart body", "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1"],
  ])("refuses %s", async (_label, type, body) => {
    expect(await actionBodyProblem(request(type, body))).not.toBeNull();
  });

  it("takes JSON nested exactly 64 deep", async () => {
    expect(await actionBodyProblem(request("text/plain", `${"[".repeat(64)}${"]".repeat(64)}`))).toBeNull();
  });
});

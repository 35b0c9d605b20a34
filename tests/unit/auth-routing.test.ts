import { describe, expect, it } from "vitest";
import { safeReturnPath, signInPath } from "@/lib/auth/routing";

describe("safeReturnPath", () => {
  it.each([
    ["/leads/123?tab=past", "/leads/123?tab=past"],
    ["/leads?q=tony", "/leads?q=tony"],
    ["https://evil.example.com/leads", "/leads"],
    ["//evil.example.com/leads", "/leads"],
    ["/\\evil.example.com", "/leads"],
    // Paths that only become another origin once normalised: the checks run on the normalised form.
    ["/.//evil.example/phish", "/leads"],
    ["/leads/..//evil.example", "/leads"],
    ["/leads/../..//evil.example/x", "/leads"],
    ["/./\\evil.example", "/leads"],
    ["/\t/evil.example", "/leads"],
    ["/%2e/%2fevil.example", "/%2fevil.example"],
    ["/leads/../sign-in", "/leads"],
    ["/leads/./abc/../def?tab=past", "/leads/def?tab=past"],
    ["javascript:alert(1)", "/leads"],
    ["leads", "/leads"],
    ["/sign-in?next=/leads", "/leads"],
    [undefined, "/leads"],
    [["/leads/1"], "/leads"],
  ])("%s → %s", (value, path) => {
    expect(safeReturnPath(value)).toBe(path);
  });
});

describe("signInPath", () => {
  it("carries the page to come back to", () => {
    expect(signInPath("/leads/abc?tab=past")).toBe("/sign-in?next=%2Fleads%2Fabc%3Ftab%3Dpast");
    expect(signInPath()).toBe("/sign-in");
    expect(signInPath("https://evil.example.com")).toBe("/sign-in");
  });

  it("says when the session has ended", () => {
    expect(signInPath("/leads/abc?tab=past", { sessionEnded: true })).toBe("/sign-in?next=%2Fleads%2Fabc%3Ftab%3Dpast&ended=1");
    expect(signInPath(undefined, { sessionEnded: true })).toBe("/sign-in?ended=1");
  });
});

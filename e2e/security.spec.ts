import { expect, test } from "@playwright/test";
import { SignInPage } from "./pages/sign-in-page";
import { fixtures } from "./support";

test("pages carry a nonce CSP and security headers, and using them reports no CSP violation", async ({ page, request }) => {
  const violations: string[] = [];
  await page.exposeFunction("reportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportViolation: (t: string) => void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });

  const signInResponse = await request.get("/sign-in");
  const csp = signInResponse.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(signInResponse.headers()["x-content-type-options"]).toBe("nosniff");
  expect(signInResponse.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(signInResponse.headers()["x-frame-options"]).toBe("DENY");
  const second = (await request.get("/sign-in")).headers()["content-security-policy"];
  expect(second).not.toBe(csp); // a fresh nonce per response

  await new SignInPage(page).signInAs(fixtures.dashboard.rep);
  await page.goto(`/leads/${fixtures.dashboard.timeline.leadId}?tab=past`);
  await page.getByRole("tab", { name: /Upcoming/ }).click();
  await page.getByRole("button", { name: "Log meeting" }).click();
  await expect(page.getByRole("form", { name: "Log meeting" })).toBeVisible();
  await page.goto("/leads?q=a");
  await page.getByRole("button", { name: "New lead" }).click();
  await expect(page.getByRole("dialog", { name: "New lead" })).toBeVisible();
  await page.goto("/settings/webhooks");
  await page.getByTestId("rep-name").click();
  await page.goto("/no-such-page");
  expect(violations).toEqual([]);
});

test("the API answers carry nosniff too", async ({ request }) => {
  const response = await request.get("/api/public/leads/x/meetings");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});

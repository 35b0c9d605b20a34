import { expect, test } from "@playwright/test";
import { saveScreenshot } from "./support";

test("the API reference works from this origin alone: with every other host cut off, it renders the whole API", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const elsewhere: string[] = [];
  const notFound: string[] = [];
  page.on("response", (response) => void (response.status() === 404 && notFound.push(response.url())));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    elsewhere.push(url);
    return route.abort();
  });
  const violations: string[] = [];
  await page.exposeFunction("reportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportViolation: (t: string) => void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });

  await page.goto("/docs");
  await expect(page.getByText("Nexor Meetings public API").first()).toBeVisible({ timeout: 20_000 });
  const sidebar = page.getByRole("complementary", { name: /Sidebar/ });
  for (const group of ["Leads", "Meetings", "History", "Meeting lifecycle", "Webhooks", "Webhook events", "Models"]) {
    await expect(sidebar.getByRole("link", { name: group, exact: true }).first(), group).toBeVisible();
  }
  await expect(sidebar.getByRole("link", { name: /Find leads/ })).toBeVisible();
  await sidebar.getByRole("button", { name: "Open Group - Meetings" }).click();
  await expect(sidebar.getByRole("link", { name: /Log a meeting booked elsewhere/ })).toBeVisible();
  await saveScreenshot(page, "api-docs", { fullPage: false });
  expect(elsewhere).toEqual([]);
  expect(notFound).toEqual([]); // nothing the page asks for is missing
  // The bundle's zod probes once whether eval works (`Function("")`, to pick its faster validator); our
  // CSP refuses it, as it should, and zod falls back. Nothing else may be refused.
  expect(violations.filter((violation) => violation !== "script-src eval")).toEqual([]);
});

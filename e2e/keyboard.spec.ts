import { expect, test, type Locator, type Page } from "@playwright/test";
import { LeadPage } from "./pages/lead-page";
import { SignInPage } from "./pages/sign-in-page";
import { createLeadViaApi, fixtures } from "./support";

/** Presses Tab until `target` has focus (as a keyboard user would), failing after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let presses = 0; presses < max; presses++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

test("a rep signs in, finds a lead, logs a meeting and switches tabs with the keyboard alone", async ({ page, request }) => {
  test.setTimeout(90_000);
  const created = await createLeadViaApi(request, "Keyboard");
  const signIn = new SignInPage(page);
  await signIn.goto();
  await tabTo(page, signIn.email());
  await page.keyboard.type(fixtures.dashboard.rep.email);
  await page.keyboard.press("Tab");
  await expect(signIn.password()).toBeFocused();
  await page.keyboard.type(fixtures.dashboard.rep.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/leads$/);

  // The first Tab on a dashboard page offers the skip link, which moves focus past the top bar.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();

  await tabTo(page, page.getByRole("searchbox", { name: "Search leads" }));
  await page.keyboard.type(created.email);
  await page.keyboard.press("Enter");
  const result = page.getByRole("link", { name: new RegExp(created.full_name) });
  await tabTo(page, result);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/leads/${created.id}`));

  const lead = new LeadPage(page);
  await tabTo(page, lead.openFormButton());
  await page.keyboard.press("Enter");
  await tabTo(page, lead.field("Title"));
  await page.keyboard.type("Planned by keyboard");
  await tabTo(page, lead.field("Start"));
  // A datetime-local field takes its parts in order: month, day, year (which takes up to six digits, so
  // the arrow moves on), then hour, minute and AM/PM.
  const start = new Date(Date.now() + 3 * 86_400_000);
  await page.keyboard.type(`${String(start.getMonth() + 1).padStart(2, "0")}${String(start.getDate()).padStart(2, "0")}${start.getFullYear()}`);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.type("1000AM");
  await tabTo(page, lead.saveButton());
  await page.keyboard.press("Enter");
  await expect(lead.notice()).toHaveText("Meeting logged in Upcoming.");
  await expect(lead.meeting("Planned by keyboard")).toHaveCount(1);

  await tabTo(page, lead.tab("Upcoming"));
  await page.keyboard.press("ArrowRight");
  await expect(lead.tab("Past")).toHaveAttribute("aria-selected", "true");
  await expect(lead.tab("Past")).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(lead.tab("No-show")).toHaveAttribute("aria-selected", "true");
});

import { expect, test } from "@playwright/test";
import { LeadPage } from "./pages/lead-page";
import { LeadsPage } from "./pages/leads-page";
import { SignInPage } from "./pages/sign-in-page";
import { fixtures, saveScreenshot } from "./support";

test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

const horizontalOverflow = (page: import("@playwright/test").Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test("at 375 px the pages fit the width and the tabs work by touch", async ({ page }) => {
  await new SignInPage(page).goto();
  expect(await horizontalOverflow(page)).toBe(0);
  await saveScreenshot(page, "mobile-sign-in");

  await new SignInPage(page).signInAs(fixtures.dashboard.rep);
  const leads = new LeadsPage(page);
  await leads.goto();
  await expect(leads.row(fixtures.dashboard.timeline.leadName)).toBeVisible();
  expect(await horizontalOverflow(page)).toBe(0);
  await saveScreenshot(page, "mobile-leads");

  const lead = new LeadPage(page);
  await lead.goto(fixtures.dashboard.timeline.leadId);
  await expect(lead.tabList()).toBeVisible();
  expect(await horizontalOverflow(page)).toBe(0);
  await lead.tab("No-show").tap();
  await expect(lead.tab("No-show")).toHaveAttribute("aria-selected", "true");
  await expect(lead.meetingTitles()).toHaveText(["No-show recent", "No-show older"]);
  await lead.tab("Upcoming").tap();
  await expect(lead.meetingTitles().first()).toHaveText("Upcoming soon");
  expect(await horizontalOverflow(page)).toBe(0);
  await saveScreenshot(page, "mobile-lead");

  await lead.openFormButton().tap();
  await expect(lead.form()).toBeVisible();
  expect(await horizontalOverflow(page)).toBe(0);
  await saveScreenshot(page, "mobile-log-meeting");
});

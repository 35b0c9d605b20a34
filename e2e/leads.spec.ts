import { expect, test } from "@playwright/test";
import { LeadsPage } from "./pages/leads-page";
import { SignInPage } from "./pages/sign-in-page";
import { fixtures, saveScreenshot } from "./support";

test.beforeEach(async ({ page }) => {
  await new SignInPage(page).signInAs(fixtures.dashboard.rep);
});

test("the leads list shows the rep's leads with their next meeting and meeting counts", async ({ page }) => {
  const leads = new LeadsPage(page);
  await leads.goto();
  const row = leads.row(fixtures.dashboard.timeline.leadName);
  await expect(row).toBeVisible();
  await expect(row.getByTestId("next-meeting")).toContainText("Upcoming soon");
  await expect(row.getByTestId("meeting-counts")).toHaveText(/3 upcoming\s*3 past\s*2 no-show/);
  await saveScreenshot(page, "leads-list");
});

test("search by name or email narrows the list, kept in the URL", async ({ page }) => {
  const leads = new LeadsPage(page);
  await leads.goto();
  await leads.search(`lead ${fixtures.run}`);
  await expect(page).toHaveURL(new RegExp(`q=lead(\\+|%20)${fixtures.run}`));
  await expect(leads.rows()).toHaveCount(1);
  await expect(leads.row(fixtures.dashboard.timeline.leadName)).toBeVisible();

  await leads.search(`TIMELINE-UI-${fixtures.run}@EXAMPLE`);
  await expect(leads.rows()).toHaveCount(1);

  // A NUL (only a hand-edited URL has one) is dropped from the search, not sent to the database.
  await page.goto(`/leads?q=lead%20%00${fixtures.run}`);
  await expect(leads.rows()).toHaveCount(1);
  await expect(leads.searchBox()).toHaveValue(`lead ${fixtures.run}`);

  await leads.search("no lead is called this");
  await expect(leads.rows()).toHaveCount(0);
  await expect(page.getByText("No leads match “no lead is called this”.")).toBeVisible();
});

test("another client's leads are not listed", async ({ page }) => {
  const leads = new LeadsPage(page);
  await leads.goto(`b-${fixtures.run}@example.com`);
  await expect(leads.rows()).toHaveCount(0);
});

test("opening a lead from the list shows its timeline", async ({ page }) => {
  const leads = new LeadsPage(page);
  await leads.goto(fixtures.dashboard.timeline.leadName);
  await leads.row(fixtures.dashboard.timeline.leadName).getByRole("link", { name: fixtures.dashboard.timeline.leadName }).click();
  await expect(page).toHaveURL(new RegExp(`/leads/${fixtures.dashboard.timeline.leadId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fixtures.dashboard.timeline.leadName);
});

import { expect, test, type Page } from "@playwright/test";
import { LeadPage } from "./pages/lead-page";
import { LeadsPage } from "./pages/leads-page";
import { SignInPage } from "./pages/sign-in-page";
import { createLeadViaApi, createMeetingViaApi, dateInZone, fixtures, hoursFromNow, meetingActionViaApi, saveScreenshot } from "./support";

test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

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
  // The header keeps its way back to the list.
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Leads" })).toBeVisible();
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
  // Optional fields wait behind "More details", so the form starts short.
  await expect(lead.field("Meeting URL")).toBeHidden();
  expect(await horizontalOverflow(page)).toBe(0);
  await saveScreenshot(page, "mobile-log-meeting");
});

test("at 375 px attendee emails wrap instead of being cut off", async ({ page, request }) => {
  const created = await createLeadViaApi(request, "Longmail");
  const email = `a-very-long-mailbox-name-for-wrapping-${created.id.slice(0, 8)}@subsidiary.example-enterprises.com`;
  const response = await request.post("/api/public/meetings", {
    headers: { "X-API-Key": fixtures.dashboard.apiKey },
    data: { lead_id: created.id, title: "Wide attendees", starts_at: hoursFromNow(30).toISOString(), duration_minutes: 30, additional_attendees: [{ name: "Pat", email }] },
  });
  expect(response.status()).toBe(201);

  await new SignInPage(page).signInAs(fixtures.dashboard.rep);
  const lead = new LeadPage(page);
  await lead.goto(created.id);
  const attendee = lead.meeting("Wide attendees").getByRole("listitem").filter({ hasText: email });
  await expect(attendee).toBeVisible();
  expect(await attendee.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  expect(await horizontalOverflow(page)).toBe(0);
});

test("at 375 px a long unbroken description or reason (a pasted link) wraps inside its card", async ({ page, request }) => {
  const created = await createLeadViaApi(request, "Longtext");
  const link = `https://docs.example.com/document/d/${"x".repeat(140)}/edit`;
  const response = await request.post("/api/public/meetings", {
    headers: { "X-API-Key": fixtures.dashboard.apiKey },
    data: { lead_id: created.id, title: "Long text", starts_at: hoursFromNow(30).toISOString(), duration_minutes: 30, description: `Agenda: ${link}` },
  });
  expect(response.status()).toBe(201);
  const { meeting } = await response.json();
  await meetingActionViaApi(request, meeting.id, "cancel", { reason: `Moved, see ${link}` });

  await new SignInPage(page).signInAs(fixtures.dashboard.rep);
  const lead = new LeadPage(page);
  await lead.goto(created.id, "past");
  await expect(lead.meeting("Long text")).toContainText(`Cancellation reason: Moved, see ${link}`);
  expect(await horizontalOverflow(page)).toBe(0);
});

test("at 375 px a saved meeting is scrolled into view and highlighted, and dialogs fit", async ({ page, request }) => {
  const created = await createLeadViaApi(request, "Phone");
  for (let n = 1; n <= 3; n++) await createMeetingViaApi(request, { leadId: created.id, title: `Earlier ${n}`, startsAt: hoursFromNow(20 + n) });
  await new SignInPage(page).signInAs(fixtures.dashboard.rep);
  const lead = new LeadPage(page);
  await lead.goto(created.id);

  await lead.openFormButton().tap();
  await lead.field("Title").fill("Booked on the phone");
  await lead.field("Start").fill(`${dateInZone(9, "America/New_York")}T10:00`);
  await lead.saveButton().tap();
  const saved = lead.meeting("Booked on the phone");
  await expect(saved).toBeInViewport();
  await expect(saved).toHaveAttribute("data-highlighted", "true");
  await saveScreenshot(page, "mobile-meeting-saved");

  await lead.card("Booked on the phone").action("Reschedule").tap();
  const dialog = lead.dialog("Reschedule meeting");
  await expect(dialog.root()).toBeVisible();
  const box = (await dialog.root().boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(375);
  await saveScreenshot(page, "mobile-dialog-reschedule", { fullPage: false });
});

test("at 375 px the list's controls, the new-lead form and a lead's details fit the width", async ({ page, request }) => {
  const created = await createLeadViaApi(request, "Narrow", {
    company: "A Company With A Rather Long Registered Name Ltd",
    metadata: { "Job title": "Head of Procurement and Vendor Relations", Territory: "North-east", Notes: "Prefers calls after 4 pm; ask for the second line." },
  });
  await new SignInPage(page).signInAs(fixtures.dashboard.rep);
  const leads = new LeadsPage(page);
  await leads.goto();
  await expect(leads.sort("Next meeting")).toBeVisible();
  expect(await horizontalOverflow(page)).toBe(0);

  await leads.newLeadButton().tap();
  const form = leads.newLeadDialog();
  await form.field("First name").fill("Narrow");
  await form.field("Email").fill(created.email);
  await expect(form.duplicateNotice()).toContainText(created.full_name);
  await form.fillDetail(1, "Job title", "Buyer");
  const box = (await form.root().boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(375);
  await saveScreenshot(page, "mobile-lead-new-dialog", { fullPage: false });
  await form.button("Cancel").tap();

  const lead = new LeadPage(page);
  await lead.goto(created.id);
  await expect(lead.headerItem("Territory")).toHaveText("North-east");
  expect(await horizontalOverflow(page)).toBe(0);
  await saveScreenshot(page, "mobile-lead-details");
});

import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { LeadPage } from "./pages/lead-page";
import { SignInPage } from "./pages/sign-in-page";
import { createLeadViaApi, dateInZone, fixtures, saveScreenshot } from "./support";

// The browser runs in New York (playwright.config.ts), so the session and the form default to that zone.
const ZONE = "America/New_York";

test.beforeEach(async ({ page }) => {
  await new SignInPage(page).signInAs(fixtures.dashboard.rep);
});

/** A new lead's page, with the log-meeting form open. */
async function openLogFormOfNewLead(page: Page, request: APIRequestContext, firstName: string) {
  const created = await createLeadViaApi(request, firstName);
  const lead = new LeadPage(page);
  await lead.goto(created.id);
  await lead.openFormButton().click();
  return { created, lead };
}

test("logging a meeting by hand puts it in Upcoming without a reload", async ({ page, request }) => {
  const created = await createLeadViaApi(request, "Manual");
  const lead = new LeadPage(page);
  await lead.goto(created.id, "past");
  await expect(lead.tab("Upcoming")).toHaveAccessibleName(/^Upcoming\s*0$/);
  // A marker on the window survives only if the page is never reloaded.
  await page.evaluate(() => ((window as unknown as { e2eMarker: string }).e2eMarker = "same page"));

  await lead.openFormButton().click();
  await expect(lead.field("Time zone")).toHaveValue(ZONE);
  await lead.field("Title").fill("Coffee at the office");
  await lead.field("Start").fill(`${dateInZone(2, ZONE)}T10:00`);
  await lead.field("Duration (minutes)").fill("45");
  await lead.field("Status").selectOption("confirmed");
  await expect(lead.moreDetails()).toHaveAttribute("aria-expanded", "false");
  await lead.moreDetails().click();
  await lead.field("Location type").selectOption("in_person");
  await lead.field("Location details").fill("5th Avenue 100, New York");
  await lead.field("Host").selectOption({ label: fixtures.dashboard.host.name });
  await lead.field("Meeting type").selectOption({ label: fixtures.dashboard.meetingType.name });
  await lead.field("Description").fill("Booked by phone.");
  await lead.form().getByRole("button", { name: "+ Add attendee" }).click();
  await lead.field("Attendee 1 name").fill("Assistant");
  await lead.field("Attendee 1 email").fill("assistant@example.com");
  await saveScreenshot(page, "log-meeting-form");
  // A double click must not log the meeting twice.
  await lead.saveButton().dblclick();

  await expect(lead.notice()).toHaveText("Meeting logged in Upcoming.");
  await expect(page).toHaveURL(/\?tab=upcoming$/);
  await expect(lead.tab("Upcoming")).toHaveAttribute("aria-selected", "true");
  await expect(lead.tab("Upcoming")).toHaveAccessibleName(/^Upcoming\s*1$/);
  const meeting = lead.meeting("Coffee at the office");
  await expect(meeting).toHaveCount(1);
  // Brought into view, focused and highlighted, so the rep sees where it landed.
  await expect(meeting).toBeFocused();
  await expect(meeting).toHaveAttribute("data-highlighted", "true");
  await expect(meeting).toBeInViewport();
  await expect(meeting).toContainText(/10:00 – 10:45 AM E[SD]T/);
  await expect(meeting.getByTestId("status-badge")).toHaveText("Confirmed");
  await expect(meeting.getByTestId("meeting-source")).toHaveText("Manual");
  await expect(meeting).toContainText("5th Avenue 100, New York");
  await expect(meeting).toContainText(fixtures.dashboard.host.name);
  await expect(meeting).toContainText(fixtures.dashboard.meetingType.name);
  await expect(meeting).toContainText("assistant@example.com");
  await expect(meeting).toContainText("Booked by phone.");
  expect(await page.evaluate(() => (window as unknown as { e2eMarker?: string }).e2eMarker)).toBe("same page");

  // The public API sees the same meeting, stored as manual.
  const api = await request.get(`/api/public/leads/${created.id}/meetings`, { headers: { "X-API-Key": fixtures.dashboard.apiKey } });
  const body = await api.json();
  expect(body.meetings).toHaveLength(1);
  expect(body.meetings[0]).toMatchObject({ title: "Coffee at the office", source: "manual", status: "confirmed", duration_minutes: 45 });
});

test("invalid input shows each error next to its field and logs nothing", async ({ page, request }) => {
  const { lead } = await openLogFormOfNewLead(page, request, "Invalid");

  await lead.moreDetails().click();
  await lead.field("Meeting URL").fill("javascript:alert(1)");
  await lead.form().getByRole("button", { name: "+ Add attendee" }).click();
  await lead.field("Attendee 1 email").fill("not-an-email");
  await lead.saveButton().click();

  await expect(lead.field("Title")).toHaveAttribute("aria-invalid", "true");
  await expect(lead.field("Title")).toHaveAccessibleDescription("Title must not be empty");
  await expect(lead.field("Start")).toHaveAccessibleDescription("Start is required");
  await expect(lead.field("Meeting URL")).toHaveAccessibleDescription("Meeting URL must be an http or https URL");
  await expect(lead.field("Attendee 1 email")).toHaveAccessibleDescription("Attendee 1 email must be a valid email address");
  await expect(lead.form().getByRole("alert")).toHaveText("Please correct the highlighted fields.");
  await saveScreenshot(page, "log-meeting-errors");

  // Fixing the fields clears the errors; an end before the start is caught by the same schema.
  await lead.field("Title").fill("Fixed title");
  await lead.field("Meeting URL").fill("https://meet.example.com/ok");
  await lead.form().getByRole("button", { name: "Remove attendee 1" }).click();
  await lead.field("Start").fill(`${dateInZone(3, "America/New_York")}T15:00`);
  await lead.form().getByLabel("At a time").check();
  await lead.field("End").fill(`${dateInZone(3, "America/New_York")}T14:00`);
  await lead.saveButton().click();
  await expect(lead.field("End")).toHaveAccessibleDescription("End must be after the start");
  await expect(lead.field("Title")).toHaveAttribute("aria-invalid", "false");

  await expect(lead.tab("Upcoming")).toHaveAccessibleName(/^Upcoming\s*0$/);
});

test("a start the clocks show twice (they go back that night) is logged at the occurrence the rep picks", async ({ page, request }) => {
  const { created, lead } = await openLogFormOfNewLead(page, request, "Twice");
  await lead.field("Title").fill("Fall back call");
  await lead.field("Start").fill("2027-11-07T01:30");
  const choice = lead.form().getByTestId("dst-repeated-choice");
  await expect(choice.locator("legend")).toHaveText("01:30 happens twice on 2027-11-07 in America/New_York, because clocks go back that night. Which one?");
  await expect(lead.field("Start")).toHaveAccessibleDescription(/happens twice/);
  await expect(choice.getByLabel("The first, 1:30 AM GMT-4")).toBeChecked();
  await choice.getByLabel("The second, 1:30 AM GMT-5").check();
  await lead.saveButton().click();

  await expect(lead.notice()).toHaveText("Meeting logged in Upcoming.");
  await expect(lead.meeting("Fall back call")).toContainText("1:30 – 2:00 AM EST");
  const listed = await request.get(`/api/public/leads/${created.id}/meetings`, { headers: { "X-API-Key": fixtures.dashboard.apiKey } });
  const { meetings } = (await listed.json()) as { meetings: { title: string; starts_at: string }[] };
  expect(meetings.map((meeting) => [meeting.title, meeting.starts_at])).toEqual([["Fall back call", "2027-11-07T06:30:00Z"]]);
});

test("a server-side rejection comes back next to its field", async ({ page, request }) => {
  const { lead } = await openLogFormOfNewLead(page, request, "Stale");
  await lead.field("Title").fill("Host left the company");
  await lead.field("Start").fill(`${dateInZone(2, ZONE)}T09:00`);
  await lead.moreDetails().click();
  // As if the host was deactivated after this page loaded: the select still offers them.
  await lead.field("Host").evaluate((select, email) => {
    select.append(new Option("Former host", email));
  }, fixtures.dashboard.inactiveHostEmail);
  await lead.field("Host").selectOption({ label: "Former host" });
  await lead.saveButton().click();

  await expect(lead.field("Host")).toHaveAccessibleDescription("Host must be the email of an active user of your account");
  await expect(lead.form().getByRole("alert")).toHaveText("Please correct the highlighted fields.");
  await expect(lead.tab("Upcoming")).toHaveAccessibleName(/^Upcoming\s*0$/);
});

test("an error in a hidden optional field opens More details to show it", async ({ page, request }) => {
  const { lead } = await openLogFormOfNewLead(page, request, "Hidden");
  await lead.moreDetails().click();
  await lead.field("Meeting URL").fill("not a url");
  await lead.moreDetails().click();
  await expect(lead.field("Meeting URL")).toBeHidden();
  await lead.field("Title").fill("Hidden error");
  await lead.field("Start").fill(`${dateInZone(2, ZONE)}T09:00`);
  await lead.saveButton().click();

  await expect(lead.moreDetails()).toHaveAttribute("aria-expanded", "true");
  await expect(lead.field("Meeting URL")).toHaveAccessibleDescription("Meeting URL must be an http or https URL");
});

test("a rep logs a meeting that already happened as completed, and its history reads scheduled, then completed", async ({ page, request }) => {
  const { lead } = await openLogFormOfNewLead(page, request, "Happened");
  await lead.field("Title").fill("Walk-in demo");
  await lead.field("Start").fill(`${dateInZone(-1, ZONE)}T16:00`);
  await expect(lead.field("Status")).toHaveAccessibleDescription("This time has passed: choose Completed or No-show to record how it went.");
  await lead.field("Status").selectOption("completed");
  await lead.field("Outcome notes").fill("Loved the reporting module; send a quote.");
  await saveScreenshot(page, "log-meeting-completed");
  await lead.saveButton().click();

  await expect(lead.notice()).toHaveText("Meeting logged in Past.");
  await expect(lead.tab("Past")).toHaveAttribute("aria-selected", "true");
  await expect(lead.tab("Past")).toHaveAccessibleName(/^Past\s*1$/);
  const card = lead.card("Walk-in demo");
  await expect(card.status()).toHaveText("Completed");
  await expect(card.root).toContainText("Outcome: Loved the reporting module; send a quote.");
  await card.historyButton().click();
  await expect(card.historyEvents()).toHaveText(["Completed", "Scheduled"]);
  await expect(lead.activityEvents()).toHaveText(["Completed", "Scheduled"]);
});

test("a past meeting logged as no-show lands in No-show; a future one cannot be", async ({ page, request }) => {
  const { lead } = await openLogFormOfNewLead(page, request, "Absent");
  await lead.field("Title").fill("Site visit");
  await lead.field("Start").fill(`${dateInZone(2, ZONE)}T09:00`);
  await lead.field("Status").selectOption("no_show");
  await lead.field("No-show reason").fill("Nobody at the office.");
  await lead.saveButton().click();
  await expect(lead.field("Start")).toHaveAccessibleDescription("Start must be in the past for a meeting that already happened");

  await lead.field("Start").fill(`${dateInZone(-2, ZONE)}T09:00`);
  await lead.saveButton().click();
  await expect(lead.tab("No-show")).toHaveAttribute("aria-selected", "true");
  await expect(lead.tab("No-show")).toHaveAccessibleName(/^No-show\s*1$/);
  await expect(lead.card("Site visit").root).toContainText("No-show reason: Nobody at the office.");
});

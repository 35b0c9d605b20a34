import { expect, test, type Route } from "@playwright/test";
import { LeadPage } from "./pages/lead-page";
import { SignInPage } from "./pages/sign-in-page";
import { createLeadViaApi, createMeetingViaApi, fixtures, hoursFromNow, saveScreenshot } from "./support";

const leadId = fixtures.dashboard.timeline.leadId;

test.beforeEach(async ({ page }) => {
  await new SignInPage(page).signInAs(fixtures.dashboard.rep);
});

test("the three tabs hold the right meetings, with counts and order", async ({ page }) => {
  const lead = new LeadPage(page);
  await lead.goto(leadId);
  await expect(lead.heading()).toHaveText(fixtures.dashboard.timeline.leadName);
  await expect(lead.header()).toContainText(`timeline-ui-${fixtures.run}@example.com`);
  await expect(lead.header()).toContainText("+56 9 5555 0101");

  await expect(lead.tab("Upcoming")).toHaveAccessibleName(/^Upcoming\s*3$/);
  await expect(lead.tab("Past")).toHaveAccessibleName(/^Past\s*3$/);
  await expect(lead.tab("No-show")).toHaveAccessibleName(/^No-show\s*2$/);

  await expect(lead.tab("Upcoming")).toHaveAttribute("aria-selected", "true");
  await expect(lead.meetingTitles()).toHaveText(["Upcoming soon", "Unsafe link", "Upcoming later"]);
  const later = lead.meeting("Upcoming later");
  // One status: "Confirmed" says the lead confirmed; no second "Confirmed by lead" badge beside it.
  await expect(later.getByTestId("status-badge")).toHaveText("Confirmed");
  await expect(later.getByText("Confirmed by lead", { exact: true })).toHaveCount(0);
  await expect(later.getByTestId("meeting-source")).toHaveText("GHL");
  await expect(later.getByText("1 h", { exact: true })).toBeVisible();
  // Shown in the rep's zone (the browser's, New York), and the booking zone because it differs.
  await expect(later.locator("time").first()).toContainText(/E[SD]T/);
  await expect(later.getByText("Booked in America/Santiago")).toBeVisible();
  await expect(lead.meeting("Upcoming soon").getByTestId("meeting-source")).toHaveText("Manual");
  await saveScreenshot(page, "lead-upcoming");

  await lead.tab("Past").click();
  await expect(lead.meetingTitles()).toHaveText(["Past awaiting outcome", "Past completed", "Past cancelled"]);
  const awaiting = lead.meeting("Past awaiting outcome");
  await expect(awaiting.getByTestId("status-badge")).toHaveText("Scheduled");
  await expect(awaiting.getByText("Awaiting outcome", { exact: true })).toBeVisible();
  await expect(lead.meeting("Past completed").getByText("Awaiting outcome", { exact: true })).toHaveCount(0);
  await expect(lead.meeting("Past completed").getByTestId("status-badge")).toHaveText("Completed");
  await expect(lead.meeting("Past completed")).toContainText("Signed the proposal.");
  await expect(lead.meeting("Past cancelled").getByTestId("status-badge")).toHaveText("Cancelled");
  await expect(lead.meeting("Past cancelled")).toContainText("Lead asked to move it.");
  await saveScreenshot(page, "lead-past");

  await lead.tab("No-show").click();
  await expect(lead.meetingTitles()).toHaveText(["No-show recent", "No-show older"]);
  await expect(lead.meeting("No-show recent")).toContainText("Did not join the call.");
  await expect(lead.meeting("No-show older")).toContainText("Phone off.");
  await saveScreenshot(page, "lead-no-show");
});

test("the server renders only the tab in view; the others load in the browser once the page is up", async ({ page }) => {
  // The server's HTML, without its scripts: the Upcoming tab's 3 cards and none of the 5 in Past and No-show.
  const html = (await (await page.request.get(`/leads/${leadId}?tab=upcoming`)).text()).replace(/<script[^>]*>[\s\S]*?<\/script>/g, "");
  expect(html.match(/data-testid="meeting-card"/g)).toHaveLength(3);

  const lead = new LeadPage(page);
  await lead.goto(leadId);
  // Loaded in the background: switching needs no request of its own.
  await expect(page.locator("#panel-past").getByText("Past completed")).toBeAttached();
  await expect(page.locator("#panel-no-show").getByText("No-show recent")).toBeAttached();
  await lead.tab("Past").click();
  await expect(lead.meetingTitles()).toHaveText(["Past awaiting outcome", "Past completed", "Past cancelled"]);
});

test("the tabs answer at once while the page refreshes after a change", async ({ page, request }) => {
  const created = await createLeadViaApi(request, "Refreshing");
  await createMeetingViaApi(request, { leadId: created.id, title: "Held call", startsAt: hoursFromNow(50) });
  const lead = new LeadPage(page);
  await lead.goto(created.id);
  // The refresh after a change (a GET of the page's RSC payload) is held until the tabs have been used.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  await page.route(`**/leads/${created.id}*`, async (route) => {
    if (route.request().method() === "GET" && route.request().headers()["rsc"] === "1") {
      held++;
      await released;
    }
    await route.fallback();
  });

  await lead.card("Held call").action("Cancel meeting").click();
  await lead.dialog("Cancel this meeting?").button("Cancel meeting").click();
  await expect.poll(() => held).toBeGreaterThan(0);
  await expect(lead.tab("Past")).toHaveAttribute("aria-selected", "true");
  await lead.tab("Upcoming").click();
  await expect(lead.tab("Upcoming")).toHaveAttribute("aria-selected", "true");
  await lead.tab("Upcoming").press("ArrowRight");
  await expect(lead.tab("Past")).toHaveAttribute("aria-selected", "true");
  await expect(page).toHaveURL(/\?tab=past$/);

  release();
  await expect(lead.tab("Past")).toHaveAccessibleName(/^Past\s*1$/);
  await expect(lead.tab("Past")).toHaveAttribute("aria-selected", "true");
  await expect(lead.card("Held call").status()).toHaveText("Cancelled");
});

test("a tab whose meetings could not be loaded says so, and Try again loads them", async ({ page }) => {
  // The tabs not in view load through a server action (a POST carrying Next-Action): refuse those.
  const refuseActions = (route: Route) =>
    route.request().method() === "POST" && route.request().headers()["next-action"] ? route.abort() : route.fallback();
  await page.route(`**/leads/${leadId}*`, refuseActions);
  const lead = new LeadPage(page);
  await lead.goto(leadId, "upcoming");
  await lead.tab("Past").click();
  const failed = page.locator("#panel-past").getByRole("alert");
  // The query retries three times (1, 2 and 4 s) before it gives up.
  await expect(failed).toHaveText(/These meetings could not be loaded\./, { timeout: 15_000 });
  await saveScreenshot(page, "lead-tab-failed");

  await page.unroute(`**/leads/${leadId}*`, refuseActions);
  await failed.getByRole("button", { name: "Try again" }).click();
  await expect(lead.meetingTitles()).toHaveText(["Past awaiting outcome", "Past completed", "Past cancelled"]);
});

test("tabs are ARIA tabs tied to their panel", async ({ page }) => {
  const lead = new LeadPage(page);
  await lead.goto(leadId, "past");
  const selected = lead.tab("Past");
  await expect(selected).toHaveAttribute("aria-selected", "true");
  await expect(lead.tab("Upcoming")).toHaveAttribute("aria-selected", "false");
  const panelId = await selected.getAttribute("aria-controls");
  await expect(lead.panel()).toHaveAttribute("id", panelId!);
  await expect(lead.panel()).toHaveAccessibleName(/^Past/);
});

test("the tab comes from the URL, clicks update the URL, and Back returns to the previous tab", async ({ page }) => {
  const lead = new LeadPage(page);
  await lead.goto(leadId, "no-show");
  await expect(lead.tab("No-show")).toHaveAttribute("aria-selected", "true");
  await expect(lead.meetingTitles()).toHaveText(["No-show recent", "No-show older"]);

  await lead.tab("Upcoming").click();
  await expect(page).toHaveURL(/\?tab=upcoming$/);
  await expect(lead.meetingTitles().first()).toHaveText("Upcoming soon");

  await lead.tab("Past").click();
  await expect(page).toHaveURL(/\?tab=past$/);
  await expect(lead.meetingTitles().first()).toHaveText("Past awaiting outcome");

  await page.goBack();
  await expect(page).toHaveURL(/\?tab=upcoming$/);
  await expect(lead.tab("Upcoming")).toHaveAttribute("aria-selected", "true");
  await expect(lead.meetingTitles().first()).toHaveText("Upcoming soon");

  await page.goBack();
  await expect(page).toHaveURL(/\?tab=no-show$/);
  await expect(lead.tab("No-show")).toHaveAttribute("aria-selected", "true");
});

test("arrow keys move between tabs", async ({ page }) => {
  const lead = new LeadPage(page);
  await lead.goto(leadId);
  await lead.tab("Upcoming").focus();
  await page.keyboard.press("ArrowRight");
  await expect(lead.tab("Past")).toBeFocused();
  await expect(lead.tab("Past")).toHaveAttribute("aria-selected", "true");
  await expect(page).toHaveURL(/\?tab=past$/);
  await page.keyboard.press("ArrowRight");
  await expect(lead.tab("No-show")).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(lead.tab("Upcoming")).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(lead.tab("No-show")).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Home");
  await expect(lead.tab("Upcoming")).toHaveAttribute("aria-selected", "true");
});

test("a javascript: meeting URL is shown as text, never as a link", async ({ page }) => {
  const lead = new LeadPage(page);
  await lead.goto(leadId);
  const unsafe = lead.meeting("Unsafe link");
  await expect(unsafe.getByTestId("meeting-url-text")).toHaveText("javascript:alert(document.cookie)");
  await expect(unsafe.getByRole("link")).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
});

test("a meeting created through POST /api/public/meetings appears on the timeline", async ({ page, request }) => {
  const created = await createLeadViaApi(request, "Apicreated");
  const startsAt = new Date(Date.now() + 3 * 86_400_000);
  startsAt.setUTCMinutes(0, 0, 0);
  const response = await request.post("/api/public/meetings", {
    headers: { "X-API-Key": fixtures.dashboard.apiKey },
    data: {
      lead_email: created.email,
      title: "Booked through the API",
      starts_at: startsAt.toISOString(),
      duration_minutes: 45,
      timezone: "Europe/Madrid",
      meeting_url: "https://meet.example.com/abc",
      host_email: fixtures.dashboard.host.email,
      meeting_type_id: fixtures.dashboard.meetingType.id,
      external_calendar_provider: "ghl",
      external_event_id: `e2e-${created.id}`,
      additional_attendees: [{ name: "Second Person", email: "second@example.com" }],
    },
  });
  expect(response.status()).toBe(201);

  const lead = new LeadPage(page);
  await lead.goto(created.id);
  await expect(lead.tab("Upcoming")).toHaveAccessibleName(/^Upcoming\s*1$/);
  const meeting = lead.meeting("Booked through the API");
  await expect(meeting.getByTestId("meeting-source")).toHaveText("GHL");
  await expect(meeting).toContainText(fixtures.dashboard.host.name);
  await expect(meeting).toContainText(fixtures.dashboard.meetingType.name);
  await expect(meeting).toContainText("Second Person");
  await expect(meeting).toContainText("45 min");
  const link = meeting.getByRole("link", { name: /Join video call/ });
  await expect(link).toHaveAttribute("href", "https://meet.example.com/abc");
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer");
});

test("a lead with no meetings says so in every tab", async ({ page, request }) => {
  const created = await createLeadViaApi(request, "Quiet");
  const lead = new LeadPage(page);
  await lead.goto(created.id);
  await expect(lead.panel()).toContainText("No upcoming meetings");
  await lead.tab("Past").click();
  await expect(lead.panel()).toContainText("No past meetings yet.");
  await lead.tab("No-show").click();
  await expect(lead.panel()).toContainText("No no-shows so far.");
});

test("a rep of client A opening client B's lead gets the not-found page", async ({ page }) => {
  const response = await new LeadPage(page).goto(fixtures.tenantB.leadId);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByText("Other Tenant")).toHaveCount(0);

  const malformed = await new LeadPage(page).goto("not-a-uuid");
  expect(malformed?.status()).toBe(404);
});

test("client B's own rep can open that lead", async ({ page, context }) => {
  await context.clearCookies();
  await new SignInPage(page).signInAs(fixtures.tenantB.rep);
  await new LeadPage(page).goto(fixtures.tenantB.leadId);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Other Tenant");
});

test("a lead with 120 past meetings shows them 25 at a time, loading more on request", async ({ page, request }) => {
  test.slow();
  const lead = await createLeadViaApi(request, "Paged");
  const titles = Array.from({ length: 120 }, (_, index) => `Call ${String(index + 1).padStart(3, "0")}`);
  for (let batch = 0; batch < titles.length; batch += 10) {
    await Promise.all(
      titles.slice(batch, batch + 10).map((title, offset) =>
        createMeetingViaApi(request, { leadId: lead.id, title, startsAt: hoursFromNow(-(titles.length - batch - offset) * 24) }),
      ),
    );
  }
  const newestFirst = [...titles].reverse();

  const leadPage = new LeadPage(page);
  await leadPage.goto(lead.id, "past");
  await expect(leadPage.tab("Past")).toHaveAccessibleName(/^Past\s*120$/);
  await expect(leadPage.meetingTitles()).toHaveText(newestFirst.slice(0, 25));
  const loadMore = leadPage.panel().getByRole("button", { name: "Load more" });
  await loadMore.scrollIntoViewIfNeeded();
  await saveScreenshot(page, "lead-past-load-more", { fullPage: false });
  for (let shown = 25; shown < 120; shown += 25) {
    await expect(leadPage.panel().getByTestId("timeline-shown")).toHaveText(`${shown} of 120 shown`);
    await loadMore.click();
    await expect(leadPage.meetingTitles()).toHaveCount(Math.min(shown + 25, 120));
    // Reading continues at the first card the click loaded.
    await expect(leadPage.meeting(newestFirst[shown])).toBeFocused();
  }
  await expect(leadPage.meetingTitles()).toHaveText(newestFirst);
  await expect(loadMore).toHaveCount(0);
});

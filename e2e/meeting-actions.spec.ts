import { expect, test } from "@playwright/test";
import { formatInTimeZone, fromZonedTime } from "date-fns-tz";
import { LeadPage } from "./pages/lead-page";
import { SignInPage } from "./pages/sign-in-page";
import { createLeadViaApi, createMeetingViaApi, fixtures, hoursFromNow, meetingActionViaApi, saveScreenshot } from "./support";

// The browser, and so the rep's session, runs in New York (playwright.config.ts).
const ZONE = "America/New_York";

test.beforeEach(async ({ page }) => {
  await new SignInPage(page).signInAs(fixtures.dashboard.rep);
});

test("each card offers exactly the actions its state allows", async ({ page }) => {
  const lead = new LeadPage(page);
  const expected: [tab: "upcoming" | "past" | "no-show", title: string, actions: string[]][] = [
    ["upcoming", "Upcoming soon", ["Mark confirmed", "Reschedule", "Cancel meeting"]],
    ["upcoming", "Upcoming later", ["Reschedule", "Cancel meeting"]],
    ["past", "Past awaiting outcome", ["Mark completed", "Mark no-show", "Mark confirmed", "Reschedule", "Cancel meeting"]],
    ["past", "Past completed", ["Mark no-show"]],
    ["past", "Past cancelled", ["Reschedule"]],
    ["no-show", "No-show recent", ["Mark completed", "Reschedule"]],
  ];
  for (const [tab, title, actions] of expected) {
    await lead.goto(fixtures.dashboard.timeline.leadId, tab);
    await expect(lead.card(title).actionButtons(), title).toHaveText(actions);
  }
});

test("a rep cancels an upcoming meeting and finds it in Past with its reason", async ({ page, request }) => {
  const created = await createLeadViaApi(request, "Cancel");
  await createMeetingViaApi(request, { leadId: created.id, title: "Intro call", startsAt: hoursFromNow(50) });
  const lead = new LeadPage(page);
  await lead.goto(created.id);

  await lead.card("Intro call").action("Cancel meeting").click();
  const dialog = lead.dialog("Cancel this meeting?");
  await expect(dialog.root()).toBeVisible();
  await expect(dialog.field("Reason")).toBeFocused();
  await dialog.field("Reason").fill("Lead asked to postpone until Q1.");
  await saveScreenshot(page, "dialog-cancel", { fullPage: false });
  await dialog.button("Cancel meeting").click();

  await expect(dialog.root()).toBeHidden();
  await expect(lead.notice()).toHaveText("“Intro call” cancelled. It is in Past.");
  await expect(page).toHaveURL(/\?tab=past$/);
  await expect(lead.tab("Upcoming")).toHaveAccessibleName(/^Upcoming\s*0$/);
  await expect(lead.tab("Past")).toHaveAccessibleName(/^Past\s*1$/);
  const card = lead.card("Intro call");
  await expect(card.status()).toHaveText("Cancelled");
  await expect(card.root).toContainText("Cancellation reason: Lead asked to postpone until Q1.");
  await expect(card.root).toBeFocused();
  await expect(card.actionButtons()).toHaveText(["Reschedule"]);
});

test("only the meeting changed last glows: a second change ends the first one's highlight", async ({ page, request }) => {
  const created = await createLeadViaApi(request, "Glow");
  await createMeetingViaApi(request, { leadId: created.id, title: "First call", startsAt: hoursFromNow(30) });
  await createMeetingViaApi(request, { leadId: created.id, title: "Second call", startsAt: hoursFromNow(40) });
  // The page's clock stops once the first card glows, so its own 2.5 s timer can never end that glow:
  // only the second change can, however long it takes here.
  await page.clock.install();
  const lead = new LeadPage(page);
  await lead.goto(created.id);
  const confirm = async (title: string) => {
    await lead.card(title).action("Mark confirmed").click();
    await lead.dialog("Mark as confirmed by the lead").button("Mark confirmed").click();
    await expect(lead.card(title).root).toHaveAttribute("data-highlighted", "true");
  };
  await confirm("First call");
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 100);
  await confirm("Second call");
  await expect(lead.card("First call").root).not.toHaveAttribute("data-highlighted");
});

test("a rep marks a past meeting no-show and finds it in the No-show tab with the count updated", async ({ page, request }) => {
  const created = await createLeadViaApi(request, "Noshow");
  await createMeetingViaApi(request, { leadId: created.id, title: "Demo", startsAt: hoursFromNow(-3) });
  const lead = new LeadPage(page);
  await lead.goto(created.id, "past");
  const card = lead.card("Demo");
  await expect(card.status()).toHaveText("Scheduled");
  await expect(card.root.getByText("Awaiting outcome", { exact: true })).toBeVisible();
  await expect(lead.tab("No-show")).toHaveAccessibleName(/^No-show\s*0$/);

  await card.action("Mark no-show").click();
  const dialog = lead.dialog("Mark as no-show");
  await dialog.field("Reason").fill("Did not join the call.");
  await dialog.field("Notes").fill("Sent a follow-up email with new slots.");
  await saveScreenshot(page, "dialog-no-show", { fullPage: false });
  await dialog.button("Mark no-show").click();

  await expect(lead.notice()).toHaveText("“Demo” marked as no-show. It is in No-show.");
  await expect(lead.tab("No-show")).toHaveAttribute("aria-selected", "true");
  await expect(lead.tab("No-show")).toHaveAccessibleName(/^No-show\s*1$/);
  await expect(lead.tab("Past")).toHaveAccessibleName(/^Past\s*0$/);
  const moved = lead.card("Demo");
  await expect(moved.status()).toHaveText("No-show");
  await expect(moved.root).toContainText("No-show reason: Did not join the call.");
  await expect(moved.root).toContainText("Notes: Sent a follow-up email with new slots.");
  await expect(moved.root.getByText("Awaiting outcome", { exact: true })).toHaveCount(0);
});

test("a rep undoes a no-show by completing the meeting", async ({ page, request }) => {
  const created = await createLeadViaApi(request, "Undo");
  const meeting = await createMeetingViaApi(request, { leadId: created.id, title: "Kickoff", startsAt: hoursFromNow(-5) });
  await meetingActionViaApi(request, meeting.id, "no-show", { reason: "No answer", notes: "Called twice." });
  const lead = new LeadPage(page);
  await lead.goto(created.id, "no-show");

  await lead.card("Kickoff").action("Mark completed").click();
  const dialog = lead.dialog("Mark as completed");
  await expect(dialog.root()).toContainText("This replaces the no-show");
  // The correction replaces the outcome's notes: they start as they were, not blank.
  await expect(dialog.field("Notes")).toHaveValue("Called twice.");
  await dialog.field("Notes").fill("Joined late from another link; agreed on a pilot.");
  await saveScreenshot(page, "dialog-complete", { fullPage: false });
  await dialog.button("Mark completed").click();

  await expect(lead.tab("Past")).toHaveAttribute("aria-selected", "true");
  await expect(lead.tab("No-show")).toHaveAccessibleName(/^No-show\s*0$/);
  await expect(lead.tab("Past")).toHaveAccessibleName(/^Past\s*1$/);
  const card = lead.card("Kickoff");
  await expect(card.status()).toHaveText("Completed");
  await expect(card.root).toContainText("Outcome: Joined late from another link; agreed on a pilot.");

  await card.historyButton().click();
  await expect(card.historyEvents()).toHaveText(["Completed", "Marked no-show", "Scheduled"]);
  await expect(card.historyEntries().first()).toContainText(`${fixtures.dashboard.rep.name} ·`);
  await expect(card.historyEntries().nth(1)).toContainText("Reason: No answer");
});

test("a rep reschedules a meeting, with errors and a DST notice in the form, and sees the old time in its history", async ({ page, request }) => {
  const created = await createLeadViaApi(request, "Move");
  // 09:00 in New York three days on, so the rescheduled 10:30–11:15 AM stays within one day and one half-day whatever the hour of the run.
  const startsAt = fromZonedTime(`${formatInTimeZone(hoursFromNow(72), ZONE, "yyyy-MM-dd")}T09:00`, ZONE);
  await createMeetingViaApi(request, { leadId: created.id, title: "Pricing review", startsAt, timezone: ZONE });
  const lead = new LeadPage(page);
  await lead.goto(created.id);

  await lead.card("Pricing review").action("Reschedule").click();
  const dialog = lead.dialog("Reschedule meeting");
  await expect(dialog.field("Start")).toHaveValue(formatInTimeZone(startsAt, ZONE, "yyyy-MM-dd'T'HH:mm"));
  await expect(dialog.field("Time zone")).toHaveValue(ZONE);
  await expect(dialog.field("Duration (minutes)")).toHaveValue("30");

  // Errors come back next to their fields, in the dialog.
  await dialog.field("Start").fill("");
  await dialog.field("Duration (minutes)").fill("0");
  await dialog.button("Reschedule").click();
  await expect(dialog.field("Start")).toHaveAccessibleDescription("Start is required");
  await expect(dialog.field("Duration (minutes)")).toHaveAccessibleDescription("Duration (minutes) must be between 1 and 1440");
  await expect(dialog.error()).toHaveText("Please correct the highlighted fields.");

  // A wall time that does not exist (clocks spring forward) is explained before saving.
  await dialog.field("Start").fill("2027-03-14T02:30");
  await expect(dialog.gapNotice()).toHaveText(
    "02:30 does not exist on 2027-03-14 in America/New_York; it is read as 03:30, because clocks move forward that night.",
  );
  await saveScreenshot(page, "dialog-reschedule", { fullPage: false });

  const newStart = new Date(startsAt.getTime() + 24 * 3_600_000 + 90 * 60_000);
  await dialog.field("Start").fill(formatInTimeZone(newStart, ZONE, "yyyy-MM-dd'T'HH:mm"));
  await expect(dialog.gapNotice()).toHaveCount(0);
  await dialog.field("Duration (minutes)").fill("45");
  await dialog.field("Reason").fill("Lead is travelling that day.");
  await dialog.button("Reschedule").click();

  await expect(dialog.root()).toBeHidden();
  await expect(lead.notice()).toContainText("“Pricing review” rescheduled to");
  const card = lead.card("Pricing review");
  const newRange = `${formatInTimeZone(newStart, ZONE, "h:mm")} – ${formatInTimeZone(new Date(newStart.getTime() + 45 * 60_000), ZONE, "h:mm a zzz")}`;
  await expect(card.root.locator("time").first()).toContainText(newRange);
  await expect(card.root).toBeFocused();

  await card.historyButton().click();
  await expect(card.historyButton()).toHaveAttribute("aria-expanded", "true");
  await expect(card.historyEvents()).toHaveText(["Rescheduled", "Scheduled"]);
  const rescheduled = card.historyEntries().first();
  await expect(rescheduled).toContainText("Reason: Lead is travelling that day.");
  await expect(rescheduled).toContainText(`Start: from ${formatInTimeZone(startsAt, ZONE, "EEE, MMM d, yyyy, h:mm a zzz")}`);
  await expect(rescheduled).toContainText("Duration: from 30 min → to 45 min");
  await saveScreenshot(page, "meeting-history");
});

test("rescheduling a meeting booked at the second 1:30 of the night clocks go back keeps that 1:30, and says there are two", async ({ page, request }) => {
  const created = await createLeadViaApi(request, "Overlap");
  // 1:30 AM EST on 2027-11-07: New York shows 1:30 twice that night, first in EDT (05:30Z), then in EST (06:30Z).
  const meeting = await createMeetingViaApi(request, { leadId: created.id, title: "Overlap call", startsAt: new Date("2027-11-07T06:30:00Z"), timezone: ZONE });
  const lead = new LeadPage(page);
  await lead.goto(created.id);

  await lead.card("Overlap call").action("Reschedule").click();
  const dialog = lead.dialog("Reschedule meeting");
  await expect(dialog.field("Start")).toHaveValue("2027-11-07T01:30");
  const choice = dialog.root().getByRole("group", { name: /01:30 happens twice on 2027-11-07 in America\/New_York/ });
  await expect(choice.getByRole("radio", { name: "The second, 1:30 AM GMT-5" })).toBeChecked();
  await expect(choice.getByRole("radio", { name: "The first, 1:30 AM GMT-4" })).not.toBeChecked();
  await saveScreenshot(page, "dialog-reschedule-repeated", { fullPage: false });
  await dialog.field("Duration (minutes)").fill("45");
  await dialog.button("Reschedule").click();
  await expect(dialog.root()).toBeHidden();

  const saved = await request.get(`/api/public/meetings/${meeting.id}`, { headers: { "X-API-Key": fixtures.dashboard.apiKey } });
  expect((await saved.json()).meeting).toMatchObject({ starts_at: "2027-11-07T06:30:00Z", ends_at: "2027-11-07T07:15:00Z" });
});

test("a dialog closes with Escape or Close and gives focus back to the button that opened it", async ({ page, request }) => {
  const created = await createLeadViaApi(request, "Escape");
  await createMeetingViaApi(request, { leadId: created.id, title: "Check-in", startsAt: hoursFromNow(30) });
  const lead = new LeadPage(page);
  await lead.goto(created.id);
  const reschedule = lead.card("Check-in").action("Reschedule");

  await reschedule.focus();
  await page.keyboard.press("Enter");
  const dialog = lead.dialog("Reschedule meeting");
  await expect(dialog.root()).toBeVisible();
  await expect(dialog.field("Start")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog.root()).toBeHidden();
  await expect(reschedule).toBeFocused();

  const confirm = lead.card("Check-in").action("Mark confirmed");
  await confirm.click();
  await expect(lead.dialog("Mark as confirmed by the lead").root()).toBeVisible();
  await saveScreenshot(page, "dialog-confirm", { fullPage: false });
  await lead.dialog("Mark as confirmed by the lead").button("Close").click();
  await expect(lead.dialog("Mark as confirmed by the lead").root()).toBeHidden();
  await expect(confirm).toBeFocused();
  // Nothing changed.
  await expect(lead.card("Check-in").status()).toHaveText("Scheduled");
});

test("an action on a meeting that changed meanwhile is refused with a sentence, and the page catches up", async ({ page, request }) => {
  const created = await createLeadViaApi(request, "Stale");
  const meeting = await createMeetingViaApi(request, { leadId: created.id, title: "Moving target", startsAt: hoursFromNow(40) });
  const lead = new LeadPage(page);
  await lead.goto(created.id);
  await lead.card("Moving target").action("Mark confirmed").click();
  // Cancelled through the API while the rep's dialog is open.
  await meetingActionViaApi(request, meeting.id, "cancel", { reason: "Cancelled in the calendar" });
  const dialog = lead.dialog("Mark as confirmed by the lead");
  await dialog.button("Mark confirmed").click();

  await expect(dialog.error()).toHaveText(
    "Cannot confirm a meeting that is cancelled. Someone may have changed it meanwhile; the page now shows its current state.",
  );
  await expect(lead.tab("Upcoming")).toHaveAccessibleName(/^Upcoming\s*0$/);
  await dialog.button("Close").click();
  // Its button and card left this tab with the refresh, so focus lands on the tab panel the rep is in.
  await expect(lead.panel()).toBeFocused();
  await lead.tab("Past").click();
  const card = lead.card("Moving target");
  await expect(card.status()).toHaveText("Cancelled");
  await expect(card.actionButtons()).toHaveText(["Reschedule"]);
});

test("the lead's activity lists every change, newest first, 20 at a time", async ({ page, request }) => {
  const created = await createLeadViaApi(request, "Busy");
  const first = await createMeetingViaApi(request, { leadId: created.id, title: "Meeting 1", startsAt: hoursFromNow(24) });
  for (let n = 2; n <= 20; n++) await createMeetingViaApi(request, { leadId: created.id, title: `Meeting ${n}`, startsAt: hoursFromNow(24 + n) });
  await meetingActionViaApi(request, first.id, "cancel", { reason: "Double booked" });
  const lead = new LeadPage(page);
  await lead.goto(created.id);

  await expect(lead.activityEvents()).toHaveCount(20);
  await expect(lead.activity().getByTestId("history-entry").first()).toContainText("Cancelled · Meeting 1");
  await expect(lead.activity().getByTestId("history-entry").first()).toContainText("Reason: Double booked");
  await expect(lead.activity()).toContainText("20 of 21 shown");
  await lead.activity().getByRole("button", { name: "Show more" }).click();
  await expect(lead.activityEvents()).toHaveCount(21);
  await expect(lead.activity().getByTestId("history-entry").last()).toContainText("Scheduled · Meeting 1");
  // The button is gone; focus is on the first entry it loaded.
  await expect(lead.activity().getByTestId("history-entry").last()).toBeFocused();
  await expect(lead.activity().getByRole("button", { name: "Show more" })).toHaveCount(0);
});

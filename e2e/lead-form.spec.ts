import { expect, test } from "@playwright/test";
import { LeadPage } from "./pages/lead-page";
import { LeadsPage } from "./pages/leads-page";
import { SignInPage } from "./pages/sign-in-page";
import { createLeadViaApi, createMeetingViaApi, fixtures, hoursFromNow, meetingActionViaApi, saveScreenshot } from "./support";

test.beforeEach(async ({ page }) => {
  await new SignInPage(page).signInAs(fixtures.dashboard.rep);
});

const today = () => new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", month: "short", day: "numeric", year: "numeric" }).format(new Date());

test("a rep creates a lead: errors next to their fields, then the new lead's page with its details", async ({ page }) => {
  const leads = new LeadsPage(page);
  await leads.goto();
  await leads.newLeadButton().click();
  const form = leads.newLeadDialog();
  await expect(form.field("First name")).toBeFocused();

  await form.field("Email").fill("pepper@");
  await form.button("Create lead").click();
  await expect(form.fieldError("First name")).toHaveText("First name must not be empty");
  await expect(form.fieldError("Email")).toHaveText("Email must be a valid email address");
  await expect(form.field("First name")).toHaveAttribute("aria-invalid", "true");
  await expect(form.field("First name")).toBeFocused();
  await saveScreenshot(page, "lead-new-errors", { fullPage: false });

  const suffix = Math.random().toString(36).slice(2, 8);
  await form.field("First name").fill("Pepper");
  await form.field("Last name").fill(`Potts ${suffix}`);
  await form.field("Email").fill(`pepper-${suffix}@stark.example`);
  await form.field("Phone").fill("+1 212 555 0199");
  await form.field("Company").fill("Stark Industries");
  await form.fillDetail(1, "Job title", "CEO");
  await form.fillDetail(2, "Referred by", "Happy Hogan");
  await expect(form.fieldError("First name")).toHaveCount(0);
  await saveScreenshot(page, "lead-new-dialog", { fullPage: false });
  await form.button("Create lead").click();

  await expect(page).toHaveURL(/\/leads\/[0-9a-f-]{36}$/);
  const lead = new LeadPage(page);
  await expect(lead.heading()).toHaveText(`Pepper Potts ${suffix}`);
  await expect(lead.company()).toHaveText("Stark Industries");
  await expect(lead.headerItem("Email")).toHaveText(`pepper-${suffix}@stark.example`);
  await expect(lead.headerItem("Phone")).toHaveText("+1 212 555 0199");
  await expect(lead.headerItem("Source")).toHaveText("Manual");
  await expect(lead.headerItem("Created")).toHaveText(today());
  await expect(lead.headerItem("Job title")).toHaveText("CEO");
  await expect(lead.headerItem("Referred by")).toHaveText("Happy Hogan");
  await saveScreenshot(page, "lead-created");
});

test("typing an email another lead has warns and links to it; creating anyway makes a second lead", async ({ page, request }) => {
  const tag = `Stark${Math.random().toString(36).slice(2, 8)}`;
  const existing = await createLeadViaApi(request, "Tony", { last_name: tag, phone: "+1 212 555 0100" });
  const namesake = await createLeadViaApi(request, "Tony", { last_name: tag });
  const leads = new LeadsPage(page);
  await leads.goto();
  await leads.newLeadButton().click();
  const form = leads.newLeadDialog();
  await form.field("First name").fill("Tony");
  await form.field("Last name").fill(tag);
  await form.field("Email").fill(existing.email.toUpperCase());
  await expect(form.duplicateNotice()).toContainText(`This email already belongs to ${existing.full_name}`);
  await expect(form.duplicateNotice().getByRole("link", { name: existing.full_name })).toHaveAttribute("href", `/leads/${existing.id}`);
  await expect(form.button("Create anyway")).toBeVisible();
  await saveScreenshot(page, "lead-new-duplicate-email", { fullPage: false });

  await form.field("Email").fill(`nobody-${tag}@example.com`);
  await expect(form.duplicateNotice()).toBeEmpty();
  await form.field("Email").fill(existing.email);
  await expect(form.duplicateNotice()).toContainText(existing.full_name);
  await form.button("Create anyway").click();
  await expect(page).toHaveURL(/\/leads\/[0-9a-f-]{36}$/);
  await expect(new LeadPage(page).headerItem("Email")).toHaveText(existing.email);

  // Three leads of one name: the email under each name tells them apart.
  await leads.goto(tag);
  await expect(leads.rowNames()).toHaveText(Array(3).fill(`Tony ${tag}`));
  const contacts = await leads.rows().getByTestId("lead-contact").allTextContents();
  expect(contacts.sort()).toEqual([existing.email, `${existing.email} · +1 212 555 0100`, namesake.email].sort());
});

test("a rep edits a lead: blank fields clear, removed details go, and the header shows the change", async ({ page, request }) => {
  const created = await createLeadViaApi(request, "Happy", { phone: "555 0100", company: "Stark Industries", metadata: { role: "Driver", score: 7 } });
  const lead = new LeadPage(page);
  await lead.goto(created.id);
  await expect(lead.company()).toHaveText("Stark Industries");
  await expect(lead.headerItem("Source")).toHaveText("API");
  await lead.editButton().click();
  const form = lead.editDialog();
  await expect(form.field("Company")).toHaveValue("Stark Industries");
  await expect(form.field("Detail 1 name")).toHaveValue("role");

  await form.field("First name").fill("");
  await form.button("Save lead").click();
  await expect(form.fieldError("First name")).toHaveText("First name must not be empty");
  await expect(form.formError()).toHaveText("Please correct the highlighted fields.");

  await form.field("First name").fill("Harold");
  await form.field("Phone").fill("");
  await form.field("Company").fill("Stark Security");
  await form.removeDetail(1).click();
  await form.fillDetail(2, "Shift", "Nights");
  await saveScreenshot(page, "lead-edit-dialog", { fullPage: false });
  await form.button("Save lead").click();

  await expect(form.root()).toBeHidden();
  await expect(lead.editButton()).toBeFocused();
  await expect(lead.header().getByTestId("lead-saved")).toHaveText("Lead saved.");
  await expect(lead.heading()).toHaveText(`Harold ${created.full_name.split(" ")[1]}`);
  await expect(lead.company()).toHaveText("Stark Security");
  await expect(lead.headerItem("Phone")).toHaveText("—");
  await expect(lead.headerItem("role")).toHaveCount(0);
  await expect(lead.headerItem("score")).toHaveText("7");
  await expect(lead.headerItem("Shift")).toHaveText("Nights");
  await saveScreenshot(page, "lead-edited");

  const stored = await request.get(`/api/public/leads/${created.id}`, { headers: { "X-API-Key": fixtures.dashboard.apiKey } });
  expect((await stored.json()).lead).toMatchObject({ first_name: "Harold", phone: null, metadata: { company: "Stark Security", score: 7, Shift: "Nights" } });
});

test("an edit is refused when the API changed the lead after the form opened; opened again, it shows the change and saves", async ({ page, request }) => {
  const created = await createLeadViaApi(request, "Bruce");
  const lead = new LeadPage(page);
  await lead.goto(created.id);
  await lead.editButton().click();
  const form = lead.editDialog();
  await expect(form.field("Phone")).toHaveValue("");

  const patched = await request.patch(`/api/public/leads/${created.id}`, {
    headers: { "X-API-Key": fixtures.dashboard.apiKey }, data: { phone: "+1 999 000", metadata: { stage: "won" } },
  });
  expect(patched.status()).toBe(200);
  await form.field("Last name").fill("Wayne");
  await form.button("Save lead").click();
  await expect(form.formError()).toHaveText(
    "Someone changed this lead while the form was open, so nothing was saved. Close the form and open it again to edit the current details.",
  );
  await form.button("Cancel").click();
  await expect(lead.headerItem("Phone")).toHaveText("+1 999 000");

  await lead.editButton().click();
  await expect(form.field("Phone")).toHaveValue("+1 999 000");
  await form.field("Last name").fill("Wayne");
  await form.button("Save lead").click();
  await expect(form.root()).toBeHidden();
  const stored = await request.get(`/api/public/leads/${created.id}`, { headers: { "X-API-Key": fixtures.dashboard.apiKey } });
  expect((await stored.json()).lead).toMatchObject({ last_name: "Wayne", phone: "+1 999 000", metadata: { stage: "won" } });
});

test("editing to another lead's email warns with a link to that lead; its own email does not", async ({ page, request }) => {
  const other = await createLeadViaApi(request, "Rhodey");
  const created = await createLeadViaApi(request, "James");
  const lead = new LeadPage(page);
  await lead.goto(created.id);
  await lead.editButton().click();
  const form = lead.editDialog();
  await form.field("Phone").fill("555");
  await expect(form.field("Email")).toHaveValue(created.email);
  await expect(form.duplicateNotice()).toBeEmpty();

  await form.field("Email").fill(other.email);
  await expect(form.duplicateNotice()).toContainText(`This email already belongs to ${other.full_name}`);
  await form.duplicateNotice().getByRole("link", { name: other.full_name }).click();
  await expect(page).toHaveURL(new RegExp(`/leads/${other.id}$`));
  await expect(lead.heading()).toHaveText(other.full_name);
});

test("awaiting outcome lists the leads with a meeting whose outcome is missing, kept in the URL", async ({ page, request }) => {
  const tag = `Todo${Math.random().toString(36).slice(2, 8)}`;
  const awaiting = await createLeadViaApi(request, "Waiting", { last_name: tag });
  const upcoming = await createLeadViaApi(request, "Booked", { last_name: tag });
  const past = await createMeetingViaApi(request, { leadId: awaiting.id, title: "Demo without outcome", startsAt: hoursFromNow(-3) });
  await createMeetingViaApi(request, { leadId: upcoming.id, title: "Demo next week", startsAt: hoursFromNow(24 * 7) });

  const leads = new LeadsPage(page);
  await leads.goto(tag);
  await expect(leads.rows()).toHaveCount(2);
  await leads.filter("Awaiting outcome").click();
  await expect(page).toHaveURL(/filter=awaiting-outcome/);
  await expect(page).toHaveURL(new RegExp(`q=${tag}`));
  await expect(leads.filter("Awaiting outcome")).toHaveAttribute("aria-current", "page");
  await expect(leads.rowNames()).toHaveText([`Waiting ${tag}`]);
  await expect(leads.row(`Waiting ${tag}`).getByTestId("awaiting-outcome")).toHaveText("1 awaiting outcome");
  await saveScreenshot(page, "leads-awaiting-outcome");

  await meetingActionViaApi(request, past.id, "complete");
  await page.reload();
  await expect(leads.rows()).toHaveCount(0);
  await expect(page.getByText(`No leads matching “${tag}” are awaiting an outcome.`)).toBeVisible();

  await leads.filter("All leads").click();
  await expect(page).not.toHaveURL(/filter=/);
  await expect(leads.rows()).toHaveCount(2);
});

test("the list sorts by name, recent update or next meeting, kept in the URL with the search", async ({ page, request }) => {
  const tag = `Sort${Math.random().toString(36).slice(2, 8)}`;
  const later = await createLeadViaApi(request, "Alma", { last_name: tag });
  const sooner = await createLeadViaApi(request, "Zoe", { last_name: tag });
  await createLeadViaApi(request, "Mia", { last_name: tag });
  await createMeetingViaApi(request, { leadId: later.id, title: "Later", startsAt: hoursFromNow(24 * 5) });
  await createMeetingViaApi(request, { leadId: sooner.id, title: "Sooner", startsAt: hoursFromNow(24 * 2) });

  const leads = new LeadsPage(page);
  await leads.goto(tag);
  await expect(leads.sort("Name")).toHaveAttribute("aria-current", "page");
  await expect(leads.rowNames()).toHaveText([`Alma ${tag}`, `Mia ${tag}`, `Zoe ${tag}`]);

  await leads.sort("Next meeting").click();
  await expect(page).toHaveURL(new RegExp(`sort=next-meeting`));
  await expect(leads.rowNames()).toHaveText([`Zoe ${tag}`, `Alma ${tag}`, `Mia ${tag}`]);
  await saveScreenshot(page, "leads-sorted-next-meeting");

  await leads.sort("Recently updated").click();
  await expect(leads.rowNames()).toHaveText([`Mia ${tag}`, `Zoe ${tag}`, `Alma ${tag}`]);
  await leads.search(tag);
  await expect(page).toHaveURL(/sort=updated/);
});

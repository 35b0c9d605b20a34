import { expect, test, type Browser, type Page } from "@playwright/test";
import { catalogues } from "@/messages";
import { startReceiver } from "../tests/support/webhook-receiver";
import { seriousViolations } from "./axe";
import { shownTexts, untranslated } from "./language-check";
import { dateInZone, fixtures, saveScreenshot } from "./support";

// The dashboard in Spanish for a rep in Santiago, and every page in both languages. The Spanish rep is a
// tenant of its own (fixtures.spanish): saving their language never changes what the other tests see.
const es = catalogues.es;
const en = catalogues.en;
const SANTIAGO = "America/Santiago";

/** Saves a screenshot, and fails on any message key or English sentence a Spanish page shows. */
async function lookAt(page: Page, locale: "en" | "es", name: string, { fullPage = true } = {}) {
  await saveScreenshot(page, `${locale}-${name}`, { fullPage });
  if (locale === "es") expect(untranslated(await shownTexts(page)), `English or message keys on ${name}`).toEqual([]);
}

/** Text that is exactly one of the words. */
const oneOf = (words: string[]) => new RegExp(`^(${words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})$`);

async function signIn(page: Page, rep: { email: string; password: string; name: string }, words: typeof en.auth.signIn) {
  await page.goto("/sign-in");
  await page.getByLabel(words.email).fill(rep.email);
  await page.getByLabel(words.password).fill(rep.password);
  await page.getByRole("button", { name: words.submit }).click();
  await expect(page.getByTestId("rep-name")).toContainText(rep.name);
}

test.describe("a rep whose browser speaks Spanish", () => {
  test.use({ locale: "es-CL", timezoneId: SANTIAGO });

  test("signs in, finds a lead, logs a meeting and switches tabs, all in Spanish", async ({ page }) => {
    const { rep, timeline } = fixtures.spanish;
    await page.goto("/sign-in");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(es.auth.signIn.heading);

    // A wrong password: the generic refusal, in Spanish.
    await page.getByLabel(es.auth.signIn.email).fill(rep.email);
    await page.getByLabel(es.auth.signIn.password).fill("not the password at all");
    await page.getByRole("button", { name: es.auth.signIn.submit }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(es.auth.signIn.errors.invalidCredentials);
    await lookAt(page, "es", "sign-in");

    await signIn(page, rep, es.auth.signIn);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(es.leads.list.title);
    await page.getByRole("searchbox", { name: es.leads.list.searchLabel }).fill(timeline.leadName);
    await page.getByRole("button", { name: es.leads.list.search, exact: true }).click();
    await page.getByRole("link", { name: timeline.leadName }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(timeline.leadName);

    const tab = (name: string) => page.getByRole("tab", { name: new RegExp(`^${name}\\s*\\d+$`) });
    await expect(tab(es.meetings.tabs.upcoming)).toHaveAttribute("aria-selected", "true");
    // Dates read the Chilean way, in the rep's zone named in Spanish.
    await expect(page.getByRole("tabpanel").locator("time").first()).toContainText("(hora de Chile)");

    const upcomingCount = Number((await tab(es.meetings.tabs.upcoming).innerText()).match(/(\d+)\s*$/)?.[1]);

    // Log a meeting: first refused with the field named in Spanish, then saved.
    await page.getByRole("button", { name: es.meetingForms.log.open }).click();
    const form = page.getByRole("form", { name: es.meetingForms.log.formLabel });
    await form.getByRole("button", { name: es.meetingForms.log.save }).click();
    await expect(form.getByLabel(es.meetingForms.log.title, { exact: true })).toHaveAccessibleDescription("Título: no puede estar vacío");
    await expect(form.getByRole("alert")).toHaveText(es.validation.form.correctTheFields);
    await lookAt(page, "es", "log-meeting-errors");

    await form.getByLabel(es.meetingForms.log.title, { exact: true }).fill("Demostración del producto");
    await form.getByLabel(es.meetingForms.time.start, { exact: true }).fill(`${dateInZone(3, SANTIAGO)}T10:00`);
    await form.getByRole("button", { name: es.meetingForms.log.save }).click();
    await expect(page.getByRole("status")).toContainText(`Reunión registrada en ${es.meetings.tabs.upcoming}.`);
    const card = page.getByTestId("meeting-card").filter({ hasText: "Demostración del producto" });
    await expect(card.locator("time").first()).toContainText("10:00–10:30 (hora de Chile)");
    await expect(card.getByTestId("status-badge")).toHaveText(es.meetings.status.scheduled);
    await expect(tab(es.meetings.tabs.upcoming)).toHaveAccessibleName(new RegExp(`^${es.meetings.tabs.upcoming}\\s*${upcomingCount + 1}$`));
    await lookAt(page, "es", "lead-upcoming");
    expect(await seriousViolations(page), "axe on the Spanish lead page").toEqual([]);

    await tab(es.meetings.tabs.past).click();
    await expect(page.getByRole("tabpanel").getByText(es.meetings.card.awaitingOutcome, { exact: true }).first()).toBeVisible();
    await lookAt(page, "es", "lead-past");
    await tab(es.meetings.tabs.no_show).click();
    await expect(page.getByRole("tabpanel").getByTestId("status-badge").first()).toHaveText(es.meetings.status.no_show);
    await lookAt(page, "es", "lead-no-show");
  });

  test("a refused action explains itself in Spanish, and the meeting's history reads in Spanish", async ({ page }) => {
    const { rep, timeline } = fixtures.spanish;
    await signIn(page, rep, es.auth.signIn);
    await page.goto(`/leads/${timeline.leadId}?tab=upcoming`);
    const card = page.getByTestId("meeting-card").filter({ has: page.getByRole("heading", { name: "Upcoming later" }) });
    await card.getByRole("button", { name: es.meetings.actions.reschedule }).click();
    const dialog = page.getByRole("dialog", { name: es.meetingForms.reschedule.title });
    await dialog.getByLabel(es.meetingForms.time.duration, { exact: true }).fill("0");
    await dialog.getByRole("button", { name: es.meetingForms.reschedule.submit }).click();
    await expect(dialog.getByLabel(es.meetingForms.time.duration, { exact: true })).toHaveAccessibleDescription(
      "Duración (minutos): debe estar entre 1 y 1440",
    );
    await lookAt(page, "es", "dialog-reschedule", { fullPage: false });
    await dialog.getByLabel(es.meetingForms.time.duration, { exact: true }).fill("45");
    await dialog.getByRole("button", { name: es.meetingForms.reschedule.submit }).click();
    await expect(page.getByRole("status")).toContainText("“Upcoming later” reagendada para el");

    await card.getByRole("button", { name: es.meetings.card.history }).click();
    await expect(card.getByTestId("history-event").first()).toHaveText(es.history.events.meeting_rescheduled);
    await expect(card.getByTestId("history-entry").first()).toContainText(`${es.history.fields.duration_minutes}: de 1 h → a 45 min`);
    await lookAt(page, "es", "meeting-history");
  });

  test("the webhooks settings, the new-lead form and the not-found page are in Spanish", async ({ page }) => {
    const receiver = await startReceiver();
    try {
      await signIn(page, fixtures.spanish.rep, es.auth.signIn);
      await page.goto("/settings/webhooks");
      await page.getByLabel(es.webhooks.form.url).fill(receiver.url);
      await page.getByRole("button", { name: es.webhooks.form.submit }).click();
      const endpoint = page.getByTestId("webhook-endpoint").filter({ hasText: receiver.url });
      await endpoint.getByRole("button", { name: es.webhooks.endpoint.sendTest }).click();
      await receiver.waitFor(1);
      await expect(async () => {
        await page.reload();
        await expect(page.getByTestId("delivery").first()).toContainText(es.webhooks.deliveries.status.succeeded, { timeout: 1000 });
      }).toPass({ timeout: 15_000 });
      await lookAt(page, "es", "webhooks");

      await page.goto("/leads");
      await page.getByRole("button", { name: es.leads.form.newLead }).click();
      const dialog = page.getByRole("dialog", { name: es.leads.form.newLead });
      await dialog.getByLabel(es.leads.form.email, { exact: true }).fill("pepper@");
      await dialog.getByRole("button", { name: es.leads.form.create }).click();
      await expect(dialog.getByLabel(es.leads.form.firstName, { exact: true })).toHaveAccessibleDescription("Nombre: no puede estar vacío");
      await expect(dialog.getByLabel(es.leads.form.email, { exact: true })).toHaveAccessibleDescription(
        "Correo electrónico: debe ser un correo electrónico válido",
      );
      await lookAt(page, "es", "dialog-new-lead", { fullPage: false });

      await page.goto("/leads/00000000-0000-4000-8000-000000000000");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(es.pages.notFound.heading);
      await lookAt(page, "es", "not-found");
    } finally {
      await receiver.close();
    }
  });
});

test("a rep's choice of language is kept for them on every browser, whatever the browser asks for", async ({ browser }) => {
  const { rep } = fixtures.spanish;
  const englishBrowser = async (b: Browser) => (await b.newContext({ locale: "en-US", timezoneId: SANTIAGO })).newPage();

  const first = await englishBrowser(browser);
  await signIn(first, rep, en.auth.signIn);
  await expect(first.getByRole("heading", { level: 1 })).toHaveText(en.leads.list.title);
  await first.getByTestId("rep-name").click();
  await expect(first.getByRole("group", { name: en.common.account.language }).getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
  await saveScreenshot(first, "en-account-menu", { fullPage: false });
  await first.getByRole("button", { name: "Español" }).click();
  await expect(first.locator("html")).toHaveAttribute("lang", "es");
  await expect(first.getByRole("heading", { level: 1 })).toHaveText(es.leads.list.title);
  await lookAt(first, "es", "leads");

  // Another browser that asks for English: the rep still gets Spanish once signed in.
  const second = await englishBrowser(browser);
  await second.goto("/sign-in");
  await expect(second.getByRole("heading", { level: 1 })).toHaveText(en.auth.signIn.heading);
  await signIn(second, rep, en.auth.signIn);
  await expect(second.getByRole("heading", { level: 1 })).toHaveText(es.leads.list.title);

  // Back to English, for them everywhere: on a lead's page, whose activity feed (worded by the server,
  // cached in the browser) must change language with the page, without a reload.
  await second.goto(`/leads/${fixtures.spanish.timeline.leadId}`);
  const activity = second.getByRole("region", { name: es.history.activity.heading });
  await expect(activity.getByTestId("history-event").first()).toHaveText(oneOf(Object.values(es.history.events)));
  await second.getByTestId("rep-name").click();
  await second.getByRole("button", { name: "English" }).click();
  const activityInEnglish = second.getByRole("region", { name: en.history.activity.heading });
  await expect(activityInEnglish.getByTestId("history-event").first()).toHaveText(oneOf(Object.values(en.history.events)));
  await second.goto("/leads");
  await expect(second.getByRole("heading", { level: 1 })).toHaveText(en.leads.list.title);
  await first.reload();
  await expect(first.getByRole("heading", { level: 1 })).toHaveText(en.leads.list.title);
  await first.context().close();
  await second.context().close();
});

test("every page in English: the same tour, for side-by-side screenshots", async ({ page }) => {
  const { rep, timeline } = fixtures.dashboard;
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await lookAt(page, "en", "sign-in");
  await signIn(page, rep, en.auth.signIn);
  await lookAt(page, "en", "leads");
  for (const tab of ["upcoming", "past", "no-show"]) {
    await page.goto(`/leads/${timeline.leadId}?tab=${tab}`);
    await expect(page.getByRole("tabpanel")).toBeVisible();
    await lookAt(page, "en", `lead-${tab}`);
  }
  await page.goto("/settings/webhooks");
  await lookAt(page, "en", "webhooks");
  await page.goto("/leads/00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.pages.notFound.heading);
  await lookAt(page, "en", "not-found");
});

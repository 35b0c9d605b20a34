import { expect, test } from "@playwright/test";
import { catalogues } from "@/messages";
import { seriousViolations } from "./axe";
import { LeadPage, type TabName } from "./pages/lead-page";
import { MeetingCard } from "./pages/meeting-card";
import { SignInPage } from "./pages/sign-in-page";
import { fixtures } from "./support";

// The fixture lead's first card in each tab offers every lifecycle action between them.
const { dialogs, reschedule } = catalogues.en.meetingForms;
const LIFECYCLE_DIALOGS = [...Object.values(dialogs).map((dialog) => dialog.title), reschedule.title];

for (const width of [1280, 375]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });
    // Each axe scan of a full page takes seconds on a busy 2-core machine.
    test.describe.configure({ timeout: 120_000 });

    test("sign-in page has no serious accessibility violation", async ({ page }) => {
      await new SignInPage(page).goto();
      expect(await seriousViolations(page)).toEqual([]);
      await new SignInPage(page).signIn({ email: fixtures.dashboard.rep.email, password: "not-the-password" });
      await expect(new SignInPage(page).error()).toBeVisible();
      expect(await seriousViolations(page), "with the error shown").toEqual([]);
    });

    test("leads list and its new-lead dialog have no serious accessibility violation", async ({ page }) => {
      await new SignInPage(page).signInAs(fixtures.dashboard.rep);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole("button", { name: "New lead" }).click();
      await expect(page.getByRole("dialog", { name: "New lead" })).toBeVisible();
      expect(await seriousViolations(page), "new lead dialog").toEqual([]);
    });

    test("lead page, each tab, the log form and a lifecycle dialog have no serious accessibility violation", async ({ page }) => {
      const leadPage = new LeadPage(page);
      await new SignInPage(page).signInAs(fixtures.dashboard.rep, `/leads/${fixtures.dashboard.timeline.leadId}`);
      for (const tab of ["Upcoming", "Past", "No-show"] as TabName[]) {
        await leadPage.openTab(tab);
        expect(await seriousViolations(page), `${tab} tab`).toEqual([]);
      }
      await leadPage.openTab("Upcoming");
      await leadPage.panel().locator('button[aria-haspopup="dialog"]').first().click();
      await expect(page.getByRole("dialog")).toBeVisible();
      expect(await seriousViolations(page), "lifecycle dialog").toEqual([]);
      await page.keyboard.press("Escape");
      await expect(page.getByRole("dialog")).toBeHidden();

      await leadPage.openFormButton().click();
      await expect(leadPage.form()).toBeVisible();
      await leadPage.moreDetails().click();
      expect(await seriousViolations(page), "log meeting form").toEqual([]);
    });

    test("every kind of meeting dialog and the edit-lead dialog have no serious accessibility violation", async ({ page }) => {
      const leadPage = new LeadPage(page);
      await new SignInPage(page).signInAs(fixtures.dashboard.rep, `/leads/${fixtures.dashboard.timeline.leadId}`);
      const scanned = new Set<string>();
      for (const tab of ["Upcoming", "Past", "No-show"] as TabName[]) {
        await leadPage.openTab(tab);
        const card = new MeetingCard(leadPage.panel().getByTestId("meeting-card").first());
        for (const button of await card.actionButtons().all()) {
          await button.click();
          const dialog = page.getByRole("dialog");
          await expect(dialog).toBeVisible();
          const name = await dialog.getByRole("heading").first().innerText();
          expect(await seriousViolations(page, { within: "dialog[open]" }), `${tab}: ${name}`).toEqual([]);
          scanned.add(name);
          await page.keyboard.press("Escape");
          await expect(dialog).toBeHidden();
        }
      }
      expect([...scanned]).toEqual(expect.arrayContaining(LIFECYCLE_DIALOGS));

      await leadPage.editButton().click();
      await expect(leadPage.editDialog().root()).toBeVisible();
      expect(await seriousViolations(page, { within: "dialog[open]" }), "edit lead dialog").toEqual([]);
    });

    test("webhooks settings page has no serious accessibility violation", async ({ page }) => {
      await new SignInPage(page).signInAs(fixtures.dashboard.rep, "/settings/webhooks");
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

test.describe("with text zoomed to 200 %", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("no page loses content off its side", async ({ page }) => {
    test.setTimeout(90_000);
    await new SignInPage(page).signInAs(fixtures.dashboard.rep);
    for (const path of ["/leads", `/leads/${fixtures.dashboard.timeline.leadId}`, `/leads/${fixtures.dashboard.timeline.leadId}?tab=past`, "/settings/webhooks"]) {
      await page.goto(path);
      // Text zoom scales the root font size; every rem-based size follows, as in a browser's text-only zoom.
      await page.addStyleTag({ content: "html { font-size: 200% !important; }" });
      const { overflow, widest } = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const beyond = [...document.querySelectorAll("body *")].filter((element) => element.getBoundingClientRect().right > width + 0.5);
        const describe = (element: Element) => `${element.tagName.toLowerCase()}.${[...element.classList].slice(0, 4).join(".")} "${element.textContent?.trim().slice(0, 30)}"`;
        return { overflow: document.documentElement.scrollWidth - width, widest: beyond.slice(-3).map(describe) };
      });
      expect(overflow, `${path}: ${widest.join("; ")}`).toBeLessThanOrEqual(0);
    }
  });
});

test.describe("with reduced motion", () => {
  test.use({ reducedMotion: "reduce" });

  test("transitions are switched off", async ({ page }) => {
    await new SignInPage(page).signInAs(fixtures.dashboard.rep);
    const duration = await page.evaluate(() => {
      const probe = document.createElement("div");
      probe.className = "transition-colors duration-300";
      document.body.append(probe);
      return getComputedStyle(probe).transitionDuration;
    });
    expect(parseFloat(duration)).toBeLessThan(0.001);
  });
});

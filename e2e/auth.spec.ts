import { expect, test } from "@playwright/test";
import { LeadPage } from "./pages/lead-page";
import { LeadsPage } from "./pages/leads-page";
import { SignInPage } from "./pages/sign-in-page";
import { fixtures, saveScreenshot } from "./support";

const repA = fixtures.dashboard.rep;
const GENERIC_FAILURE = "Incorrect email or password. After several failed attempts, signing in pauses for a few minutes.";

test("a rep signs in with email and password and lands on the leads list", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await expect(signIn.email()).toBeVisible();
  await expect(signIn.password()).toHaveAttribute("type", "password");
  await saveScreenshot(page, "sign-in");

  await signIn.signIn(repA);
  await expect(page).toHaveURL(/\/leads$/);
  await expect(new LeadsPage(page).heading()).toBeVisible();
  await expect(page.getByTestId("rep-name")).toContainText(repA.name);
});

test("the session cookie is httpOnly, SameSite=Lax and lasts 30 days", async ({ page, context }) => {
  await new SignInPage(page).signInAs(repA);
  const [cookie] = (await context.cookies()).filter((c) => c.name === "nexor_session");
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe("Lax");
  // Plain http here, so not Secure (the flag follows the request's scheme).
  expect(cookie.secure).toBe(false);
  const days = (cookie.expires * 1000 - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(29.9);
  expect(days).toBeLessThanOrEqual(30);
  expect(cookie.value.length).toBeGreaterThanOrEqual(43);
});

test("wrong credentials give one generic error, whether or not the email exists", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn({ email: repA.email, password: "not-the-password" });
  await expect(signIn.error()).toHaveText(GENERIC_FAILURE);
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn.signIn({ email: "nobody@example.com", password: "whatever-it-is" });
  await expect(signIn.error()).toHaveText(GENERIC_FAILURE);

  // A user with no password (a host) cannot sign in either.
  await signIn.signIn({ email: fixtures.dashboard.host.email, password: "anything" });
  await expect(signIn.error()).toHaveText(GENERIC_FAILURE);
});

test("an email PostgreSQL cannot compare (a NUL in it) is one more wrong sign-in, not a server error", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await expect(signIn.error()).toHaveCount(0);
  // The browser would not send it (not a valid email): as a script posting the form would.
  await page.locator("form").evaluate((form: HTMLFormElement) => (form.noValidate = true));
  await signIn.signIn({ email: `nul\u0000${repA.email}`, password: "whatever-it-is" });
  await expect(signIn.error()).toHaveText(GENERIC_FAILURE);
});

test("a signed-out visit to a lead redirects to sign-in and comes back to the same view", async ({ page }) => {
  const target = `/leads/${fixtures.dashboard.timeline.leadId}?tab=past`;
  await page.goto(target);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  expect(new URL(page.url()).searchParams.get("next")).toBe(target);

  await new SignInPage(page).signIn(repA);
  await expect(page).toHaveURL(new RegExp(`${target.replace("?", "\\?")}$`));
  await expect(new LeadPage(page).tab("Past")).toHaveAttribute("aria-selected", "true");
});

test("sign-in ignores a `next` that leaves the site", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto("//evil.example.com/phish");
  await signIn.signIn(repA);
  await expect(page).toHaveURL(/\/leads$/);
});

test("sign out deletes the session: the old cookie no longer opens the dashboard", async ({ page, context }) => {
  await new SignInPage(page).signInAs(repA);
  const session = (await context.cookies()).find((c) => c.name === "nexor_session")!;

  await page.getByTestId("rep-name").click();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  expect((await context.cookies()).some((c) => c.name === "nexor_session")).toBe(false);

  await context.addCookies([session]);
  await page.goto("/leads");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(new SignInPage(page).email()).toBeVisible();
});

test("a cookie that is no session gets a real redirect status to sign-in, not a streamed page", async ({ request }) => {
  const leadPath = `/leads/${fixtures.dashboard.timeline.leadId}`;
  // /leads is where sign-in lands by default, so it needs no `next`; a cookie that opens no session has ended.
  for (const [path, location] of [["/leads", "/sign-in?ended=1"], [leadPath, `/sign-in?next=${encodeURIComponent(leadPath)}&ended=1`]]) {
    const response = await request.get(path, { headers: { cookie: "nexor_session=not-a-session" }, maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    const redirect = new URL(response.headers().location, response.url());
    expect(redirect.pathname + redirect.search, path).toBe(location);
  }
});

test("a return path that normalises to another origin is refused, by the sign-in action and by the signed-in redirect", async ({ page, request }) => {
  for (const next of ["/.//evil.example/phish", "/leads/..//evil.example"]) {
    // The action's redirect after signing in.
    await page.context().clearCookies();
    const signIn = new SignInPage(page);
    await signIn.goto(next);
    await signIn.signIn(repA);
    await expect(page).toHaveURL(/\/leads$/);
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);

    // The sign-in page's redirect for a rep who is already signed in: a real 307, inspected unfollowed.
    const cookie = (await page.context().cookies()).find((c) => c.name === "nexor_session")!;
    const response = await request.get(`/sign-in?next=${encodeURIComponent(next)}`, {
      headers: { cookie: `nexor_session=${cookie.value}` },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toBe("/leads");
  }
});

test("sign out everywhere ends the rep's sessions in every browser, not only this one", async ({ page, browser }) => {
  const elsewhere = await browser.newContext();
  const otherPage = await elsewhere.newPage();
  await new SignInPage(otherPage).signInAs(repA);
  await new SignInPage(page).signInAs(repA);
  const leadPath = `/leads/${fixtures.dashboard.timeline.leadId}?tab=past`;
  const otherLead = new LeadPage(otherPage);
  await otherPage.goto(leadPath);
  await expect(otherLead.meetingTitles().first()).toBeVisible();

  const menu = page.getByTestId("rep-name");
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await saveScreenshot(page, "account-menu");
  await page.getByRole("button", { name: /Sign out everywhere/ }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  // The other browser's next action finds its session ended: sign-in says so, and comes back to the page it was on.
  await otherLead.card(await otherLead.meetingTitles().first().innerText()).historyButton().click();
  await expect(otherPage).toHaveURL(/\/sign-in\?/);
  expect(new URL(otherPage.url()).searchParams.get("next")).toBe(leadPath);
  await expect(otherPage.getByRole("status")).toHaveText("Your session has ended. Sign in again to pick up where you left off.");
  await new SignInPage(otherPage).signIn(repA);
  await expect(otherPage).toHaveURL(new RegExp(`${leadPath.replace("?", "\\?")}$`));

  await new SignInPage(page).goto();
  await expect(page.getByRole("status")).toHaveCount(0); // a plain visit to sign-in says nothing of an ended session
  await elsewhere.close();
});

test("the account menu closes on Escape and gives focus back to its button", async ({ page }) => {
  await new SignInPage(page).signInAs(repA);
  const menu = page.getByTestId("rep-name");
  await menu.click();
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeHidden();
  await expect(menu).toBeFocused();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
});

test.describe("over https (as a TLS-terminating proxy forwards it)", () => {
  test.use({ extraHTTPHeaders: { "x-forwarded-proto": "https" } });

  test("the session cookie is __Host- prefixed and Secure, and a plain-named one is ignored", async ({ page, context }) => {
    await new SignInPage(page).signInAs(repA);
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === "__Host-nexor_session")!;
    expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookies.some((c) => c.name === "nexor_session")).toBe(false);

    // A cookie without the prefix (one a sibling subdomain could plant) opens nothing over https.
    await context.clearCookies();
    await context.addCookies([{ ...session, name: "nexor_session", secure: false }]);
    await page.goto("/leads");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

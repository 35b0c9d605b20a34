import { expect, type Page } from "@playwright/test";

export class SignInPage {
  constructor(readonly page: Page) {}

  readonly email = () => this.page.getByLabel("Email");
  readonly password = () => this.page.getByLabel("Password");
  readonly submit = () => this.page.getByRole("button", { name: "Sign in" });
  // Scoped to main: Next renders its own (empty) route-announcer alert outside it.
  readonly error = () => this.page.getByRole("main").getByRole("alert");

  async goto(next?: string) {
    await this.page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
  }

  async signIn(credentials: { email: string; password: string }) {
    await this.email().fill(credentials.email);
    await this.password().fill(credentials.password);
    await this.submit().click();
  }

  /** Signs in from the sign-in page and waits until the dashboard shows the rep. */
  async signInAs(rep: { email: string; password: string; name: string }, next?: string) {
    await this.goto(next);
    await this.signIn(rep);
    await expect(this.page.getByTestId("rep-name")).toContainText(rep.name);
  }
}

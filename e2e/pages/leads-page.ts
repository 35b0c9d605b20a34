import type { Page } from "@playwright/test";

export class LeadsPage {
  constructor(readonly page: Page) {}

  readonly heading = () => this.page.getByRole("heading", { level: 1, name: "Leads" });
  readonly searchBox = () => this.page.getByRole("searchbox", { name: "Search leads" });
  readonly rows = () => this.page.getByTestId("lead-row");
  readonly row = (name: string) => this.rows().filter({ has: this.page.getByRole("link", { name }) });

  async goto(query?: string) {
    await this.page.goto(query ? `/leads?q=${encodeURIComponent(query)}` : "/leads");
  }

  async search(query: string) {
    await this.searchBox().fill(query);
    await this.searchBox().press("Enter");
  }
}

import type { Page } from "@playwright/test";
import { LeadFormDialog } from "./lead-form";

export class LeadsPage {
  constructor(readonly page: Page) {}

  readonly heading = () => this.page.getByRole("heading", { level: 1, name: "Leads" });
  readonly searchBox = () => this.page.getByRole("searchbox", { name: "Search leads" });
  readonly rows = () => this.page.getByTestId("lead-row");
  readonly row = (name: string) => this.rows().filter({ has: this.page.getByRole("link", { name }) });
  readonly rowNames = () => this.rows().getByRole("link");
  readonly newLeadButton = () => this.page.getByRole("button", { name: "New lead" });
  readonly newLeadDialog = () => new LeadFormDialog(this.page, "New lead");
  readonly filter = (name: "All leads" | "Awaiting outcome") => this.page.getByRole("navigation", { name: "Filter leads" }).getByRole("link", { name });
  readonly sort = (name: "Name" | "Recently updated" | "Next meeting") =>
    this.page.getByRole("navigation", { name: "Sort by" }).getByRole("link", { name, exact: true });

  async goto(query?: string) {
    await this.page.goto(query ? `/leads?q=${encodeURIComponent(query)}` : "/leads");
  }

  async search(query: string) {
    await this.searchBox().fill(query);
    await this.searchBox().press("Enter");
  }
}

import type { Page } from "@playwright/test";

/** The new-lead or edit-lead dialog and its form. */
export class LeadFormDialog {
  constructor(
    readonly page: Page,
    readonly title: "New lead" | "Edit lead",
  ) {}

  readonly root = () => this.page.getByRole("dialog", { name: this.title });
  readonly field = (label: string) => this.root().getByLabel(label, { exact: true });
  readonly fieldError = (label: string) => this.root().getByTestId("field-error").filter({ hasText: new RegExp(`^${label} `) });
  readonly formError = () => this.root().getByRole("alert");
  readonly duplicateNotice = () => this.root().getByTestId("duplicate-email");
  readonly addDetail = () => this.root().getByRole("button", { name: "Add detail" });
  readonly removeDetail = (position: number) => this.root().getByRole("button", { name: `Remove detail ${position}` });
  readonly button = (name: string | RegExp) => this.root().getByRole("button", { name, exact: typeof name === "string" });

  /** Fills detail row `position` (1-based), adding the row when it is not there yet. */
  async fillDetail(position: number, name: string, value: string) {
    if ((await this.root().getByTestId("metadata-row").count()) < position) await this.addDetail().click();
    await this.field(`Detail ${position} name`).fill(name);
    await this.field(`Detail ${position} value`).fill(value);
  }
}

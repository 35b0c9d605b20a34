import type { Page } from "@playwright/test";

/** An open action dialog (cancel, no-show, complete, confirm, reschedule), found by its accessible name. */
export class MeetingDialog {
  constructor(
    readonly page: Page,
    readonly name: string,
  ) {}

  readonly root = () => this.page.getByRole("dialog", { name: this.name });
  readonly field = (label: string) => this.root().getByLabel(label, { exact: true });
  readonly button = (name: string) => this.root().getByRole("button", { name, exact: true });
  readonly error = () => this.root().getByRole("alert");
  readonly gapNotice = () => this.root().getByTestId("dst-gap-notice");
}

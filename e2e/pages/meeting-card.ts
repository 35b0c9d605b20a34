import type { Locator } from "@playwright/test";

/** One meeting card on the lead page: its status, its action buttons and its history. */
export class MeetingCard {
  constructor(readonly root: Locator) {}

  readonly status = () => this.root.getByTestId("status-badge");
  readonly action = (name: string) => this.root.getByRole("button", { name, exact: true });
  /** The lifecycle buttons the card offers (each opens a dialog), in the order shown. */
  readonly actionButtons = () => this.root.locator('button[aria-haspopup="dialog"]');
  readonly historyButton = () => this.root.getByRole("button", { name: "History", exact: true });
  readonly history = () => this.root.getByTestId("meeting-history");
  readonly historyEvents = () => this.history().getByTestId("history-event");
  readonly historyEntries = () => this.history().getByTestId("history-entry");
}

import { expect, type Page } from "@playwright/test";
import { LeadFormDialog } from "./lead-form";
import { MeetingCard } from "./meeting-card";
import { MeetingDialog } from "./meeting-dialog";

export type TabName = "Upcoming" | "Past" | "No-show";

export class LeadPage {
  constructor(readonly page: Page) {}

  async goto(leadId: string, tab?: "upcoming" | "past" | "no-show") {
    return this.page.goto(tab ? `/leads/${leadId}?tab=${tab}` : `/leads/${leadId}`);
  }

  readonly heading = () => this.page.getByRole("heading", { level: 1 });
  readonly header = () => this.page.getByTestId("lead-header");
  /** One labelled item of the header's details ("Email", "Source", "Created"…), or of its metadata list. */
  readonly headerItem = (label: string) => this.header().locator("dl > div").filter({ has: this.page.locator("dt", { hasText: new RegExp(`^${label}$`) }) }).locator("dd");
  readonly company = () => this.header().getByTestId("lead-company");
  readonly editButton = () => this.header().getByRole("button", { name: "Edit", exact: true });
  readonly editDialog = () => new LeadFormDialog(this.page, "Edit lead");
  readonly tabList = () => this.page.getByRole("tablist", { name: "Meetings" });
  readonly tab = (name: TabName) => this.page.getByRole("tab", { name: new RegExp(`^${name}\\s*\\d+$`) });
  /** Clicks a tab and waits for its panel to be the one shown: the switch renders after the click returns. */
  async openTab(name: TabName) {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute("aria-selected", "true");
  }
  /** The visible panel: hidden ones are not in the accessibility tree. */
  readonly panel = () => this.page.getByRole("tabpanel");
  readonly meetingTitles = () => this.panel().getByRole("heading", { level: 3 });
  readonly meeting = (title: string) =>
    this.panel().getByTestId("meeting-card").filter({ has: this.page.getByRole("heading", { level: 3, name: title, exact: true }) });
  readonly card = (title: string) => new MeetingCard(this.meeting(title));
  readonly dialog = (name: string) => new MeetingDialog(this.page, name);
  readonly activity = () => this.page.getByRole("region", { name: "Activity" });
  readonly activityEvents = () => this.activity().getByTestId("history-event");

  // The log-meeting form
  readonly openFormButton = () => this.page.getByRole("button", { name: "Log meeting" });
  readonly form = () => this.page.getByRole("form", { name: "Log meeting" });
  readonly field = (label: string) => this.form().getByLabel(label, { exact: true });
  readonly saveButton = () => this.form().getByRole("button", { name: /Save meeting|Saving/ });
  /** Opens the optional fields (location, link, host, type, description, attendees). */
  readonly moreDetails = () => this.form().getByRole("button", { name: /^More details/ });
  readonly notice = () => this.page.getByRole("status");
}

import { expect, test } from "@playwright/test";
import { startReceiver } from "../tests/support/webhook-receiver";
import { SignInPage } from "./pages/sign-in-page";
import { fixtures, saveScreenshot } from "./support";

test("a rep adds a webhook endpoint, sends a test event and sees it delivered in the log", async ({ page }) => {
  const receiver = await startReceiver();
  try {
    await new SignInPage(page).signInAs(fixtures.dashboard.rep, "/settings/webhooks");
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();

    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByLabel("Description").fill("Receiver of the browser test");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secret = page.getByTestId("webhook-secret");
    await expect(secret).toHaveText(/^whsec_/);

    const endpoint = page.getByTestId("webhook-endpoint").filter({ hasText: receiver.url });
    await expect(endpoint).toBeVisible();
    await endpoint.getByRole("button", { name: "Send test event" }).click();
    await receiver.waitFor(1);
    expect(receiver.received[0].json.test).toBe(true);

    // The log shows the delivery's answer once the worker has recorded it, without a reload.
    const delivery = endpoint.getByTestId("delivery").first();
    await expect(delivery).toContainText("Delivered", { timeout: 15_000 });
    await expect(delivery.getByTestId("delivery-status-code")).toHaveText("200");
    await expect(page.getByRole("region", { name: `Delivery log of ${receiver.url}` })).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("webhook-secret")).toHaveCount(0); // shown once, not after a reload
    await saveScreenshot(page, "webhooks");

    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByTestId("webhook-endpoint").filter({ hasText: receiver.url }).getByRole("button", { name: "Delete" }).click();
    await expect(page.getByTestId("webhook-endpoint").filter({ hasText: receiver.url })).toHaveCount(0);
  } finally {
    await receiver.close();
  }
});

test("the endpoint form names a URL that is not allowed", async ({ page }) => {
  await new SignInPage(page).signInAs(fixtures.dashboard.rep, "/settings/webhooks");
  await page.getByLabel("Endpoint URL").fill("http://example.com/hook");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByText("Endpoint URL must use https")).toBeVisible();
  await expect(page.getByLabel("Endpoint URL")).toHaveAttribute("aria-invalid", "true");
});

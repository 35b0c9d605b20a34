import { expect, test } from "@playwright/test";
import { majorOf, pinnedNodeMajor } from "../tests/support/node-version";

test("Playwright's runner and the server under test run on the pinned Node.js", async ({ request }) => {
  expect(majorOf(process.version)).toBe(pinnedNodeMajor());
  const health = await (await request.get("/api/health")).json();
  expect(majorOf(health.node)).toBe(pinnedNodeMajor());
});

import fs from "node:fs";
import type { Fixtures } from "./fixtures";

/** The running server and seeded fixtures that `npm test` (scripts/test.ts) hands to the suites. */
export function testEnvironment(): { baseUrl: string; fixtures: Fixtures } {
  const baseUrl = process.env.TEST_BASE_URL;
  const fixturesFile = process.env.TEST_FIXTURES_FILE;
  if (!baseUrl || !fixturesFile) {
    throw new Error("API and browser tests run under `npm test`, which starts the server and seeds fixtures.");
  }
  return { baseUrl, fixtures: JSON.parse(fs.readFileSync(fixturesFile, "utf8")) };
}

import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const resolve = {
  alias: {
    "@": root,
    // `server-only` throws outside React Server Components; tests import the service layer directly.
    "server-only": path.join(root, "tests/support/empty.ts"),
    // next-intl's server functions need a Next.js request; the service and actions get English (tests/support/intl-server.ts).
    "next-intl/server": path.join(root, "tests/support/intl-server.ts"),
  },
};

export default defineConfig({
  resolve,
  test: {
    projects: [
      { resolve, test: { name: "unit", include: ["tests/unit/**/*.test.ts", "tests/cli/**/*.test.ts", "tests/db/**/*.test.ts"] } },
      { resolve, test: { name: "api", include: ["tests/api/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 30_000 } },
      // Starts servers of its own against a database it can cut off: one file at a time.
      { resolve, test: { name: "resilience", include: ["tests/resilience/**/*.test.ts"], fileParallelism: false, testTimeout: 120_000 } },
    ],
  },
});

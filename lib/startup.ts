import { sql } from "drizzle-orm";
import { embeddedDataDir, type Database } from "@/db/client";
import { clients } from "@/db/schema";
import { loadDemoCredentials, printDemoCredentials, saveDemoCredentials, seedDemoTenant } from "@/lib/demo/seed";

const isProduction = () => process.env.NODE_ENV === "production";

/**
 * Runs once, right after the database is first opened and migrated. The embedded database gets the demo
 * tenant when empty (a PostgreSQL one only with NEXOR_DEMO_SEED=1); an empty PostgreSQL database gets a
 * line saying how to create the first client.
 */
export async function prepareDatabase(connection: { db: Database; driver: "postgres" | "pglite" }) {
  if (process.env.NEXOR_SKIP_DEMO_SEED === "1") return;
  const { db, driver } = connection;
  const baseUrl = `http://localhost:${process.env.PORT ?? 3000}`;
  const wantsDemo = driver === "pglite" || process.env.NEXOR_DEMO_SEED === "1";

  if (!wantsDemo) {
    if (!(await hasAnyClient(db))) printFirstClientHelp();
    return;
  }
  const seeded = await seedDemoTenant(db);
  // The demo key and password are kept in clear only for the embedded demo on a developer's machine.
  const keepsCredentials = driver === "pglite" && !isProduction();
  if (seeded && keepsCredentials) saveDemoCredentials(embeddedDataDir(), seeded);
  const credentials = seeded ?? (keepsCredentials ? loadDemoCredentials(embeddedDataDir()) : null);
  if (credentials) printDemoCredentials(credentials, baseUrl);
}

async function hasAnyClient(db: Database): Promise<boolean> {
  const rows = await db.select({ one: sql`1` }).from(clients).limit(1);
  return rows.length > 0;
}

function printFirstClientHelp() {
  console.log(
    [
      "",
      "This database has no clients yet. Create the first one (it prints its id and an API key):",
      '  npm run --silent admin -- client create --name "Your company"',
      "Or restart with NEXOR_DEMO_SEED=1 to load the demo tenant into this empty database.",
      "",
    ].join("\n"),
  );
}

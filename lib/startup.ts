import { embeddedDataDir } from "@/db/client";
import { getDb } from "@/lib/db";
import { loadDemoCredentials, printDemoCredentials, saveDemoCredentials, seedDemoTenant } from "@/lib/demo/seed";

/** Opens and migrates the database at server start; an empty embedded database gets the demo tenant. */
export async function startup() {
  const db = await getDb();
  if (process.env.DATABASE_URL || process.env.NEXOR_SKIP_DEMO_SEED === "1") return;
  const dataDir = embeddedDataDir();
  const seeded = await seedDemoTenant(db);
  if (seeded) saveDemoCredentials(dataDir, seeded);
  const credentials = seeded ?? loadDemoCredentials(dataDir);
  const baseUrl = `http://localhost:${process.env.PORT ?? 3000}`;
  if (credentials) printDemoCredentials(credentials, baseUrl);
}

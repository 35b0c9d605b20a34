import { sql } from "drizzle-orm";
import { json } from "@/lib/api/public-route";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

// GET /api/health — readiness: answers 200 once the database is open and migrated.
export async function GET() {
  const db = await getDb();
  await db.execute(sql`select 1`);
  return json({ ok: true });
}

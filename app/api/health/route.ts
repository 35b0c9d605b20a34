import { json } from "@/lib/api/public-route";
import { RETRY_AFTER_SECONDS } from "@/lib/errors";
import { checkDatabase } from "@/lib/health";

export const dynamic = "force-dynamic";

// GET /api/health — readiness: 200 when the database answers, else 503; always JSON, always within seconds.
export async function GET() {
  const database = await checkDatabase();
  const up = database === "up";
  const response = json({ status: up ? "ok" : "degraded", ok: up, database, node: process.version }, up ? 200 : 503);
  if (!up) response.headers.set("retry-after", String(RETRY_AFTER_SECONDS));
  return response;
}

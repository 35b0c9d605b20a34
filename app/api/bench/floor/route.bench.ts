import fs from "node:fs";

// The framework floor of `npm run bench` (built only into its bench build): what Next.js itself costs to
// answer with a body the size of an ordinary lead's meetings, without touching the database.
const body = fs.readFileSync(process.env.BENCH_FLOOR_BODY_FILE ?? "/dev/null");

export const dynamic = "force-dynamic";

export function GET() {
  return new Response(body, { headers: { "content-type": "application/json", "cache-control": "no-store" } });
}

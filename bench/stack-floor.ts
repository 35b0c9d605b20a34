/**
 * The stack floor of `npm run bench`: a bare node:http server answering GET /leads/{id}/meetings with
 * the same lookups the product makes (key by hash, then the lead's meetings as the JSON each keeps in
 * public_json), through postgres.js with prepared statements. No framework, no validation: the
 * least this stack can cost per request. Run by the bench, never deployed.
 *
 *   DATABASE_URL=… PORT=… node bench/stack-floor.ts
 */
import { createHash } from "node:crypto";
import http from "node:http";
import postgres from "postgres";

const sql = postgres(process.env.DATABASE_URL!, { max: 10, prepare: true, onnotice: () => {} });
const route = /^\/api\/public\/leads\/([0-9a-f-]{36})\/meetings$/;

async function answer(leadId: string, key: string): Promise<{ status: number; body: string | Buffer }> {
  const hash = createHash("sha256").update(key).digest("hex");
  const [caller] = await sql`select client_id from api_keys where key_hash = ${hash} and revoked_at is null`;
  if (!caller) return { status: 401, body: '{"error":"Invalid API key","code":"invalid_api_key"}' };
  // As bytes, never decoded and encoded again, as the product reads them (db/raw-rows.ts).
  const rows = await sql`
    select public_json from meetings
    where client_id = ${caller.client_id} and lead_id = ${leadId}
    order by starts_at desc, created_at desc, id`.raw();
  const parts: Buffer[] = [HEAD];
  for (let index = 0; index < rows.length; index++) {
    if (index) parts.push(COMMA);
    parts.push(rows[index][0] as Buffer);
  }
  parts.push(TAIL);
  return { status: 200, body: Buffer.concat(parts) };
}

const [HEAD, COMMA, TAIL] = ['{"success":true,"meetings":[', ",", "]}"].map((text) => Buffer.from(text));

http
  .createServer(async (request, response) => {
    const match = route.exec(request.url ?? "");
    const key = request.headers["x-api-key"];
    const { status, body } = match && typeof key === "string" ? await answer(match[1], key) : { status: 404, body: "{}" };
    response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" }).end(body);
  })
  .listen(Number(process.env.PORT), "127.0.0.1");

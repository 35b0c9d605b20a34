import { buildOpenApiDocument } from "@/lib/openapi/document";

// GET /api/public/openapi.json — the API's OpenAPI 3.1 document; public, no key needed.
const document = JSON.stringify(buildOpenApiDocument(), null, 2);

export function GET() {
  return new Response(document, { headers: { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300" } });
}

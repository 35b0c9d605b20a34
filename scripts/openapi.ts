/**
 * `npm run openapi`: writes openapi.json (committed) from the zod schemas. The tests fail while the
 * committed file differs from what the code generates, so an API change shows up in review.
 */
import fs from "node:fs";
import path from "node:path";
import { buildOpenApiDocument } from "@/lib/openapi/document";

const file = path.join(import.meta.dirname, "..", "openapi.json");
fs.writeFileSync(file, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
console.log(`Wrote ${path.relative(process.cwd(), file)}`);

import fs from "node:fs";
import path from "node:path";

// Scalar's standalone API reference bundle, served from our own origin (never its CDN).
const bundlePath = path.join(/* turbopackIgnore: true */ process.cwd(), "node_modules", "@scalar", "api-reference", "dist", "browser", "standalone.js");
let bundle: Buffer | undefined;

export function GET() {
  bundle ??= fs.readFileSync(bundlePath);
  return new Response(new Uint8Array(bundle), {
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=86400" },
  });
}

// GET /docs — the API reference (Scalar), rendered from /api/public/openapi.json, entirely from this
// origin: the bundle is ours (/docs/scalar.js), its web fonts are off, and its request proxy is unset,
// so the page works with the network cut. Scripts carry the request's CSP nonce (set by proxy.ts).

const configuration = {
  url: "/api/public/openapi.json",
  withDefaultFonts: false,
  hideClientButton: true,
  telemetry: false,
  showDeveloperTools: "never",
  agent: { disabled: true },
  mcp: { disabled: true },
  hideDarkModeToggle: false,
  metaData: { title: "Nexor Meetings API reference" },
};

export function GET(request: Request) {
  const nonce = /'nonce-([^']+)'/.exec(request.headers.get("content-security-policy") ?? "")?.[1] ?? "";
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Nexor Meetings API reference</title>
    <link rel="icon" href="/icon.svg" type="image/svg+xml">
    <style nonce="${nonce}">body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; } :root { --scalar-font: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; --scalar-font-code: ui-monospace, SFMono-Regular, Menlo, monospace; }</style>
  </head>
  <body>
    <noscript>The reference needs JavaScript; the document itself is at <a href="/api/public/openapi.json">/api/public/openapi.json</a>.</noscript>
    <div id="app"></div>
    <script nonce="${nonce}" src="/docs/scalar.js"></script>
    <script nonce="${nonce}">Scalar.createApiReference("#app", ${JSON.stringify(configuration).replace(/</g, "\\u003c")});</script>
  </body>
</html>`;
  return new Response(html, { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { securityHeaders, strictTransportSecurity } from "./lib/http/security-headers";

// `npm run bench` builds with NEXOR_BENCH_BUILD=1: files ending in .bench.ts become routes (the framework
// floor), into a build directory of its own, so they never reach a production build.
const benchBuild = process.env.NEXOR_BENCH_BUILD === "1";

const nextConfig: NextConfig = {
  ...(benchBuild && { pageExtensions: ["tsx", "ts", "bench.ts"], distDir: ".next-bench" }),
  // PGlite loads WASM and data files relative to its own module; bundling it breaks that.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // The catalogues reach next-intl compiled (messages/compiled.ts), so it needs only the formatter, not the
  // ICU parser: about 9 kB less JavaScript on every page.
  turbopack: { resolveAlias: { "use-intl/format-message": "use-intl/format-message/format-only" } },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Only over https (as the TLS-terminating proxy says): over plain http the header means nothing.
      { source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: [strictTransportSecurity] },
    ];
  },
};

// The dashboard's messages and language per request: i18n/request.ts.
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);

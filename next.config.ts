import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads WASM and data files relative to its own module; bundling it breaks that.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
};

export default nextConfig;

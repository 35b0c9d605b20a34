import type { NextConfig } from "next";

// `npm run bench` builds with NEXOR_BENCH_BUILD=1: files ending in .bench.ts become routes (the framework
// floor), into a build directory of its own, so they never reach a production build.
const benchBuild = process.env.NEXOR_BENCH_BUILD === "1";

const nextConfig: NextConfig = {
  ...(benchBuild && { pageExtensions: ["tsx", "ts", "bench.ts"], distDir: ".next-bench" }),
  // PGlite loads WASM and data files relative to its own module; bundling it breaks that.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
};

export default nextConfig;

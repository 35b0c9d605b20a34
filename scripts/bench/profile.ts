import fs from "node:fs";
import path from "node:path";

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number };

/** Where a frame's code lives: a package under node_modules, Node itself, our code, or the idle/GC pseudo frames. */
function owner(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node core";
  const packagePath = url.split("node_modules/").at(-1)!;
  if (packagePath !== url) {
    const parts = packagePath.split("/");
    return parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  return "app bundles (.next-bench/server: our code and the libraries bundled with it)";
}

/**
 * A readable summary of the `.cpuprofile` files in `directory` (written by `node --cpu-prof`): where the
 * sampled time went, by package and by function (self time).
 */
export function summarizeProfiles(directory: string, top = 25): string {
  const files = fs.readdirSync(directory).filter((file) => file.endsWith(".cpuprofile"));
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const file of files) {
    const profile = JSON.parse(fs.readFileSync(path.join(directory, file), "utf8")) as CpuProfile;
    const hits = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
    const microsPerHit = hits ? (profile.endTime - profile.startTime) / hits : 0;
    for (const node of profile.nodes) {
      const ms = ((node.hitCount ?? 0) * microsPerHit) / 1000;
      if (!ms) continue;
      const { functionName, url, lineNumber } = node.callFrame;
      const who = owner(url, functionName);
      byOwner.set(who, (byOwner.get(who) ?? 0) + ms);
      const name = `${functionName || "(anonymous)"} — ${who}${url && !url.startsWith("node:") ? `:${lineNumber + 1}` : ""}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
      total += ms;
    }
  }
  const rows = (map: Map<string, number>, limit: number) =>
    [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([name, ms]) => `| ${name.replaceAll("|", "\\|")} | ${ms.toFixed(0)} | ${((ms / total) * 100).toFixed(1)} % |`);
  return [
    `CPU profile of the product under load (${files.length} file(s), ${(total / 1000).toFixed(1)} s sampled, \`node --cpu-prof\`).`,
    "",
    "| where (self time) | ms | share |",
    "|---|---|---|",
    ...rows(byOwner, 15),
    "",
    "| function (self time) | ms | share |",
    "|---|---|---|",
    ...rows(byFunction, top),
  ].join("\n");
}

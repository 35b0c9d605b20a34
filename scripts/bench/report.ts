import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { LoadResult } from "./load";

export type ScenarioResult = LoadResult & { name: string; floor: boolean; stalled: boolean };
type Plan = { label: string; sequential: boolean; executionMs: number; plan: string };

const ratio = (value: number, floor: number | undefined) => (floor ? `${(value / floor).toFixed(2)}×` : "—");

/** The Markdown table and JSON of one bench run, in the git-ignored bench-results/. */
export function writeReport(run: {
  scale: Record<string, number>; seedSeconds: number; results: ScenarioResult[]; plans: Plan[];
  pageWeight: { compressedScriptBytes: number; scriptFiles: number }; rounds: number; seconds: number;
}) {
  const framework = run.results.find((r) => r.name.startsWith("framework floor"));
  const stack = run.results.find((r) => r.name.startsWith("stack floor"));
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node.js ${process.version}`;
  const lines = [
    `Bench of ${new Date().toISOString().slice(0, 16)}Z on ${machine}`,
    `Scale: ${Object.entries(run.scale).map(([k, v]) => `${k} ${v.toLocaleString("en")}`).join(", ")} (seeded in ${run.seedSeconds.toFixed(0)} s). ` +
      `${run.rounds} rounds × ${run.seconds} s, 10 connections, medians; the load generator shares the machine.`,
    "",
    "| scenario | req/s | p50 ms | p99 ms | errors | KB/answer | × framework floor | × stack floor |",
    "|---|---|---|---|---|---|---|---|",
    ...run.results.map((r) =>
      `| ${r.name}${r.stalled ? " (**server still busy 3 min after its run**)" : ""} | ${Math.round(r.requestsPerSecond)} | ${r.p50} | ${r.p99} | ${r.errors} | ${(r.bytesPerRequest / 1024).toFixed(1)} | ` +
        `${ratio(r.requestsPerSecond, framework?.requestsPerSecond)} | ${ratio(r.requestsPerSecond, stack?.requestsPerSecond)} |`),
    "",
    `Lead page JavaScript: ${(run.pageWeight.compressedScriptBytes / 1024).toFixed(0)} KB compressed in ${run.pageWeight.scriptFiles} files.`,
    "",
    "| hot query (EXPLAIN ANALYZE at full scale) | execution ms | sequential scan of meetings/leads |",
    "|---|---|---|",
    ...run.plans.map((p) => `| ${p.label} | ${p.executionMs.toFixed(2)} | ${p.sequential ? "**yes**" : "no"} |`),
  ];
  const markdown = lines.join("\n");
  const directory = path.resolve(import.meta.dirname, "../../bench-results");
  fs.mkdirSync(directory, { recursive: true });
  fs.writeFileSync(path.join(directory, "latest.md"), markdown + "\n");
  fs.writeFileSync(path.join(directory, "latest.json"), JSON.stringify({ machine, ...run }, null, 2));
  return { markdown, directory };
}

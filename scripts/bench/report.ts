import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { LoadResult } from "./load";

export type ScenarioResult = LoadResult & { name: string; floor: boolean; stalled: boolean };
type Plan = { label: string; sequential: boolean; executionMs: number; plan: string };

const ratio = (value: number, floor: number | undefined) => (floor ? `${(value / floor).toFixed(2)}×` : "—");
const cpu = (ms: number | null) => (ms === null ? "—" : ms.toFixed(2));

/** The Markdown table and JSON of one bench run, in the git-ignored bench-results/. */
export function writeReport(run: {
  scale: Record<string, number>; seedSeconds: number; results: ScenarioResult[]; smallResults: ScenarioResult[]; plans: Plan[];
  pageWeight: { compressedScriptBytes: number; scriptFiles: number }; rounds: number; seconds: number; profile?: string;
}) {
  const framework = run.results.find((r) => r.name.startsWith("framework floor"));
  const stack = run.results.find((r) => r.name.startsWith("stack floor ("));
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node.js ${process.version}`;
  const row = (r: ScenarioResult, floor = framework) =>
    `| ${r.name}${r.stalled ? " (**server still busy 3 min after its run**)" : ""} | ${Math.round(r.requestsPerSecond)} | ${r.p50} | ${r.p99} | ${r.errors} | ${(r.bytesPerRequest / 1024).toFixed(1)} | ` +
    `${ratio(r.requestsPerSecond, floor?.requestsPerSecond)} | ${floor === framework ? ratio(r.requestsPerSecond, stack?.requestsPerSecond) : "—"} | ` +
    `${cpu(r.nodeCpuMs)} | ${cpu(r.postgresCpuMs)} |`;
  const smallFramework = run.smallResults.find((r) => r.floor);
  const smallOrdinary = run.smallResults.find((r) => !r.floor);
  const ordinary = run.results.find((r) => r.name.startsWith("GET ordinary lead"));
  const lines = [
    `Bench of ${new Date().toISOString().slice(0, 16)}Z on ${machine}`,
    `Scale: ${Object.entries(run.scale).map(([k, v]) => `${k} ${v.toLocaleString("en")}`).join(", ")} (seeded in ${run.seedSeconds.toFixed(0)} s). ` +
      `${run.rounds} rounds × ${run.seconds} s, 10 connections, medians; the load generator shares the machine.`,
    "CPU ms/answer: CPU time of the Node.js server answering (the product, or the stack floor on its rows) and of PostgreSQL, " +
      "over a run's answers; the load generator's own CPU is not in it. It moves far less than req/s on a shared machine.",
    "",
    "| scenario | req/s | p50 ms | p99 ms | errors | KB/answer | × framework floor | × stack floor | Node CPU ms/answer | PostgreSQL CPU ms/answer |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...run.results.map((r) => row(r)),
    "",
    "Cost growth: the ordinary-lead GET measured first at the small size, before the database grew (its floor measured beside it).",
    "",
    "| scenario at the small size | req/s | p50 ms | p99 ms | errors | KB/answer | × framework floor | | Node CPU ms/answer | PostgreSQL CPU ms/answer |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...run.smallResults.map((r) => row(r, smallFramework)),
    "",
    smallOrdinary && ordinary
      ? `Ordinary-lead GET p50 at full size / at the small size: ${ordinary.p50} / ${smallOrdinary.p50} ms = ${(ordinary.p50 / smallOrdinary.p50).toFixed(2)}×.`
      : "",
    "",
    `Lead page JavaScript: ${(run.pageWeight.compressedScriptBytes / 1024).toFixed(0)} KB compressed in ${run.pageWeight.scriptFiles} files.`,
    "",
    "| hot query (EXPLAIN ANALYZE at full scale) | execution ms | sequential scan of meetings/leads |",
    "|---|---|---|",
    ...run.plans.map((p) => `| ${p.label} | ${p.executionMs.toFixed(2)} | ${p.sequential ? "**yes**" : "no"} |`),
  ];
  lines.push("", ...targetLines(run.results, smallOrdinary, run.pageWeight.compressedScriptBytes));
  if (run.profile) lines.push("", run.profile);
  const markdown = lines.join("\n");
  const directory = path.resolve(import.meta.dirname, "../../bench-results");
  fs.mkdirSync(directory, { recursive: true });
  fs.writeFileSync(path.join(directory, "latest.md"), markdown + "\n");
  fs.writeFileSync(path.join(directory, "latest.json"), JSON.stringify({ machine, ...run }, null, 2));
  return { markdown, directory };
}

/** The issue's targets, each with the measured figure and whether it was met. */
function targetLines(results: ScenarioResult[], smallOrdinary: ScenarioResult | undefined, scriptBytes: number): string[] {
  const find = (prefix: string) => results.find((r) => r.name.startsWith(prefix));
  const framework = find("framework floor");
  const ordinary = find("GET ordinary lead");
  const targets: [string, number | undefined, number, "≥" | "≤", string][] = [
    ["GET ordinary lead req/s × framework floor", ratioOf(ordinary?.requestsPerSecond, framework?.requestsPerSecond), 0.9, "≥", "×"],
    ["GET ordinary lead p99", ordinary?.p99, 30, "≤", " ms"],
    ["hot lead limit=50 p50 × ordinary p50", ratioOf(find("GET hot lead, limit=50")?.p50, ordinary?.p50), 1.2, "≤", "×"],
    ["hot lead unpaged p50 × stack floor's p50 (same rows)", ratioOf(find("GET hot lead, unpaged")?.p50, find("stack floor, hot lead")?.p50), 1.5, "≤", "×"],
    ["POST create req/s × framework floor", ratioOf(find("POST create")?.requestsPerSecond, framework?.requestsPerSecond), 0.6, "≥", "×"],
    ["POST replay req/s × framework floor", ratioOf(find("POST idempotent replay")?.requestsPerSecond, framework?.requestsPerSecond), 0.6, "≥", "×"],
    ["errors and non-2xx, all scenarios", results.reduce((sum, r) => sum + r.errors, 0), 0, "≤", ""],
    ["lead page SSR p50, hot lead", find("lead page SSR, hot lead")?.p50, 150, "≤", " ms"],
    ["lead page JavaScript, compressed", scriptBytes / 1000, 200, "≤", " kB"],
    ["ordinary GET p50, full size × small size", ratioOf(ordinary?.p50, smallOrdinary?.p50), 1.2, "≤", "×"],
  ];
  return [
    "| target | measured | goal | met |",
    "|---|---|---|---|",
    ...targets.map(([label, value, goal, sense, unit]) => {
      // A scenario left out (BENCH_ONLY) or stalled gives no figure: not a miss, not a pass.
      if (value === undefined) return `| ${label} | not measured | ${sense} ${goal}${unit} | — |`;
      const met = sense === "≥" ? value >= goal : value <= goal;
      return `| ${label} | ${Number.isInteger(value) ? value : value.toFixed(2)}${unit} | ${sense} ${goal}${unit} | ${met ? "yes" : "**no**"} |`;
    }),
  ];
}

const ratioOf = (value: number | undefined, base: number | undefined) => (value !== undefined && base ? value / base : undefined);

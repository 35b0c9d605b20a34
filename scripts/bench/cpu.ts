import fs from "node:fs";

type ProcessInfo = { pid: number; pgid: number; name: string };
export type CpuReading = { node: number; postgres: number | null };

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux architecture the bench runs on

/** CPU time (user + system, ms) of the live processes `pick` selects, read from /proc; null without a /proc (not Linux). */
function processCpuMs(pick: (info: ProcessInfo) => boolean): { ms: number; processes: number } | null {
  if (!fs.existsSync("/proc/self/stat")) return null;
  let ticks = 0;
  let processes = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // ended meanwhile
    }
    // "pid (name) state ppid pgrp … utime stime …": the name may hold spaces and parentheses.
    const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (!pick({ pid: Number(entry), pgid: Number(fields[2]), name })) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
    processes++;
  }
  return { ms: (ticks * 1000) / TICKS_PER_SECOND, processes };
}

/**
 * Reads the CPU time spent so far by the Node.js servers under test (the product's process group and the
 * stack floor's process) and by PostgreSQL (the machine's processes named postgres: the bench's database
 * is local). A scenario's CPU per answer is the difference across its run over its answers: unlike req/s,
 * it barely moves when the machine is shared.
 */
export function cpuMeter(servers: { processGroups: number[]; pids: number[] }): () => CpuReading | null {
  return () => {
    const node = processCpuMs((p) => servers.processGroups.includes(p.pgid) || servers.pids.includes(p.pid));
    if (!node) return null;
    const postgres = processCpuMs((p) => p.name === "postgres");
    return { node: node.ms, postgres: postgres?.processes ? postgres.ms : null };
  };
}

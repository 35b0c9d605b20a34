import fs from "node:fs";

type ProcessStat = { pid: number; ppid: number; pgid: number; name: string; ownMs: number; reapedChildrenMs: number };
export type CpuReading = { node: number; postgres: number | null };
export type BenchServer = "product" | "stack floor";

const MS_PER_TICK = 1000 / 100; // USER_HZ is 100 on every Linux architecture the bench runs on

/** Every live process's CPU time from /proc: its own, and that of the children it has reaped. Null without a /proc (not Linux). */
function processStats(): ProcessStat[] | null {
  if (!fs.existsSync("/proc/self/stat")) return null;
  const stats: ProcessStat[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // ended meanwhile
    }
    // "pid (name) state ppid pgrp … utime stime cutime cstime …": the name may hold spaces and parentheses.
    const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ").map(Number);
    stats.push({
      pid: Number(entry), ppid: fields[1], pgid: fields[2], name,
      ownMs: (fields[11] + fields[12]) * MS_PER_TICK,
      reapedChildrenMs: (fields[13] + fields[14]) * MS_PER_TICK,
    });
  }
  return stats;
}

/**
 * CPU time of a family of processes: the live members' own, plus what the family's roots have collected from
 * members that exited (a backend or autovacuum worker that ends mid-run must not take its CPU out of the sum).
 */
function familyMs(stats: ProcessStat[], isMember: (stat: ProcessStat) => boolean): { ms: number; members: number } {
  const members = stats.filter(isMember);
  const pids = new Set(members.map((member) => member.pid));
  const ms = members.reduce((sum, member) => sum + member.ownMs + (pids.has(member.ppid) ? 0 : member.reapedChildrenMs), 0);
  return { ms, members: members.length };
}

/**
 * Reads the CPU time spent so far by one Node.js server under test (the product's process group, or the
 * stack floor's process) and by PostgreSQL (the machine's processes named postgres: the bench's database is
 * local). A scenario's CPU per answer is the difference across its run over its answers: unlike req/s, it
 * barely moves when the machine is shared.
 */
export function cpuMeter(servers: { productGroup: number; stackFloorPid: number }): (server: BenchServer) => CpuReading | null {
  return (server) => {
    const stats = processStats();
    if (!stats) return null;
    const node = server === "product"
      ? familyMs(stats, (stat) => stat.pgid === servers.productGroup)
      : familyMs(stats, (stat) => stat.pid === servers.stackFloorPid);
    const postgres = familyMs(stats, (stat) => stat.name === "postgres");
    return { node: node.ms, postgres: postgres.members ? postgres.ms : null };
  };
}

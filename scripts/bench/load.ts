import autocannon from "autocannon";
import type { CpuReading } from "./cpu";

export type LoadResult = {
  requestsPerSecond: number; p50: number; p99: number; errors: number; bytesPerRequest: number;
  // CPU ms per answer of the Node.js server answering and of PostgreSQL (null when not measured).
  nodeCpuMs: number | null; postgresCpuMs: number | null;
};

/**
 * One autocannon run (programmatic, 10 connections by default); errors count timeouts, socket errors and non-2xx.
 * With a CPU meter, also the CPU spent per answer.
 */
export async function runLoad(options: autocannon.Options, readCpu: () => CpuReading | null = () => null): Promise<LoadResult> {
  const before = readCpu();
  // autocannon's own percentiles come from a histogram of whole milliseconds (5.9 ms counts as 5), too coarse for
  // the ratio targets between 5 and 8 ms answers: they are taken from each answer's hrtime instead, every answer
  // counted as autocannon's histogram counts them by default (errors show in `errors`, and a target wants none).
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ connections: 10, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on("response", (_client: unknown, _statusCode: number, _bytes: number, milliseconds: number) => latencies.push(milliseconds));
  });
  const after = readCpu();
  const answers = result.requests.total;
  const perAnswer = (from: number | null | undefined, to: number | null | undefined) =>
    from != null && to != null && answers ? (to - from) / answers : null;
  return {
    requestsPerSecond: result.requests.average,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts + result.non2xx,
    bytesPerRequest: answers ? result.throughput.total / answers : 0,
    nodeCpuMs: perAnswer(before?.node, after?.node),
    postgresCpuMs: perAnswer(before?.postgres, after?.postgres),
  };
}

/** The nearest-rank percentile, to 0.1 ms (0 when nothing answered). */
export function percentile(values: number[], rank: number): number {
  if (!values.length) return 0;
  const sorted = Float64Array.from(values).sort();
  return Math.round(sorted[Math.ceil((rank / 100) * sorted.length) - 1] * 10) / 10;
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const medianOrNull = (values: (number | null)[]) => (values.every((value) => value !== null) && values.length ? median(values as number[]) : null);

/** Medians of several rounds of one scenario; errors are summed, never averaged away. */
export function summarize(rounds: LoadResult[]): LoadResult {
  return {
    requestsPerSecond: median(rounds.map((r) => r.requestsPerSecond)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    bytesPerRequest: median(rounds.map((r) => r.bytesPerRequest)),
    nodeCpuMs: medianOrNull(rounds.map((r) => r.nodeCpuMs)),
    postgresCpuMs: medianOrNull(rounds.map((r) => r.postgresCpuMs)),
  };
}

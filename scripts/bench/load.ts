import autocannon from "autocannon";

export type LoadResult = { requestsPerSecond: number; p50: number; p99: number; errors: number; bytesPerRequest: number };

/** One autocannon run (programmatic, 10 connections by default); errors count timeouts, socket errors and non-2xx. */
export function runLoad(options: autocannon.Options): Promise<LoadResult> {
  return new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ connections: 10, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  }).then((result) => ({
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    bytesPerRequest: result.requests.total ? result.throughput.total / result.requests.total : 0,
  }));
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Medians of several rounds of one scenario; errors are summed, never averaged away. */
export function summarize(rounds: LoadResult[]): LoadResult {
  return {
    requestsPerSecond: median(rounds.map((r) => r.requestsPerSecond)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    bytesPerRequest: median(rounds.map((r) => r.bytesPerRequest)),
  };
}

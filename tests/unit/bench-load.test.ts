import { describe, expect, it } from "vitest";
import { median, percentile } from "@/scripts/bench/load";

describe("bench percentiles", () => {
  it("takes the nearest rank, not an interpolation", () => {
    const hundred = Array.from({ length: 100 }, (_, index) => 100 - index); // 100 … 1: unsorted on purpose
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([7], 50)).toBe(7);
  });

  it("keeps tenths of a millisecond that a whole-millisecond histogram would floor", () => {
    expect(percentile([5.94, 5.96, 6.04], 50)).toBe(6);
    expect(percentile([5.86, 5.94, 5.99], 50)).toBe(5.9);
  });

  it("sorts numerically (9 before 10), not as text", () => {
    expect(percentile([10, 9, 11], 50)).toBe(10);
  });

  it("is 0 when nothing answered", () => {
    expect(percentile([], 50)).toBe(0);
  });

  it("medians of rounds: the middle one, or the mean of the middle two", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

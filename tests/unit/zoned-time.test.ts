import { describe, expect, it } from "vitest";
import { parseIsoDateTime, wallTimeToInstant } from "@/lib/time/zoned";

const inZone = (value: string, zone: string) => {
  const parsed = parseIsoDateTime(value);
  if (!parsed || parsed.kind !== "wall") throw new Error(`not a wall time: ${value}`);
  return wallTimeToInstant(parsed.wallAsUtcMs, zone).toISOString();
};

describe("wallTimeToInstant", () => {
  it("reads a New York spring-forward gap time with the offset before the gap", () => {
    expect(inZone("2026-03-08T02:30:00", "America/New_York")).toBe("2026-03-08T07:30:00.000Z");
  });
});

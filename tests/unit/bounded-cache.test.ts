import { describe, expect, it } from "vitest";
import { boundedCache } from "@/lib/bounded-cache";

describe("boundedCache", () => {
  it("computes a key once, including a null value, and never holds more than its limit", () => {
    const cached = boundedCache<string | null>(3);
    let computed = 0;
    const lookUp = (key: string) => cached(key, () => (computed++, key === "none" ? null : key.toUpperCase()));
    expect([lookUp("a"), lookUp("a"), lookUp("none"), lookUp("none")]).toEqual(["A", "A", null, null]);
    expect(computed).toBe(2);
    lookUp("b"); // three held: a, none, b
    lookUp("c"); // full: starts again with c alone
    expect(computed).toBe(4);
    lookUp("c");
    lookUp("a");
    expect(computed).toBe(5);
  });
});

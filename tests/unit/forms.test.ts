import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isPlainObject, parseForm } from "@/lib/forms";

describe("parseForm", () => {
  const schema = z.object({ reason: z.string().max(3, "must be at most 3 characters") });

  it("returns the parsed value", () => {
    expect(parseForm(schema, { reason: "ok" })).toEqual({ ok: true, data: { reason: "ok" } });
  });

  it("names each bad field, under a prefix when given", () => {
    expect(parseForm(schema, { reason: "too long" }, "outcome.")).toEqual({
      ok: false,
      formError: "Please correct the highlighted fields.",
      fieldErrors: { "outcome.reason": "must be at most 3 characters" },
    });
  });
});

describe("isPlainObject", () => {
  it("accepts objects only", () => {
    expect(isPlainObject({})).toBe(true);
    for (const value of [null, [], "x", 1, undefined]) expect(isPlainObject(value)).toBe(false);
  });
});

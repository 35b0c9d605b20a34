import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formFailure, parseForm, withoutFieldErrors } from "@/lib/forms";
import { isPlainObject } from "@/lib/validation";

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

describe("withoutFieldErrors", () => {
  it("drops the errors of edited fields, and the summary with the last one", () => {
    const failure = parseForm(z.object({ a: z.string(), b: z.string() }), {});
    if (failure.ok) throw new Error("expected a failure");
    const afterA = withoutFieldErrors(failure, ["a"]);
    expect(afterA?.fieldErrors).toEqual({ b: failure.fieldErrors.b });
    expect(withoutFieldErrors(afterA, ["b"])).toBeNull();
    expect(withoutFieldErrors(afterA, ["c"])).toBe(afterA);
  });

  it("clears a field's nested errors", () => {
    const failure = formFailure("Please correct the highlighted fields.", { "rows.0.email": "is bad", "rows.1.name": "is bad", rowsy: "x" });
    expect(withoutFieldErrors(failure, ["rows"])?.fieldErrors).toEqual({ rowsy: "x" });
  });

  it("keeps a sentence about the whole form", () => {
    const failure = formFailure("This meeting no longer exists in your account.", { a: "is required" });
    expect(withoutFieldErrors(failure, ["a"])).toEqual(formFailure("This meeting no longer exists in your account."));
  });
});

describe("isPlainObject", () => {
  it("accepts objects only", () => {
    expect(isPlainObject({})).toBe(true);
    for (const value of [null, [], "x", 1, undefined]) expect(isPlainObject(value)).toBe(false);
  });
});

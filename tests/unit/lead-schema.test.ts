import { describe, expect, it } from "vitest";
import { leadInputSchema, leadPatchSchema } from "@/lib/leads/schema";
import { fieldIssues } from "@/lib/validation";

const fieldsOf = (schema: typeof leadInputSchema | typeof leadPatchSchema, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected a failure");
  return fieldIssues(result.error).map((issue) => issue.field).sort();
};

describe("leadInputSchema", () => {
  it("trims fields and leaves optional ones undefined", () => {
    expect(leadInputSchema.parse({ first_name: "  Ada ", email: " ada@example.com ", last_name: "" })).toEqual({
      first_name: "Ada", email: "ada@example.com",
    });
  });

  it("folds unknown top-level keys into metadata, explicit metadata winning on a clash", () => {
    expect(leadInputSchema.parse({ first_name: "A", utm: "x", score: 3, metadata: { score: 5, vip: true } })).toEqual({
      first_name: "A", metadata: { utm: "x", score: 5, vip: true },
    });
  });

  it("drops server-owned keys instead of folding them into metadata", () => {
    expect(
      leadInputSchema.parse({ first_name: "A", id: "x", client_id: "y", source: "manual", created_at: "z", updated_at: "w", full_name: "F" }),
    ).toEqual({ first_name: "A" });
  });

  it.each<[string, unknown, string[]]>([
    ["missing first_name", { last_name: "B" }, ["first_name"]],
    ["blank first_name", { first_name: "  " }, ["first_name"]],
    ["invalid email", { first_name: "A", email: "a@" }, ["email"]],
    ["a null metadata value", { first_name: "A", metadata: { k: null } }, ["metadata.k"]],
    ["a nested metadata value", { first_name: "A", metadata: { k: { j: 1 } } }, ["metadata.k"]],
    ["a nested folded value", { first_name: "A", extra: [1] }, ["metadata.extra"]],
    ["an array as metadata", { first_name: "A", metadata: [] }, ["metadata"]],
    ["an array as metadata with extras", { first_name: "A", extra: "x", metadata: [] }, ["metadata"]],
    ["a NUL byte in first_name", { first_name: "a\u0000b" }, ["first_name"]],
    ["a NUL byte in a metadata value", { first_name: "A", metadata: { k: "a\u0000" } }, ["metadata.k"]],
    ["a NUL byte in a metadata key", { first_name: "A", metadata: { "k\u0000": "v" } }, ["metadata.k\u0000"]],
    ["an unpaired surrogate in a folded value", { first_name: "A", note: "\ud83d" }, ["metadata.note"]],
    ["a 201-character metadata key", { first_name: "A", metadata: { ["k".repeat(201)]: "v" } }, [`metadata.${"k".repeat(201)}`]],
    ["several problems", { first_name: "", email: "x", phone: 5 }, ["email", "first_name", "phone"]],
    ["a non-object body", [], ["body"]],
  ])("rejects %s", (_label, input, fields) => {
    expect(fieldsOf(leadInputSchema, input)).toEqual(fields);
  });
});

describe("leadPatchSchema", () => {
  it("allows a partial patch and maps empty strings and null to null (clear)", () => {
    expect(leadPatchSchema.parse({ last_name: "", phone: null, email: " new@example.com " })).toEqual({
      last_name: null, phone: null, email: "new@example.com",
    });
  });

  it("accepts an empty patch", () => {
    expect(leadPatchSchema.parse({})).toEqual({});
  });

  it.each<[string, unknown, string[]]>([
    ["an empty first_name", { first_name: "" }, ["first_name"]],
    ["a null first_name", { first_name: null }, ["first_name"]],
    ["an invalid email", { email: "nope" }, ["email"]],
  ])("rejects %s", (_label, input, fields) => {
    expect(fieldsOf(leadPatchSchema, input)).toEqual(fields);
  });
});

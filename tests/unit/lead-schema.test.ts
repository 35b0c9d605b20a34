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
    ["a 101-character metadata key", { first_name: "A", metadata: { ["k".repeat(101)]: "v" } }, [`metadata.${"k".repeat(101)}`]],
    ["an empty metadata key", { first_name: "A", metadata: { "": "v" } }, ["metadata."]],
    ["a 2,001-character metadata value", { first_name: "A", metadata: { k: "v".repeat(2001) } }, ["metadata.k"]],
    ["51 metadata keys", { first_name: "A", metadata: keys(51) }, ["metadata"]],
    ["metadata over 16 KiB as JSON", { first_name: "A", metadata: keys(10, "v".repeat(2000)) }, ["metadata"]],
    ["51 keys once folded into metadata", { first_name: "A", ...keys(51) }, ["metadata"]],
    ["several problems", { first_name: "", email: "x", phone: 5 }, ["email", "first_name", "phone"]],
    ["a non-object body", [], ["body"]],
  ])("rejects %s", (_label, input, fields) => {
    expect(fieldsOf(leadInputSchema, input)).toEqual(fields);
  });
});

describe("metadata limits: the largest allowed of each is accepted", () => {
  it.each<[string, Record<string, unknown>]>([
    ["a 100-character key", { ["k".repeat(100)]: "v" }],
    ["a 2,000-character value", { k: "v".repeat(2000) }],
    ["50 keys", keys(50)],
    ["exactly 16 KiB as JSON", exactlyBytes(16 * 1024)],
  ])("%s", (_label, metadata) => {
    expect(leadInputSchema.parse({ first_name: "A", metadata }).metadata).toEqual(metadata);
  });

  it("refuses one byte over 16 KiB", () => {
    expect(fieldsOf(leadInputSchema, { first_name: "A", metadata: exactlyBytes(16 * 1024 + 1) })).toEqual(["metadata"]);
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

function keys(count: number, value: unknown = 1): Record<string, unknown> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`key${i}`, value]));
}

/** Metadata whose JSON is exactly `bytes` long: ten string values, the last one padded to fit. */
function exactlyBytes(bytes: number): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (let i = 0; i < 9; i++) metadata[`key${i}`] = "v".repeat(1600);
  metadata.last = "";
  metadata.last = "v".repeat(bytes - Buffer.byteLength(JSON.stringify(metadata)));
  return metadata;
}

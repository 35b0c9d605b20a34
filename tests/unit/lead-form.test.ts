import { describe, expect, it } from "vitest";
import { checkLeadForm, leadFormValues, metadataRowErrors, toLeadBody } from "@/lib/leads/form";

const lead = { firstName: "Tony", lastName: "Stark", email: null, phone: "555", metadata: { company: "Stark Industries", score: 42, vip: true, title: "CEO" } };

describe("lead form values", () => {
  it("shows company in its own field and the other metadata as rows", () => {
    const values = leadFormValues(lead);
    expect(values).toMatchObject({ firstName: "Tony", lastName: "Stark", email: "", phone: "555", company: "Stark Industries" });
    expect(values.metadata.map((row) => [row.name, row.value])).toEqual([["score", "42"], ["vip", "true"], ["title", "CEO"]]);
  });

  it("sends back the API's body: company in metadata, untouched numbers and booleans keep their type, blank rows left out", () => {
    const values = leadFormValues(lead);
    values.metadata[2].value = "CTO";
    values.metadata.push({ key: 9, name: " ", value: "" });
    expect(toLeadBody(values)).toEqual({
      first_name: "Tony", last_name: "Stark", email: "", phone: "555",
      metadata: { score: 42, vip: true, title: "CTO", company: "Stark Industries" },
    });
    values.metadata[0].value = "43";
    expect(toLeadBody(values).metadata.score).toBe("43");
  });

  it("a cleared company is no longer in metadata", () => {
    expect(toLeadBody({ ...leadFormValues(lead), company: " " }).metadata).not.toHaveProperty("company");
  });
});

describe("metadata rows", () => {
  it("flag a value without a name, a name used twice, and the reserved company name", () => {
    const rows = [
      { key: 1, name: "", value: "orphan" },
      { key: 2, name: "title", value: "CEO" },
      { key: 3, name: "title ", value: "CTO" },
      { key: 4, name: "company", value: "Acme" },
    ];
    expect(metadataRowErrors(rows, {})).toEqual({ 1: "needs a name", 3: "“title” is used twice", 4: "“company” is the Company field above" });
  });

  it("carry the schema's error for their key", () => {
    expect(metadataRowErrors([{ key: 1, name: "notes", value: "x" }], { "metadata.notes": "must be at most 2000 characters" })).toEqual({
      1: "must be at most 2000 characters",
    });
  });
});

describe("checkLeadForm", () => {
  it("uses the API's schemas: a first name is required, a bad email is named", () => {
    const failure = checkLeadForm("create", { ...leadFormValues(), email: "tony@" });
    expect(failure?.fieldErrors).toEqual({ first_name: "must not be empty", email: "must be a valid email address" });
  });

  it("refuses a form whose rows have problems even when the body is valid", () => {
    const values = { ...leadFormValues(lead), metadata: [{ key: 1, name: "", value: "orphan" }] };
    expect(checkLeadForm("edit", values)).toEqual({ ok: false, fieldErrors: {}, formError: "Please correct the highlighted fields." });
    expect(checkLeadForm("edit", leadFormValues(lead))).toBeNull();
  });
});

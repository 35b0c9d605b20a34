import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { majorOf, pinnedNodeMajor } from "@/tests/support/node-version";

const root = path.resolve(import.meta.dirname, "../..");

describe("the pinned Node.js", () => {
  it("runs this suite (vitest started by npm test)", () => {
    expect(majorOf(process.version)).toBe(pinnedNodeMajor());
  });

  it("is what .nvmrc, .node-version and the node devDependency name", () => {
    const major = String(pinnedNodeMajor());
    expect(fs.readFileSync(path.join(root, ".nvmrc"), "utf8").trim()).toBe(major);
    expect(fs.readFileSync(path.join(root, ".node-version"), "utf8").trim()).toBe(major);
    const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
    expect(manifest.devDependencies.node).toMatch(new RegExp(`^\\^${major}\\.`));
  });
});

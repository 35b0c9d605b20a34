import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadDemoCredentials, saveDemoCredentials } from "@/lib/demo/seed";

const credentials = { clientId: "c", apiKey: "nxr_live_x", repEmail: "rep@demo.nexor.test", repPassword: "p", leadId: "l" };
const folders: string[] = [];
const folder = () => {
  const made = fs.mkdtempSync(path.join(os.tmpdir(), "nexor-demo-credentials-"));
  folders.push(made);
  return made;
};
afterEach(() => {
  for (const made of folders.splice(0)) fs.rmSync(made, { recursive: true, force: true });
});

describe("demo credentials beside the embedded database", () => {
  it("keeps one file per data directory, so two directories in one folder do not share it", () => {
    const parent = folder();
    saveDemoCredentials(path.join(parent, "a"), { ...credentials, apiKey: "key-a" });
    saveDemoCredentials(path.join(parent, "b"), { ...credentials, apiKey: "key-b" });
    expect(loadDemoCredentials(path.join(parent, "a"))?.apiKey).toBe("key-a");
    expect(loadDemoCredentials(path.join(parent, "b"))?.apiKey).toBe("key-b");
  });

  it("adopts the old file name beside the default directory, and leaves it alone beside any other", () => {
    const parent = folder();
    fs.writeFileSync(path.join(parent, "demo-credentials.json"), JSON.stringify(credentials));
    expect(loadDemoCredentials(path.join(parent, "elsewhere"))).toBeNull();
    expect(loadDemoCredentials(path.join(parent, "pglite"))).toEqual(credentials);
    expect(fs.readdirSync(parent)).toEqual(["pglite.demo-credentials.json"]);
  });
});

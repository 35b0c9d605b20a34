import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { errorStatuses } from "@/lib/errors";
import { buildOpenApiDocument } from "@/lib/openapi/document";

const root = path.resolve(import.meta.dirname, "../..");
const document = buildOpenApiDocument();
const METHODS = ["get", "post", "patch", "put", "delete"] as const;

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(structuredClone(document) as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe("3.1.0");
  });

  it("is the committed openapi.json (after an API change, run `npm run openapi` and commit the file)", () => {
    const committed = JSON.parse(fs.readFileSync(path.join(root, "openapi.json"), "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it("documents every public route file with exactly the methods it handles", () => {
    const apiRoot = path.join(root, "app/api/public");
    const routes: Record<string, string[]> = {};
    for (const file of fs.readdirSync(apiRoot, { recursive: true }) as string[]) {
      if (!file.endsWith("route.ts") || file.startsWith("[[...path]]") || file.startsWith("openapi.json")) continue;
      const pattern = `/${path.dirname(file)}`.replace(/\[(\w+)\]/g, "{$1}");
      routes[pattern] = [...fs.readFileSync(path.join(apiRoot, file), "utf8").matchAll(/export const (GET|POST|PATCH|PUT|DELETE) = /g)].map((m) => m[1].toLowerCase()).sort();
    }
    const documented = Object.fromEntries(
      Object.entries(document.paths ?? {}).map(([pattern, item]) => [pattern, METHODS.filter((method) => item?.[method]).sort()]),
    );
    expect(documented).toEqual(routes);
  });

  it("documents each error code under the status the code is answered with, and only codes that exist", () => {
    let checked = 0;
    for (const [pattern, item] of Object.entries(document.paths ?? {})) {
      for (const method of METHODS) {
        for (const [status, response] of Object.entries(item?.[method]?.responses ?? {})) {
          if (Number(status) < 400) continue;
          const schema = (response as any).content["application/json"].schema;
          for (const code of schema.properties.code.enum as string[]) {
            expect(code in errorStatuses, `${method} ${pattern}: ${code}`).toBe(true);
            expect(errorStatuses[code as keyof typeof errorStatuses], `${method} ${pattern}: ${code}`).toBe(Number(status));
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("describes every webhook event", () => {
    expect(Object.keys(document.webhooks ?? {}).sort()).toEqual(
      ["meeting.cancelled", "meeting.completed", "meeting.confirmed", "meeting.no_show", "meeting.rescheduled", "meeting.scheduled", "meeting.updated"],
    );
  });
});

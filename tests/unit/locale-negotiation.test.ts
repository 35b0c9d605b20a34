import { describe, expect, it } from "vitest";
import { resolveLocale } from "@/lib/i18n/negotiate";

describe("the dashboard's language", () => {
  it.each([
    ["es-CL,es;q=0.9,en;q=0.8", "es"],
    ["es-419", "es"],
    ["en-US,en;q=0.9,es;q=0.8", "en"],
    ["fr-FR,es;q=0.5", "es"],
    ["fr-FR,de;q=0.5", "en"],
    ["de, en;q=0.1, es;q=0.2", "es"],
    ["", "en"],
    ["*", "en"],
  ])("from Accept-Language %j is %s", (acceptLanguage, expected) => {
    expect(resolveLocale({ acceptLanguage })).toBe(expected);
  });

  it("follows the rep's saved choice over the browser's cookie and header", () => {
    expect(resolveLocale({ saved: "en", cookie: "es", acceptLanguage: "es-CL" })).toBe("en");
    expect(resolveLocale({ saved: "es", cookie: "en", acceptLanguage: "en-US" })).toBe("es");
  });

  it("follows this browser's remembered choice over its Accept-Language when the rep saved none", () => {
    expect(resolveLocale({ saved: null, cookie: "es", acceptLanguage: "en-US" })).toBe("es");
  });

  it("ignores values it does not know", () => {
    expect(resolveLocale({ saved: "pt", cookie: "xx", acceptLanguage: "es" })).toBe("es");
  });
});

import fs from "node:fs";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { localizeAttemptError, type AttemptErrorTranslator } from "@/components/webhooks/attempt-error";
import { catalogues } from "@/messages";
import english from "@/messages/en/webhooks.json" with { type: "json" };

const translatorFor = (locale: "en" | "es") =>
  createTranslator({ locale, messages: catalogues[locale], namespace: "webhooks.attemptErrors" }) as unknown as AttemptErrorTranslator;
const inSpanish = (error: string) => localizeAttemptError(error, translatorFor("es"));
const inEnglish = (error: string) => localizeAttemptError(error, translatorFor("en"));

describe("a delivery attempt's error in the rep's language", () => {
  it("translates the sentences the delivery code writes", () => {
    expect(inSpanish("no answer within 10 s")).toBe("sin respuesta en 10 s");
    expect(inSpanish("10.0.0.5.nip.io resolves to a private address")).toBe("10.0.0.5.nip.io apunta a una dirección privada");
    expect(inSpanish("not sent: the endpoint is disabled")).toBe("no se envió: el endpoint está desactivado");
  });

  it("leaves English as it is stored", () => {
    for (const error of ["no answer within 2.5 s", "example.com resolves to a private address", "not sent: the endpoint is disabled"]) {
      expect(inEnglish(error)).toBe(error);
    }
  });

  it("shows what our code did not write as it is", () => {
    for (const error of ["HTTP 500", "connect ECONNREFUSED 127.0.0.1:9", "socket hang up", "getaddrinfo ENOTFOUND nowhere.example"]) {
      expect(inSpanish(error)).toBe(error);
    }
  });

  // The catalogue's English must stay the very sentences the delivery code writes, or nothing matches.
  it.each(Object.entries(english.attemptErrors))("%s is a sentence lib/webhooks writes", (_key, text) => {
    const source = ["lib/webhooks/delivery.ts", "lib/webhooks/url-guard.ts"].map((file) => fs.readFileSync(file, "utf8")).join("\n");
    const literal = text.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\$\\{[^}]+\\}");
    expect(source).toMatch(new RegExp(`[\`"]${literal}[\`"]`));
  });
});

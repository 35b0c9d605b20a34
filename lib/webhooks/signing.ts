import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "X-Nexor-Signature";

/** A new endpoint secret: 32 random bytes, recognisable by its prefix. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString("base64url")}`;

const hmac = (secret: string, timestamp: number, body: string) =>
  createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "{t}.{body}">`, as sent with every delivery. */
export const signatureHeader = (secret: string, timestamp: number, body: string) => `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;

/** What a receiver does (the README shows it in Node and Python): recompute, compare in constant time, bound the age. */
export function verifySignature(params: { secret: string; header: string; body: string; nowSeconds: number; toleranceSeconds?: number }): boolean {
  const parts = Object.fromEntries(params.header.split(",").map((part) => part.split("=", 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || !parts.v1) return false;
  if (Math.abs(params.nowSeconds - timestamp) > (params.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(hmac(params.secret, timestamp, params.body), "hex");
  const given = Buffer.from(parts.v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

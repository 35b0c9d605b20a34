import type { LeadMetadata } from "@/db/schema";
import { COMPANY_KEY } from "./form";

/** The catalogue key of where a lead came from ("api": an integration, "manual": a rep), or null for a source stored as free text. */
export const leadSourceKey = (source: string): "api" | "manual" | null => (source === "api" || source === "manual" ? source : null);

/** The lead's company (kept in metadata, as the API receives it) and the rest of its metadata, in stored order. */
export function splitLeadMetadata(metadata: LeadMetadata): { company: string | null; details: [string, string][] } {
  const { [COMPANY_KEY]: company, ...rest } = metadata;
  return { company: company === undefined ? null : String(company), details: Object.entries(rest).map(([key, value]) => [key, String(value)]) };
}

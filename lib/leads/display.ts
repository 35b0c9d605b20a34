import type { LeadMetadata } from "@/db/schema";
import { formatZoned } from "@/lib/time/format";
import { COMPANY_KEY } from "./form";

/** Where a lead came from: "API" (an integration) or "Manual" (a rep, in the dashboard); anything else as stored. */
export function leadSourceLabel(source: string): string {
  return source === "api" ? "API" : source === "manual" ? "Manual" : source;
}

/** "Mar 4, 2026" as seen in the rep's zone. */
export const formatLeadDate = (instant: Date, timeZone: string) => formatZoned(instant, timeZone, "MMM d, yyyy");

/** The lead's company (kept in metadata, as the API receives it) and the rest of its metadata, in stored order. */
export function splitLeadMetadata(metadata: LeadMetadata): { company: string | null; details: [string, string][] } {
  const { [COMPANY_KEY]: company, ...rest } = metadata;
  return { company: company === undefined ? null : String(company), details: Object.entries(rest).map(([key, value]) => [key, String(value)]) };
}

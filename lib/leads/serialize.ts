import type { PublicLead } from "@/lib/openapi/responses";
import { toUtcIso } from "@/lib/time/zoned";
import { fullName, type Lead } from "./service";

/** The public JSON shape of a lead: internal columns (client_id) never leave the server. */
export function toPublicLead(lead: Lead): PublicLead {
  return {
    id: lead.id,
    first_name: lead.firstName,
    last_name: lead.lastName,
    full_name: fullName(lead),
    email: lead.email,
    phone: lead.phone,
    source: lead.source,
    metadata: lead.metadata,
    created_at: toUtcIso(lead.createdAt),
    updated_at: toUtcIso(lead.updatedAt),
  };
}

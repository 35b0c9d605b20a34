import type { LeadMetadata } from "@/db/schema";
import { CORRECT_THE_FIELDS, formFailure, parseForm, type FieldErrors, type FormFailure, type FormResult } from "@/lib/forms";
import { emailAddress } from "@/lib/validation";
import { leadInputSchema, leadPatchSchema } from "./schema";

// The dashboard's lead form: its values, how they become the API's lead body, and the shared schema's
// answer mapped back onto the fields. Company is `metadata.company`, as the API stores it.

/** One free key/value pair; `original` keeps a number or boolean from the API typed while its text is unchanged. */
export type MetadataRow = { key: number; name: string; value: string; original?: string | number | boolean };

export type LeadFormValues = {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  company: string;
  metadata: MetadataRow[];
};

export type LeadFormLead = { firstName: string; lastName: string | null; email: string | null; phone: string | null; metadata: LeadMetadata };

export const COMPANY_KEY = "company";

export function leadFormValues(lead?: LeadFormLead): LeadFormValues {
  const { [COMPANY_KEY]: company, ...rest } = lead?.metadata ?? {};
  return {
    firstName: lead?.firstName ?? "",
    lastName: lead?.lastName ?? "",
    email: lead?.email ?? "",
    phone: lead?.phone ?? "",
    company: company === undefined ? "" : String(company),
    metadata: Object.entries(rest).map(([name, value], key) => ({ key, name, value: String(value), original: value })),
  };
}

const filledRows = (rows: MetadataRow[]) => rows.filter((row) => row.name.trim() || row.value.trim());

/** The values as the API's lead body: unnamed metadata rows left out, company folded into metadata. */
export function toLeadBody(values: LeadFormValues) {
  const metadata: Record<string, string | number | boolean> = {};
  // A row without a name is the form's own error (metadataRowErrors), not sent.
  for (const row of values.metadata.filter((row) => row.name.trim())) {
    metadata[row.name.trim()] = row.original !== undefined && String(row.original) === row.value ? row.original : row.value;
  }
  if (values.company.trim()) metadata[COMPANY_KEY] = values.company;
  return { first_name: values.firstName, last_name: values.lastName, email: values.email, phone: values.phone, metadata };
}
export type LeadBody = ReturnType<typeof toLeadBody>;

/** The error of a metadata row: the form's own (a blank, repeated or reserved name) or the schema's for its key. */
export function metadataRowErrors(rows: MetadataRow[], fieldErrors: FieldErrors): Record<number, string> {
  const errors: Record<number, string> = {};
  const seen = new Set<string>();
  for (const row of filledRows(rows)) {
    const name = row.name.trim();
    if (!name) errors[row.key] = "needs a name";
    else if (name === COMPANY_KEY) errors[row.key] = "“company” is the Company field above";
    else if (seen.has(name)) errors[row.key] = `“${name}” is used twice`;
    else if (fieldErrors[`metadata.${name}`]) errors[row.key] = fieldErrors[`metadata.${name}`];
    seen.add(name);
  }
  return errors;
}

/**
 * The browser's check before sending: the API's own schema (POST's for a new lead; PATCH's for an edit,
 * where a blank field clears it), which the server action applies again, plus the rows' own problems.
 */
export function checkLeadForm(mode: "create" | "edit", values: LeadFormValues): FormFailure | null {
  const parsed = parseForm(mode === "create" ? leadInputSchema : leadPatchSchema, toLeadBody(values));
  const rowProblems = Object.keys(metadataRowErrors(values.metadata, {})).length > 0;
  if (parsed.ok && !rowProblems) return null;
  return parsed.ok ? formFailure(CORRECT_THE_FIELDS) : parsed;
}

/** Whether the typed text is an email worth looking up. */
export const isEmailAddress = (text: string) => emailAddress().safeParse(text).success;

export type SaveLeadResult = FormResult<{ leadId: string }>;
export type CreateLeadAction = (body: LeadBody) => Promise<SaveLeadResult>;
/** `seenUpdatedAt`: the lead's updated_at (ISO) when the form was opened; a later change refuses the save. */
export type UpdateLeadAction = (leadId: string, body: LeadBody, seenUpdatedAt: string) => Promise<SaveLeadResult>;

/** Another lead of the account that has this email: the one a meeting sent with it would attach to. */
export type EmailOwner = { id: string; name: string } | null;
export type FindEmailOwnerAction = (email: string, exceptLeadId: string | null) => Promise<EmailOwner>;

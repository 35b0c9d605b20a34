import { z } from "zod";
import { emailAddress, isPlainObject, isStorableText, optional, STORABLE_TEXT_MESSAGE, text } from "@/lib/validation";

const LEAD_FIELDS = new Set(["first_name", "last_name", "email", "phone", "metadata"]);
// Columns the server owns: never taken from a body, and not folded into metadata either.
const SERVER_OWNED_FIELDS = new Set(["id", "client_id", "full_name", "source", "created_at", "updated_at"]);

/** Documented limits that keep one lead's answer small however often it is patched. */
export const METADATA_LIMITS = { maxKeys: 50, maxKeyLength: 100, maxStringLength: 2_000, maxBytes: 16 * 1024 } as const;

/** Why a whole metadata object is over the limits (key count, total JSON size), or null. */
export function metadataSizeProblem(metadata: Record<string, unknown>): string | null {
  if (Object.keys(metadata).length > METADATA_LIMITS.maxKeys) return `must have at most ${METADATA_LIMITS.maxKeys} keys`;
  if (Buffer.byteLength(JSON.stringify(metadata)) > METADATA_LIMITS.maxBytes) {
    return `must be at most ${METADATA_LIMITS.maxBytes} bytes as JSON`;
  }
  return null;
}

const metadataSchema = z
  .record(
    z.string().min(1).max(METADATA_LIMITS.maxKeyLength).refine(isStorableText),
    z.union(
      [
        z
          .string()
          .max(METADATA_LIMITS.maxStringLength, `must be at most ${METADATA_LIMITS.maxStringLength} characters`)
          .refine(isStorableText, STORABLE_TEXT_MESSAGE),
        z.number(),
        z.boolean(),
      ],
      { error: () => "must be a string, number or boolean" },
    ),
    {
      error: (issue) =>
        issue.code === "invalid_key"
          ? `keys must be 1 to ${METADATA_LIMITS.maxKeyLength} characters and ${STORABLE_TEXT_MESSAGE.replace("must ", "")}`
          : "must be an object of string, number or boolean values",
    },
  )
  .superRefine((metadata, context) => {
    const problem = metadataSizeProblem(metadata);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });

/** Any top-level key that is not a lead column goes into metadata; explicit metadata wins on a clash. */
function foldExtraKeysIntoMetadata(body: unknown): unknown {
  if (!isPlainObject(body)) return body;
  const known: Record<string, unknown> = {};
  const extras: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (LEAD_FIELDS.has(key)) known[key] = value;
    else if (!SERVER_OWNED_FIELDS.has(key)) extras[key] = value;
  }
  if (Object.keys(extras).length === 0) return known;
  if (known.metadata !== undefined && known.metadata !== null && !isPlainObject(known.metadata)) return known;
  return { ...known, metadata: { ...extras, ...((known.metadata as object | null) ?? {}) } };
}

const bodyObject = { error: () => "must be a JSON object" };
const clearable = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? null : value), schema.nullable().optional());

export const leadInputSchema = z.preprocess(
  foldExtraKeysIntoMetadata,
  z.object(
    {
      first_name: text({ min: 1, max: 200 }),
      last_name: optional(text({ max: 200 })),
      email: optional(emailAddress()),
      phone: optional(text({ max: 50 })),
      metadata: optional(metadataSchema),
    },
    bodyObject,
  ),
);

export const leadPatchSchema = z.preprocess(
  foldExtraKeysIntoMetadata,
  z.object(
    {
      first_name: text({ min: 1, max: 200 }).optional(),
      last_name: clearable(text({ max: 200 })),
      email: clearable(emailAddress()),
      phone: clearable(text({ max: 50 })),
      metadata: optional(metadataSchema),
    },
    bodyObject,
  ),
);

export type LeadInput = z.output<typeof leadInputSchema>;
export type LeadPatch = z.output<typeof leadPatchSchema>;

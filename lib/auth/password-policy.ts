import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

// zxcvbn-ts's list of the ~49,000 most common passwords (maintained with the zxcvbn-ts estimator).
const commonPasswords = new Set<string>(dictionary["passwords-common"] as string[]);

export const MIN_PASSWORD_LENGTH = 12;

/** A password a rep may be given (ASVS 6.2): at least 12 characters, not one of the most common ones. */
export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, "must be at most 200 characters")
  .refine((password) => !commonPasswords.has(password.normalize("NFKC").toLowerCase()), "is one of the most common passwords; choose another");

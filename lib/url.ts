// Kept apart from lib/validation.ts (which loads zod) so pages that only display links do not ship zod.

/** Whether a string is an absolute http or https URL: the only kind stored or rendered as a link. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

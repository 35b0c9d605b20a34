import { z } from "zod";
import { enumOf, optional, storableString, text } from "@/lib/validation";
import { webhookEventTypes } from "./events";
import { webhookUrlPolicy, webhookUrlProblem } from "./url-guard";

/** A webhook subscription as the API, the CLI and the settings page take it. */
export const webhookInputSchema = z.object({
  url: storableString()
    .trim()
    .max(2048, "must be at most 2048 characters")
    .superRefine((value, context) => {
      const problem = webhookUrlProblem(value, webhookUrlPolicy());
      if (problem) context.addIssue({ code: "custom", message: problem });
    }),
  events: z
    .array(enumOf(webhookEventTypes), { error: () => `must be an array of event types: ${webhookEventTypes.join(", ")}` })
    .min(1, "must name at least one event type")
    .transform((events) => [...new Set(events)]),
  description: optional(text({ max: 500 })),
});
export type WebhookInput = z.output<typeof webhookInputSchema>;

/** The webhook subscription form (Admin → Integrations). Client-safe. */
import "@/lib/zod-config"; // first: before any schema is built (CSP)
import { z } from "zod";
import { WebhookEventTypeSchema } from "@/lib/webhooks/events";
import { cleanText } from "./text";

/** Checked again, with the addresses it resolves to, by lib/webhooks/target.ts. */
export const WebhookUrlSchema = z
  .url("Enter the URL that receives the webhooks.")
  .max(2_000, "At most 2,000 characters.")
  .refine((value) => /^https?:\/\//i.test(value), "Webhooks go over https (or http).")
  .refine((value) => {
    const url = URL.parse(value);
    return url !== null && url.username === "" && url.password === "";
  }, "Put no user name or password in the URL: the signature proves the sender.");

export const WebhookSchema = z
  .object({
    url: WebhookUrlSchema,
    events: z
      .array(WebhookEventTypeSchema, "Choose events from the list.")
      .min(1, "Choose at least one event.")
      .max(20),
    description: cleanText(z.string().trim().max(200, "At most 200 characters.")).optional(),
  })
  .strict();
export type WebhookInput = z.input<typeof WebhookSchema>;

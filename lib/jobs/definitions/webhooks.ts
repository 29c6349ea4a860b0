/**
 * Outbound webhooks: the fan-out (enqueued by the database with the events, see migration
 * 20261203090000_api) and one delivery each (retried with backoff by the runtime).
 */
import { z } from "zod";
import { defineJob } from "../job";

export const webhookFanOut = defineJob({
  id: "webhooks:fanout",
  title: "Make the webhook deliveries of new events",
  schema: z
    .object({
      events: z
        .array(z.object({ stream: z.string(), seq: z.number().int() }).strict())
        .max(100_000),
    })
    .strict(),
  maxAttempts: 10,
  async run(payload) {
    const { db } = await import("@/lib/db/client");
    const { fanOutWebhooks } = await import("@/lib/services/fan-out-webhooks");
    await fanOutWebhooks(db(), payload.events);
  },
});

export const webhookDeliver = defineJob({
  id: "webhooks:deliver",
  title: "Deliver a webhook",
  schema: z.object({ deliveryId: z.uuid() }).strict(),
  // graphile-worker's backoff (exp(attempt) s) spaces ten attempts over about six hours.
  maxAttempts: 10,
  async run(payload, context) {
    const { db } = await import("@/lib/db/client");
    const { deliverWebhook } = await import("@/lib/services/deliver-webhook");
    await deliverWebhook(db(), payload.deliveryId, {
      number: context.attempt,
      last: context.attempt >= context.maxAttempts,
      signal: context.signal,
    });
  },
});

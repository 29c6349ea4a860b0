/**
 * webhook: an HTTP POST of JSON, signed the Standard Webhooks way (webhook-id, webhook-timestamp,
 * webhook-signature = v1,base64(HMAC-SHA256(secret, "<id>.<timestamp>.<body>"))), with the run's
 * idempotency key as the message id and as Idempotency-Key. The same run sends the same id on
 * every attempt, so a receiver that remembers ids handles a redelivery once. Any answer but 2xx,
 * a timeout or a network error fails the attempt (it is retried with backoff).
 */
import { z } from "zod";
import { TOOL_FORMS } from "@/lib/forms/action";
import { jsonTextIssues } from "@/lib/forms/text";
import { secretKey, webhookHeaders } from "@/lib/webhooks/signing";
import { defineTool, PermanentToolError } from "./tool";

const TIMEOUT_MS = 10_000;

/** The signing secret: WEBHOOK_SECRET ("whsec_" + base64, as Standard Webhooks writes it). */
export function webhookSecret(): Buffer {
  const raw = process.env.WEBHOOK_SECRET;
  if (!raw) throw new PermanentToolError("WEBHOOK_SECRET is not set: webhooks cannot be signed.");
  return secretKey(raw);
}

export const webhookTool = defineTool({
  name: "webhook",
  label: TOOL_FORMS.webhook.label,
  schema: z
    .object({
      url: z
        .url("Enter the webhook's URL.")
        .refine((u) => /^https?:\/\//i.test(u), "Webhooks are called over http or https."),
      payload: z
        .record(z.string(), z.unknown(), { error: 'Enter a JSON object, e.g. {"order": 42}.' })
        .default({})
        .superRefine((payload, ctx) => {
          for (const issue of jsonTextIssues(payload)) ctx.addIssue({ code: "custom", ...issue });
        }),
    })
    .strict(),
  describe: (p) => [`POST ${p.url}`, JSON.stringify(p.payload)],
  async execute(params, context) {
    const body = JSON.stringify({
      type: "flowgate.action",
      requestId: context.requestId,
      requestNumber: context.requestNumber,
      idempotencyKey: context.idempotencyKey,
      payload: params.payload,
    });
    const timestamp = Math.floor(context.now.getTime() / 1000);
    const signal = AbortSignal.any([context.signal, AbortSignal.timeout(TIMEOUT_MS)]);
    const response = await fetch(params.url, {
      method: "POST",
      headers: {
        ...webhookHeaders(webhookSecret(), { id: context.idempotencyKey, timestamp, body }),
        "idempotency-key": context.idempotencyKey,
      },
      body,
      signal,
      redirect: "manual",
    });
    const text = (await response.text().catch(() => "")).slice(0, 1_000);
    if (!response.ok)
      throw new Error(`the webhook answered HTTP ${response.status}: ${text.slice(0, 200)}`);
    return { status: response.status, response: text };
  },
});

/**
 * Standard Webhooks signatures (standardwebhooks.com): the secret is `whsec_` + base64 of random
 * bytes; each delivery carries `webhook-id` (the event's id, the same on every retry: receivers
 * deduplicate by it), `webhook-timestamp` (seconds) and `webhook-signature`: `v1,` + base64 of
 * HMAC-SHA256 over `${id}.${timestamp}.${body}` keyed with the secret's bytes. The receiver-side
 * libraries of the convention verify it (a test uses the `standardwebhooks` package).
 */
import { createHmac, randomBytes } from "node:crypto";

const PREFIX = "whsec_";

export function newWebhookSecret(): string {
  return `${PREFIX}${randomBytes(24).toString("base64")}`;
}

/** The key bytes of a `whsec_…` secret (the prefix is optional). */
export function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, "base64");
}

export function signWebhook(
  secret: string | Buffer,
  message: { id: string; timestamp: number; body: string },
): string {
  const key = typeof secret === "string" ? secretKey(secret) : secret;
  const mac = createHmac("sha256", key)
    .update(`${message.id}.${message.timestamp}.${message.body}`)
    .digest("base64");
  return `v1,${mac}`;
}

export function webhookHeaders(
  secret: string | Buffer,
  message: { id: string; timestamp: number; body: string },
): Record<string, string> {
  return {
    "content-type": "application/json",
    "user-agent": "Flowgate-Webhooks/1",
    "webhook-id": message.id,
    "webhook-timestamp": String(message.timestamp),
    "webhook-signature": signWebhook(secret, message),
  };
}

/**
 * The `webhooks:deliver` job: one POST of a delivery's payload to its subscription's URL, signed
 * the Standard Webhooks way (lib/webhooks/signing.ts) with the subscription's secret. A 2xx answer
 * delivers it; anything else (another status, a redirect, a timeout, a refused address) is
 * recorded on the delivery and thrown, so the job runtime retries with backoff; after the last
 * attempt the delivery is FAILED (an admin may redeliver it). A paused subscription's delivery
 * waits: it is recorded as such and not sent.
 */
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { webhookHeaders } from "@/lib/webhooks/signing";
import { assertPublicTarget } from "@/lib/webhooks/target";

const TIMEOUT_MS = 10_000;

export class DeliveryFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DeliveryFailed";
  }
}

export async function deliverWebhook(
  db: Db,
  deliveryId: string,
  attempt: { number: number; last: boolean; signal?: AbortSignal },
  now = new Date(),
): Promise<"delivered" | "paused" | "gone"> {
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    include: { subscription: true },
  });
  if (!delivery) return "gone";
  if (delivery.status === "DELIVERED") return "delivered";
  if (!delivery.subscription.active) {
    await db.webhookDelivery.update({
      where: { id: deliveryId },
      data: { lastError: "The subscription is paused: redeliver once it is resumed." },
    });
    return "paused";
  }
  const body = JSON.stringify(delivery.payload);
  const timestamp = Math.floor(now.getTime() / 1000);
  let status: number | null = null;
  let error: string | null = null;
  try {
    await assertPublicTarget(delivery.subscription.url);
    const response = await fetch(delivery.subscription.url, {
      method: "POST",
      headers: webhookHeaders(delivery.subscription.secret, {
        id: delivery.eventId,
        timestamp,
        body,
      }),
      body,
      redirect: "manual",
      signal: attempt.signal
        ? AbortSignal.any([attempt.signal, AbortSignal.timeout(TIMEOUT_MS)])
        : AbortSignal.timeout(TIMEOUT_MS),
    });
    status = response.status;
    await response.body?.cancel().catch(() => {});
    if (!response.ok) error = `The receiver answered HTTP ${response.status}.`;
  } catch (caught) {
    error =
      caught instanceof AppError
        ? caught.message
        : caught instanceof Error && caught.name === "TimeoutError"
          ? `No answer within ${TIMEOUT_MS / 1000} s.`
          : `Could not reach the receiver (${caught instanceof Error ? caught.message : "network error"}).`;
  }
  await db.webhookDelivery.update({
    where: { id: deliveryId },
    data: {
      attempts: { increment: 1 },
      lastStatusCode: status,
      lastError: error,
      lastAttemptAt: now,
      ...(error === null
        ? { status: "DELIVERED", deliveredAt: now }
        : attempt.last
          ? { status: "FAILED" }
          : {}),
    },
  });
  if (error !== null) throw new DeliveryFailed(error);
  return "delivered";
}

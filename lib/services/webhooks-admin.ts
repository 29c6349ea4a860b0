/**
 * An administrator subscribes a URL to webhook events, pauses or resumes it, and redelivers a
 * delivery (the same event id, so a receiver that already handled it can tell). The signing secret
 * is made here and shown on the subscription's page: the receiver needs it to verify signatures.
 */
import { randomUUID } from "node:crypto";
import { can } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/people-audit";
import { AppError, zodIssues } from "@/lib/errors";
import { WebhookSchema } from "@/lib/forms/webhook";
import { isUuid } from "@/lib/ids";
import { JOB_ATTEMPTS } from "@/lib/jobs/catalog";
import { newWebhookSecret } from "@/lib/webhooks/signing";
import { assertPublicTarget } from "@/lib/webhooks/target";
import type { ServiceActor } from "./actor";

function requireIntegrationManager(actor: ServiceActor): void {
  if (!can(actor, "integration:manage")) {
    throw new AppError("FORBIDDEN", "Your roles do not allow this.");
  }
}

export async function createWebhook(
  db: Db,
  actor: ServiceActor,
  input: unknown,
  now = new Date(),
): Promise<{ id: string }> {
  requireIntegrationManager(actor);
  const parsed = WebhookSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      "VALIDATION_FAILED",
      "The webhook needs attention.",
      zodIssues(parsed.error),
    );
  }
  await assertPublicTarget(parsed.data.url);
  const id = randomUUID();
  await db.webhookSubscription.create({
    data: {
      id,
      url: parsed.data.url,
      description: parsed.data.description || null,
      events: [...new Set(parsed.data.events)],
      secret: newWebhookSecret(),
      createdById: actor.id,
      createdAt: now,
    },
  });
  return { id };
}

export async function setWebhookActive(
  db: Db,
  actor: ServiceActor,
  id: string,
  active: boolean,
): Promise<void> {
  requireIntegrationManager(actor);
  const updated = isUuid(id)
    ? await db.webhookSubscription.updateMany({ where: { id }, data: { active } })
    : { count: 0 };
  if (updated.count === 0) throw new AppError("NOT_FOUND", "There is no such webhook.");
}

/** Sends a delivery again (a new attempt series under a fresh job; the same webhook-id). */
export async function redeliverWebhook(
  db: Db,
  actor: ServiceActor,
  deliveryId: string,
): Promise<void> {
  requireIntegrationManager(actor);
  if (!isUuid(deliveryId)) throw new AppError("NOT_FOUND", "There is no such delivery.");
  await inTransaction(db, async (client) => {
    const { rowCount } = await client.query(
      `UPDATE webhook_deliveries SET status = 'PENDING', last_error = NULL WHERE id = $1::uuid`,
      [deliveryId],
    );
    if (!rowCount) throw new AppError("NOT_FOUND", "There is no such delivery.");
    await client.query(
      `SELECT graphile_worker.add_job('webhooks:deliver', json_build_object('deliveryId', $1::text),
                                      max_attempts := $2, job_key := $3)`,
      [deliveryId, JOB_ATTEMPTS["webhooks:deliver"], `webhook:${deliveryId}:${randomUUID()}`],
    );
  });
}

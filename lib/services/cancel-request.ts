/** The requester withdraws a request before its final decision. */
import type { Db } from "@/lib/db/client";
import { engineActor, type ServiceActor } from "./actor";
import { applyEvent } from "./apply-event";

export function cancelRequest(
  db: Db,
  actor: ServiceActor,
  requestId: string,
  options: { reason?: string; version?: number; now?: Date } = {},
) {
  return applyEvent(db, {
    requestId,
    event: { type: "CANCEL", reason: options.reason },
    actor: engineActor(actor),
    expectedVersion: options.version,
    now: options.now,
  });
}

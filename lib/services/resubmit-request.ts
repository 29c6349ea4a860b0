/** After changes were requested, the requester resubmits: a new round, routed from the start. */
import type { Db } from "@/lib/db/client";
import { engineActor, type ServiceActor } from "./actor";
import { applyEvent } from "./apply-event";

export function resubmitRequest(
  db: Db,
  actor: ServiceActor,
  requestId: string,
  options: { version?: number; now?: Date } = {},
) {
  return applyEvent(db, {
    requestId,
    event: { type: "RESUBMIT" },
    actor: engineActor(actor),
    expectedVersion: options.version,
    now: options.now,
  });
}

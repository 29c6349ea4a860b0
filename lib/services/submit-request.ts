/** The requester submits a draft: it is bound to the newest workflow version and routed. */
import type { Db } from "@/lib/db/client";
import { engineActor, type ServiceActor } from "./actor";
import { applyEvent } from "./apply-event";

export function submitRequest(
  db: Db,
  actor: ServiceActor,
  requestId: string,
  options: { version?: number; now?: Date } = {},
) {
  return applyEvent(db, {
    requestId,
    event: { type: "SUBMIT" },
    actor: engineActor(actor),
    expectedVersion: options.version,
    now: options.now,
  });
}

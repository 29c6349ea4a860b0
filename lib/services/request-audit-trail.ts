/**
 * A request's audit trail for whoever may see the request (lib/services/visibility.ts; anyone else
 * hears NOT_FOUND): every event with its hashes, and the names of the people it mentions, so that a
 * program can show it and check each link itself. Verifying it here runs the same check as the
 * request page's badge: the chain, its recorded head, and the row against its events.
 */
import { readStream, requestStream } from "@/lib/db/audit";
import type { Db } from "@/lib/db/client";
import type { StoredEvent } from "@/lib/engine";
import type { ServiceActor } from "./actor";
import { type RequestAuditVerdict, verifyRequestAuditTrail } from "./verify-audit-trail";
import { viewRequest } from "./view-request";

export async function requestAuditTrail(
  db: Db,
  actor: ServiceActor,
  requestId: string,
): Promise<{ stream: string; events: StoredEvent[]; names: Map<string, string> }> {
  await viewRequest(db, actor, requestId); // NOT_FOUND for whoever may not see it
  const stream = requestStream(requestId);
  const events = await readStream(db, stream);
  const ids = new Set<string>();
  for (const event of events) {
    if (event.actorId) ids.add(event.actorId);
    if (event.onBehalfOfId) ids.add(event.onBehalfOfId);
  }
  const users = await db.user.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, name: true },
  });
  return { stream, events, names: new Map(users.map((user) => [user.id, user.name])) };
}

export async function verifyRequestTrailFor(
  db: Db,
  actor: ServiceActor,
  requestId: string,
): Promise<RequestAuditVerdict> {
  await viewRequest(db, actor, requestId);
  return verifyRequestAuditTrail(db, requestId);
}

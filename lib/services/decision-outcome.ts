/**
 * What a person reads after deciding on a request's page: the request's number, whom it waits for
 * now, and the next item of their inbox ("FG-15 approved — now with Finance. Next in inbox: FG-16").
 */
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import type { Decided } from "@/lib/forms/decision";
import type { ServiceActor } from "./actor";
import type { Applied } from "./apply-event";
import { inboxFor } from "./inbox";

export async function decisionOutcome(
  db: Db,
  user: ServiceActor,
  applied: Applied,
  now = new Date(),
): Promise<Decided> {
  const { state } = applied.transition;
  const departmentId = state.step?.departmentId;
  const [row, department, inbox] = await Promise.all([
    db.request.findUniqueOrThrow({ where: { id: applied.requestId }, select: { number: true } }),
    departmentId
      ? db.department.findUnique({ where: { id: departmentId }, select: { name: true } })
      : null,
    // Two: the request just decided may still wait for this user (a quorum, a second role).
    inboxFor(db, user, { limit: 2 }, now),
  ]);
  const next = inbox.items.find((item) => item.id !== applied.requestId) ?? null;
  const role = state.step?.role;
  return {
    status: applied.status,
    version: applied.version,
    number: row.number,
    waitingFor: role ? `${ROLE_LABELS[role]}${department ? ` (${department.name})` : ""}` : null,
    next: next ? { id: next.id, number: next.number, title: next.title } : null,
  };
}

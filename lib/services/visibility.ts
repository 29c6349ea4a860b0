/**
 * Who may know that a request exists: its requester; once submitted, anyone holding a role of a
 * step on its path (MANAGER only in the requester's department), which covers whoever may decide
 * it now or did before; anyone who acted on it; and holders of `request:read-any` (admins).
 * Everyone else is told NOT_FOUND, by the request page and by every refused action alike, so that
 * request ids reveal nothing (not even through "only the requester can do this").
 */
import { can } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { preparedQuery } from "@/lib/db/sql";
import {
  type Actor,
  decideRefusal,
  type PlannedChain,
  plannedChain,
  type RequestState,
  type WorkflowDefinition,
} from "@/lib/engine";
import { AppError } from "@/lib/errors";

type UserActor = Extract<Actor, { kind: "user" }>;

/** Whether `actor` may know of the request, from its state and planned chain (no query). */
export function visibleWithoutHistory(state: RequestState, chain: PlannedChain, actor: UserActor) {
  const onItsPath =
    state.status !== "DRAFT" &&
    chain.steps.some(
      (step) =>
        actor.roles.includes(step.role) &&
        (step.role !== "MANAGER" || actor.departmentId === state.departmentId),
    );
  return (
    state.requesterId === actor.id ||
    can(actor, "request:read-any") ||
    decideRefusal(state, actor) === null ||
    onItsPath
  );
}

/** Whether `actor` ever acted on the request (an entry of theirs in its audit trail). */
export async function actedOn(db: Db, requestId: string, actorId: string): Promise<boolean> {
  const rows = await preparedQuery<{ found: boolean }>(
    db,
    "visibility-acted-on",
    `SELECT EXISTS (SELECT 1 FROM audit_events
                     WHERE stream = 'request:' || $1 AND actor_type = 'USER' AND actor_id = $2::uuid) AS found`,
    [requestId, actorId],
  );
  return rows[0]?.found === true;
}

/**
 * For a refusal about to be told to `actor`: NOT_FOUND instead when they may not know of the
 * request. System actors (the sweep, workers) always get the refusal itself.
 */
export async function refusalFor(
  db: Db,
  refusal: AppError,
  state: RequestState,
  definition: WorkflowDefinition | null,
  actor: Actor,
): Promise<AppError> {
  if (actor.kind !== "user") return refusal;
  const chain = definition
    ? plannedChain(definition, state)
    : { steps: [], currentIndex: null, problem: null };
  if (visibleWithoutHistory(state, chain as PlannedChain, actor)) return refusal;
  if (await actedOn(db, state.id, actor.id)) return refusal;
  return new AppError("NOT_FOUND", "No such request.");
}

/**
 * An approver decides the waiting step: approve, reject (reason required), request changes
 * (comment required) or escalate (reason required). The engine checks role, department scope and
 * segregation of duties; the version guard makes concurrent decisions on one step resolve to one.
 */
import type { Db } from "@/lib/db/client";
import type { LoadedRequest } from "@/lib/db/requests";
import type { DecisionChannel, EngineEvent } from "@/lib/engine";
import { AppError, zodIssues } from "@/lib/errors";
import { type DecisionInput, DecisionInputSchema } from "@/lib/forms/decision";
import { engineActor, type ServiceActor } from "./actor";
import { applyEvent } from "./apply-event";
import { deciderFor } from "./decider";

export { type DecisionInput, DecisionInputSchema } from "@/lib/forms/decision";

function toEvent(input: DecisionInput): EngineEvent {
  switch (input.decision) {
    case "approve":
      return { type: "APPROVE", comment: input.comment, actionHash: input.actionHash };
    case "reject":
      return { type: "REJECT", reason: input.reason };
    case "request_changes":
      return { type: "REQUEST_CHANGES", comment: input.comment };
    case "escalate":
      return { type: "ESCALATE", reason: input.reason };
  }
}

export async function decideStep(
  db: Db,
  actor: ServiceActor,
  requestId: string,
  input: unknown,
  now?: Date,
  options: { via?: DecisionChannel } = {},
) {
  const parsed = DecisionInputSchema.safeParse(input);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    // A missing or too-short note keeps the engine's own code: the reason is what is missing.
    const noteOnly = issues.every((issue) => issue.field === "reason" || issue.field === "comment");
    const approving = (input as { decision?: unknown } | null)?.decision === "approve";
    throw noteOnly && !approving && issues.length > 0
      ? new AppError("REASON_REQUIRED", issues[0]?.message ?? "A reason is required.", issues)
      : new AppError("VALIDATION_FAILED", "The decision is invalid.", issues);
  }
  const decided = toEvent(parsed.data);
  const event: EngineEvent =
    options.via && (decided.type === "APPROVE" || decided.type === "REJECT")
      ? { ...decided, via: options.via }
      : decided;
  return applyEvent(db, {
    requestId,
    event,
    actor: engineActor(actor),
    resolveActor: (loaded) => deciderFor(db, actor, loaded.state, now ?? new Date()),
    expectedVersion: parsed.data.version,
    now,
    prepare: async (loaded) =>
      event.type === "APPROVE" && loaded.state.step?.quorum === "all"
        ? { ...event, eligibleApprovers: await eligibleApprovers(db, loaded) }
        : event,
  });
}

/** Active holders of the step's role (in its department, for scoped steps), minus the requester. */
async function eligibleApprovers(db: Db, loaded: LoadedRequest): Promise<number> {
  const step = loaded.state.step;
  if (!step) return 0;
  return db.user.count({
    where: {
      active: true,
      roles: { has: step.role },
      id: { not: loaded.state.requesterId },
      ...(step.departmentId ? { departmentId: step.departmentId } : {}),
    },
  });
}

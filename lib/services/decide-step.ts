/**
 * An approver decides the waiting step: approve, reject (reason required), request changes
 * (comment required) or escalate (reason required). The engine checks role, department scope and
 * segregation of duties; the version guard makes concurrent decisions on one step resolve to one.
 */
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { LoadedRequest } from "@/lib/db/requests";
import type { EngineEvent } from "@/lib/engine";
import { AppError, zodIssues } from "@/lib/errors";
import { engineActor, type ServiceActor } from "./actor";
import { applyEvent } from "./apply-event";

export const DecisionInputSchema = z.discriminatedUnion("decision", [
  z
    .object({
      decision: z.literal("approve"),
      comment: z.string().trim().max(2_000).optional(),
      version: z.number().int().optional(),
    })
    .strict(),
  z
    .object({
      decision: z.literal("reject"),
      reason: z.string().max(2_000),
      version: z.number().int().optional(),
    })
    .strict(),
  z
    .object({
      decision: z.literal("request_changes"),
      comment: z.string().max(2_000),
      version: z.number().int().optional(),
    })
    .strict(),
  z
    .object({
      decision: z.literal("escalate"),
      reason: z.string().max(2_000),
      version: z.number().int().optional(),
    })
    .strict(),
]);
export type DecisionInput = z.infer<typeof DecisionInputSchema>;

function toEvent(input: DecisionInput): EngineEvent {
  switch (input.decision) {
    case "approve":
      return { type: "APPROVE", comment: input.comment };
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
) {
  const parsed = DecisionInputSchema.safeParse(input);
  if (!parsed.success)
    throw new AppError("VALIDATION_FAILED", "The decision is invalid.", zodIssues(parsed.error));
  const event = toEvent(parsed.data);
  return applyEvent(db, {
    requestId,
    event,
    actor: engineActor(actor),
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

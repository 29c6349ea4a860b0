/**
 * The shape of every state-changing use case: load the request → ask the engine → write the new
 * state, run log, decision and audit events in one statement guarded by the request's version.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import {
  type LoadedRequest,
  loadRequest,
  type PersistDetails,
  persistTransition,
} from "@/lib/db/requests";
import { latestWorkflow, type WorkflowVersion, workflowById } from "@/lib/db/workflows";
import type { Actor, AuditEntry, EngineEvent, RequestType, Transition } from "@/lib/engine";
import { transition } from "@/lib/engine";
import { AppError, fromEngineError } from "@/lib/errors";
import { routingWarnings } from "./routing-check";
import { refusalFor } from "./visibility";

export interface ApplyOptions {
  requestId: string;
  event: EngineEvent;
  actor: Actor;
  /** Who decides, once the request is loaded (a delegate standing in for an approver). */
  resolveActor?: (loaded: LoadedRequest) => Promise<Actor>;
  now?: Date;
  /** The version the caller saw; a different current version is refused as VERSION_CONFLICT. */
  expectedVersion?: number;
  /** Computes engine inputs that need the database (e.g. eligible approvers for quorum "all"). */
  prepare?: (loaded: LoadedRequest) => Promise<EngineEvent>;
  /** Audit entries recorded before the transition's own (e.g. the AI's re-enrichment). */
  auditBefore?: AuditEntry[];
  /** Columns outside the engine's state to set with the transition. */
  details?: PersistDetails;
}

export interface Applied {
  requestId: string;
  version: number;
  status: Transition["state"]["status"];
  transition: Transition;
  workflow: WorkflowVersion;
}

export async function applyEvent(db: Db, options: ApplyOptions): Promise<Applied> {
  const now = options.now ?? new Date();
  const loaded = await loadRequest(db, options.requestId);
  if (!loaded) throw new AppError("NOT_FOUND", "No such request.");
  const workflow = await workflowFor(db, loaded);
  const actor = options.resolveActor ? await options.resolveActor(loaded) : options.actor;
  // Whoever may not know of the request hears NOT_FOUND, whatever the refusal (visibility.ts).
  const refuse = (error: AppError) =>
    refusalFor(db, error, loaded.state, workflow.definition, actor);
  if (options.expectedVersion !== undefined && options.expectedVersion !== loaded.version) {
    throw await refuse(
      new AppError(
        "VERSION_CONFLICT",
        "This request has changed since you loaded it. Reload and try again.",
      ),
    );
  }
  let event: EngineEvent;
  try {
    event = options.prepare ? await options.prepare(loaded) : options.event;
  } catch (error) {
    throw error instanceof AppError ? await refuse(error) : error;
  }
  const result = transition({
    definition: workflow.definition,
    state: loaded.state,
    event,
    actor,
    now,
    newId: randomUUID,
  });
  if (!result.ok) throw await refuse(fromEngineError(result.error));
  // A draft is bound to the newest workflow version when first submitted, and keeps it for life.
  const boundWorkflowId = loaded.workflowId ?? (event.type === "SUBMIT" ? workflow.id : null);
  // A submission is checked against its own text: figures there that would route it higher
  // than the confirmed fields are put in front of the approvers (routing-check.ts).
  const routing =
    event.type === "SUBMIT" || event.type === "RESUBMIT"
      ? await checkRouting(db, result.transition, workflow, now, options.details)
      : null;
  const audit = [
    ...(options.auditBefore ?? []),
    ...result.transition.audit,
    ...(routing?.audit ? [routing.audit] : []),
  ];
  const recorded = { ...result.transition, audit };
  const version = await persistTransition(db, loaded, recorded, now, boundWorkflowId, {
    ...options.details,
    ...(routing ? { routingWarnings: routing.warnings } : {}),
  });
  if (version === null) {
    throw new AppError(
      "VERSION_CONFLICT",
      "Someone else acted on this request first. Reload to see its new state.",
    );
  }
  return {
    requestId: loaded.state.id,
    version,
    status: result.transition.state.status,
    transition: result.transition,
    workflow,
  };
}

/** The version a submitted request runs on, or for a draft the newest version of its type. */
async function workflowFor(db: Db, loaded: LoadedRequest): Promise<WorkflowVersion> {
  if (loaded.workflowId) return workflowById(db, loaded.workflowId);
  const latest = await latestWorkflow(db, loaded.state.type);
  if (!latest)
    throw new AppError("SERVICE_UNAVAILABLE", `No ${loaded.state.type} workflow is published.`);
  return latest;
}

async function checkRouting(
  db: Db,
  routed: Transition,
  workflow: WorkflowVersion,
  now: Date,
  details: PersistDetails | undefined,
): Promise<{ warnings: string[]; audit: AuditEntry | null }> {
  const { state } = routed;
  const stored = await db.request.findUniqueOrThrow({
    where: { id: state.id },
    select: { description: true, enrichment: true },
  });
  // A resubmission brings a fresh suggestion; otherwise the stored one says what the AI read.
  const enrichment = (details?.enrichment ? details.enrichment.value : stored.enrichment) as {
    type?: RequestType;
  } | null;
  const warnings = await routingWarnings(
    db,
    {
      type: state.type,
      fields: state.fields,
      text: stored.description,
      suggestedType: enrichment?.type ?? null,
    },
    workflow.definition,
    now,
  );
  return {
    warnings,
    audit: warnings.length
      ? {
          action: "ROUTING_WARNING",
          actor: { type: "SYSTEM", onBehalfOf: null },
          fromStatus: state.status,
          toStatus: state.status,
          data: { warnings },
        }
      : null,
  };
}

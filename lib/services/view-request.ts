/**
 * One request as its page shows it, for one user: the details, the planned approval chain and the
 * actions this user may take now. Who may see it: lib/services/visibility.ts; everyone else gets
 * NOT_FOUND, so that request ids reveal nothing.
 */
import { type ActionRunView, runsOfRequest } from "@/lib/db/action-runs";
import { type Db, poolOf } from "@/lib/db/client";
import { type RequestDetail, requestDetail, type TimelineEntry } from "@/lib/db/request-view";
import { latestWorkflow, workflowById } from "@/lib/db/workflows";
import {
  chainProgress,
  describeCurrentStep,
  type PlannedChain,
  permittedActions,
  plannedChain,
  type RequestAction,
  type StepProgress,
} from "@/lib/engine";
import { AppError } from "@/lib/errors";
import type { CurrentState } from "@/lib/forms/result";
import { type ActionView, actionView } from "./action-view";
import type { ServiceActor } from "./actor";
import { deciderFor } from "./decider";
import { visibleWithoutHistory } from "./visibility";

export interface RequestView {
  detail: RequestDetail;
  chain: PlannedChain;
  /** Each step of the chain with what became of it this round (who decided, when, how). */
  progress: StepProgress[];
  /** "step 2 of 3: FINANCE", or null when no step waits. */
  currentStep: string | null;
  actions: RequestAction[];
  isRequester: boolean;
  /** The absent approver the viewer would decide for (their delegate), if any. */
  onBehalfOf: string | null;
  /** The action that runs once the request is approved, as the approver approves it. */
  approvedAction: ActionView | null;
  /** Its runs (one per round that reached it): status, attempts, result or error. */
  actionRuns: ActionRunView[];
}

export async function viewRequest(
  db: Db,
  user: ServiceActor,
  requestId: string,
): Promise<RequestView> {
  const detail = await requestDetail(db, requestId);
  if (!detail) throw new AppError("NOT_FOUND", "No such request.");
  const { state } = detail.loaded;
  // A delegate sees (and decides) the steps of the approver they stand in for.
  const actor = await deciderFor(db, user, state, new Date());
  const workflow = detail.loaded.workflowId
    ? await workflowById(db, detail.loaded.workflowId)
    : await latestWorkflow(db, state.type);
  const chain: PlannedChain = workflow
    ? plannedChain(workflow.definition, state)
    : { steps: [], currentIndex: null, problem: `No workflow is published for ${state.type}.` };
  const visible =
    visibleWithoutHistory(state, chain, actor) ||
    detail.timeline.some((entry) => entry.actorType === "USER" && entry.actorId === user.id);
  if (!visible) throw new AppError("NOT_FOUND", "No such request.");
  return {
    detail,
    chain,
    progress: chainProgress(
      chain,
      state.status,
      detail.timeline.map((entry) => ({ ...entry, actorLabel: actorLabel(entry) })),
    ),
    currentStep: describeCurrentStep(chain),
    actions: permittedActions(state, actor),
    isRequester: state.requesterId === user.id,
    onBehalfOf: actor.onBehalfOf ? await nameOf(db, actor.onBehalfOf.id) : null,
    approvedAction: actionView(state.action),
    actionRuns: state.action ? await runsOfRequest(poolOf(db), state.id) : [],
  };
}

async function nameOf(db: Db, userId: string): Promise<string | null> {
  return (
    (await db.user.findUnique({ where: { id: userId }, select: { name: true } }))?.name ?? null
  );
}

/**
 * The request's state now, for a user whose action lost a race (someone else acted first), or
 * null when they may not see the request.
 */
export async function currentStateFor(
  db: Db,
  user: ServiceActor,
  requestId: string,
): Promise<CurrentState | null> {
  try {
    const view = await viewRequest(db, user, requestId);
    const { timeline } = view.detail;
    // What a person did (or the SLA timer), not the workflow's own bookkeeping after it: an
    // approval's "Completed by Flowgate workflow" says nothing about who acted.
    const last =
      timeline.findLast(
        (entry) => entry.actorType === "USER" || entry.action === "SLA_ESCALATED",
      ) ?? timeline.at(-1);
    const byYou = last?.actorType === "USER" && last.actorId === user.id;
    return {
      status: view.detail.loaded.state.status,
      lastAction: last?.action ?? null,
      lastActor: last ? (byYou ? "you" : actorLabel(last)) : null,
      lastByYou: byYou,
      lastAt: last?.createdAt.toISOString() ?? null,
      currentStep: view.currentStep,
    };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

/** Who did a timeline entry, as people read it. */
export function actorLabel(entry: TimelineEntry): string {
  if (entry.actorType === "SYSTEM") {
    return entry.action === "SLA_ESCALATED" ? "Flowgate SLA timer" : "Flowgate workflow";
  }
  if (entry.actorType === "AI") {
    return entry.onBehalfOfName ? `AI assistant (for ${entry.onBehalfOfName})` : "AI assistant";
  }
  const who = entry.actorName ?? "Unknown user";
  // A delegate's decision: "by X on behalf of Y".
  return entry.onBehalfOfName ? `${who} on behalf of ${entry.onBehalfOfName}` : who;
}

/** The services' views as the API's resources (the shapes in lib/api/v1/schemas.ts). */
import type { z } from "zod";
import { describeEvent } from "@/lib/audit/describe";
import type { RequestStatus, StoredEvent } from "@/lib/engine";
import { requestLabel } from "@/lib/format";
import type { InboxEntry } from "@/lib/services/inbox";
import type { RequestView } from "@/lib/services/view-request";
import type * as s from "./schemas";

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function requestResource(view: RequestView): z.input<typeof s.RequestSchema> {
  const { detail } = view;
  const { state } = detail.loaded;
  const step = state.step;
  return {
    id: state.id,
    number: detail.number,
    reference: requestLabel(detail.number),
    type: state.type,
    title: detail.title,
    description: detail.description,
    status: state.status,
    version: detail.loaded.version,
    round: state.round,
    fields: state.fields,
    action: state.action,
    approvedAction: view.approvedAction as z.input<typeof s.ActionViewSchema> | null,
    requester: { id: detail.requester.id, name: detail.requester.name },
    department: detail.department,
    step: step
      ? {
          role: step.role,
          department: detail.stepDepartment,
          startedAt: step.startedAt.toISOString(),
          dueAt: step.dueAt.toISOString(),
          escalated: step.escalatedAt !== null,
          approvals: step.approvals.length,
        }
      : null,
    chain: {
      steps: view.chain.steps.map(({ label, role, state: stepState }) => ({
        label,
        role,
        state: stepState,
      })),
      problem: view.chain.problem,
    },
    ai: detail.enrichment
      ? {
          summary: detail.enrichment.summary,
          confidence: detail.enrichment.confidence,
          warnings: detail.enrichment.warnings,
        }
      : null,
    routingWarnings: detail.routingWarnings,
    permittedActions: view.actions,
    onBehalfOf: view.onBehalfOf,
    createdAt: detail.createdAt.toISOString(),
    updatedAt: detail.updatedAt.toISOString(),
    submittedAt: iso(detail.submittedAt),
    completedAt: iso(detail.completedAt),
  };
}

export function inboxItem(entry: InboxEntry): z.input<typeof s.InboxItemSchema> {
  const { actions, stepRole, type, status, ...rest } = entry;
  return {
    ...rest,
    reference: requestLabel(entry.number),
    type: type as z.input<typeof s.InboxItemSchema>["type"],
    status: status as z.input<typeof s.InboxItemSchema>["status"],
    stepRole: stepRole as z.input<typeof s.InboxItemSchema>["stepRole"],
    approvedAction: entry.approvedAction as z.input<typeof s.ActionViewSchema> | null,
    permittedActions: actions,
  };
}

export function auditEvent(
  event: StoredEvent,
  names: ReadonlyMap<string, string>,
): z.input<typeof s.AuditEventSchema> {
  const { verb, detail } = describeEvent(event.action, event.data, (id) => names.get(id) ?? id);
  return {
    seq: event.seq,
    action: event.action,
    description: detail ? `${verb}: ${detail}` : verb,
    actor: {
      type: event.actorType,
      id: event.actorId,
      name: event.actorId ? (names.get(event.actorId) ?? null) : null,
    },
    onBehalfOf: event.onBehalfOfId
      ? { id: event.onBehalfOfId, name: names.get(event.onBehalfOfId) ?? null }
      : null,
    fromStatus: event.fromStatus as RequestStatus | null,
    toStatus: event.toStatus as RequestStatus | null,
    data: event.data,
    createdAt: event.createdAt.toISOString(),
    prevHash: event.prevHash,
    hash: event.hash,
  };
}

/** A state change's answer: the request's id, new status and version (also its ETag). */
export function transitionReply(applied: { requestId: string; status: string; version: number }) {
  return {
    body: { id: applied.requestId, status: applied.status, version: applied.version },
    etag: applied.version,
  };
}

/**
 * What outbound webhooks tell: event types, each from a request's audit event. The database
 * enqueues a fan-out for events of WEBHOOK_ACTIONS (the trigger in migration 20261203090000_api,
 * checked against this list by a test); the fan-out maps each to its type here.
 */
import "@/lib/zod-config"; // first: before any schema is built (CSP)
import { z } from "zod";
import type { AuditAction } from "@/lib/engine/audit-events";

export const WEBHOOK_EVENT_TYPES = [
  "request.submitted",
  "request.resubmitted",
  "step.started",
  "step.approved",
  "step.rejected",
  "step.escalated",
  "request.changes_requested",
  "request.approved",
  "request.rejected",
  "request.cancelled",
  "action.executed",
  "action.failed",
] as const;
export const WebhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof WebhookEventTypeSchema>;

export const WEBHOOK_EVENT_LABELS: Readonly<Record<WebhookEventType, string>> = {
  "request.submitted": "A request is submitted",
  "request.resubmitted": "A request is resubmitted after changes",
  "step.started": "A step waits for an approver",
  "step.approved": "A step is approved",
  "step.rejected": "A step is rejected",
  "step.escalated": "A step is escalated (by hand or SLA)",
  "request.changes_requested": "Changes are requested",
  "request.approved": "A request is approved (its workflow ended so)",
  "request.rejected": "A request is rejected (its workflow ended so)",
  "request.cancelled": "A request is cancelled",
  "action.executed": "An approved action ran",
  "action.failed": "An approved action failed for good",
};

const BY_ACTION: Partial<Record<AuditAction, WebhookEventType>> = {
  SUBMITTED: "request.submitted",
  RESUBMITTED: "request.resubmitted",
  STEP_STARTED: "step.started",
  APPROVED: "step.approved",
  REJECTED: "step.rejected",
  ESCALATED: "step.escalated",
  SLA_ESCALATED: "step.escalated",
  CHANGES_REQUESTED: "request.changes_requested",
  CANCELLED: "request.cancelled",
  ACTION_EXECUTED: "action.executed",
  ACTION_FAILED: "action.failed",
};

/** The audit actions a webhook may be about (the database trigger's list). */
export const WEBHOOK_ACTIONS: readonly AuditAction[] = [
  ...Object.keys(BY_ACTION),
  "COMPLETED",
] as AuditAction[];

/** The webhook event type of an audit event, or null when no webhook tells of it. */
export function webhookTypeOf(action: string, toStatus: string | null): WebhookEventType | null {
  if (action === "COMPLETED") {
    return toStatus === "APPROVED"
      ? "request.approved"
      : toStatus === "REJECTED"
        ? "request.rejected"
        : null;
  }
  return BY_ACTION[action as AuditAction] ?? null;
}

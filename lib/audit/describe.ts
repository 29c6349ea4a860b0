/**
 * How people read an audit event: a verb ("approved") and a detail line ("Finance → Director: no
 * decision within the SLA"), from the event's typed data (lib/engine/audit-events.ts). Shared by a
 * request's timeline and the audit explorer. An event whose stored data does not have its action's
 * shape says so instead of guessing.
 */

import { ROLE_LABELS } from "@/lib/auth/roles";
import { type AuditAction, isAuditAction, readEventData } from "@/lib/engine/audit-events";
import { formatPercent, formatStatus } from "@/lib/format";

const VERBS: Record<AuditAction, string> = {
  CREATED: "created the request",
  ENRICHED: "suggested type and fields",
  ENRICHMENT_FAILED: "could not read the request",
  UPDATED: "updated the fields",
  SUBMITTED: "submitted it",
  RESUBMITTED: "resubmitted it",
  ROUTING_WARNING: "found that the text says more than the fields",
  STEP_STARTED: "started a step",
  APPROVED: "approved",
  REJECTED: "rejected",
  CHANGES_REQUESTED: "requested changes",
  ESCALATED: "escalated",
  SLA_ESCALATED: "escalated (SLA overdue)",
  ACTION_QUEUED: "queued the approved action",
  ACTION_EXECUTED: "ran the approved action",
  ACTION_FAILED: "could not run the approved action",
  ACTION_ABANDONED: "abandoned the approved action",
  COMPLETED: "finished the workflow",
  CANCELLED: "cancelled it",
  COMMENTED: "commented",
  ATTACHMENT_ADDED: "attached a file",
  ATTACHMENT_REMOVED: "removed a file",
  USER_CREATED: "created the account",
  USER_UPDATED: "changed the account",
  USER_DEACTIVATED: "deactivated the account",
  USER_REACTIVATED: "reactivated the account",
  PASSWORD_LINK_SENT: "sent a set-password link",
  PASSWORD_SET: "set the password",
  DEPARTMENT_CREATED: "created the department",
  DEPARTMENT_RENAMED: "renamed the department",
  DELEGATION_CREATED: "handed their steps to a delegate",
  DELEGATION_ENDED: "ended a delegation",
  TOKEN_CREATED: "created an API token",
  TOKEN_REVOKED: "revoked an API token",
};

export interface EventDescription {
  verb: string;
  detail: string | null;
  /** Set when the stored data does not have the action's shape (what is wrong with it). */
  problem: string | null;
}

const role = (value: string) => ROLE_LABELS[value as keyof typeof ROLE_LABELS] ?? value;
const roles = (values: readonly string[]) => values.map(role).join(", ") || "no roles";
const quoted = (text: string | undefined) => (text ? `“${text}”` : null);

/** `names` resolves user and department ids to names where the caller knows them. */
export function describeEvent(
  action: string,
  data: unknown,
  names: (id: string) => string = (id) => id,
): EventDescription {
  if (!isAuditAction(action)) {
    return { verb: formatStatus(action), detail: null, problem: `unknown action ${action}` };
  }
  const read = readEventData(action, data);
  if (!read.ok) return { verb: VERBS[action], detail: null, problem: read.problem };
  const event = read.event;
  const detail = ((): string | null => {
    switch (event.action) {
      case "STEP_STARTED":
        return `Waiting for ${role(event.data.role)}`;
      case "ENRICHED":
        return `${formatStatus(event.data.type)}, confidence ${formatPercent(event.data.confidence)}`;
      case "ESCALATED":
      case "SLA_ESCALATED":
        return `${role(event.data.fromRole)} → ${role(event.data.toRole)}: ${event.data.reason}`;
      case "ACTION_EXECUTED":
        return `${event.data.tool} (attempt ${event.data.attempts})`;
      case "ACTION_FAILED":
        return `${event.data.tool}: ${event.data.error}`;
      case "ACTION_ABANDONED":
        return quoted(event.data.reason);
      case "ROUTING_WARNING":
        return event.data.warnings.join(" ");
      case "COMPLETED":
        return formatStatus(event.data.outcome);
      case "REJECTED":
        return quoted(event.data.reason);
      case "APPROVED":
        return quoted(event.data.comment);
      case "CHANGES_REQUESTED":
        return quoted(event.data.comment);
      case "CANCELLED":
        return quoted(event.data.reason);
      case "COMMENTED":
        return quoted(event.data.body);
      case "ATTACHMENT_ADDED":
        return `${event.data.fileName} (${event.data.mediaType}, ${event.data.sizeBytes.toLocaleString("en")} bytes, SHA-256 ${event.data.sha256.slice(0, 12)}…)`;
      case "ATTACHMENT_REMOVED":
        return event.data.fileName;
      case "ENRICHMENT_FAILED":
        return `${event.data.provider}: ${event.data.error}`;
      case "USER_CREATED":
        return `${event.data.name} <${event.data.email}>, ${roles(event.data.roles)}${
          event.data.departmentId ? `, ${names(event.data.departmentId)}` : ""
        }`;
      case "USER_UPDATED": {
        const parts: string[] = [];
        if (event.data.name) parts.push(`name ${event.data.name.from} → ${event.data.name.to}`);
        if (event.data.roles) {
          parts.push(`roles ${roles(event.data.roles.from)} → ${roles(event.data.roles.to)}`);
        }
        if (event.data.departmentId) {
          const dept = (id: string | null) => (id ? names(id) : "none");
          parts.push(
            `department ${dept(event.data.departmentId.from)} → ${dept(event.data.departmentId.to)}`,
          );
        }
        return parts.join("; ") || null;
      }
      case "USER_DEACTIVATED":
        return quoted(event.data.reason);
      case "PASSWORD_LINK_SENT":
        return event.data.purpose === "invite" ? "Invitation" : "Password reset";
      case "DEPARTMENT_CREATED":
        return `${event.data.name} (${event.data.code})`;
      case "DEPARTMENT_RENAMED":
        return `${event.data.name.from} → ${event.data.name.to}`;
      case "DELEGATION_CREATED":
        return `to ${names(event.data.delegateId)}, ${event.data.startsAt.slice(0, 10)} – ${event.data.endsAt.slice(0, 10)}`;
      case "TOKEN_CREATED":
        return `“${event.data.name}”: ${event.data.scopes.join(", ")}${event.data.expiresAt ? `, until ${event.data.expiresAt.slice(0, 10)}` : ", no expiry"}`;
      case "TOKEN_REVOKED":
        return quoted(event.data.name);
      default:
        return null;
    }
  })();
  return { verb: VERBS[action], detail, problem: null };
}

/**
 * The audit trail's events, typed per action: one zod schema of `data` for each action, in one
 * discriminated union shared by the writer (chainEvents checks every event it chains), the
 * timeline and the audit explorer (which read stored events through `readEventData`, so an event
 * whose shape is not what its action says is shown as such, never guessed at).
 *
 * Request streams ("request:<id>") hold the request's life; people streams ("user:<id>",
 * "department:<id>") hold what administrators did to accounts, roles and departments.
 * Adding an action: add its schema here; TypeScript then asks every writer and reader for it.
 */
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

const Role = z.enum(ROLES);
const Json = z.json();
const Id = z.string().min(1);
const Iso = z.iso.datetime();
/** How a decision reached the engine when not through the app's pages. */
const Via = z.enum(["email_link", "api"]).optional();
const event = <A extends string, D extends z.ZodRawShape>(action: A, data: D) =>
  z.object({ action: z.literal(action), data: z.object(data).strict() });

const ACTION_RUN = {
  tool: z.string(),
  nodeId: Id,
  round: z.int().positive(),
  idempotencyKey: z.string(),
  attempts: z.int().nonnegative(),
};

/** A change of one value: what it was and what it became. */
const change = <T extends z.ZodType>(value: T) => z.object({ from: value, to: value }).strict();

export const AuditEventSchema = z.discriminatedUnion("action", [
  // ── a request's life ──────────────────────────────────────────────────────────────────────
  event("CREATED", { type: z.string(), title: z.string(), fields: Json, action: Json.optional() }),
  event("ENRICHED", {
    type: z.string(),
    typeConfidence: z.number(),
    confidence: z.number(),
    fields: Json,
    warnings: z.array(z.string()),
    provenance: Json,
  }),
  event("ENRICHMENT_FAILED", { provider: z.string(), error: z.string() }),
  event("UPDATED", { fields: Json, action: Json.optional(), type: z.string().optional() }),
  event("SUBMITTED", { round: z.int().positive() }),
  event("RESUBMITTED", { round: z.int().positive() }),
  /** The submitted text says more than the confirmed fields (lib/services/routing-check.ts). */
  event("ROUTING_WARNING", { warnings: z.array(z.string()) }),
  event("STEP_STARTED", {
    nodeId: Id,
    role: Role,
    departmentId: z.string().nullable(),
    dueAt: Iso,
    quorum: Json,
  }),
  event("APPROVED", {
    nodeId: Id,
    role: Role,
    approvals: z.int().nonnegative(),
    needed: z.int().positive(),
    comment: z.string().optional(),
    actionHash: z.string().optional(),
    via: Via,
  }),
  event("REJECTED", { nodeId: Id, role: Role, reason: z.string(), via: Via }),
  event("CHANGES_REQUESTED", { nodeId: Id, role: Role, comment: z.string(), round: z.int() }),
  event("ESCALATED", { nodeId: Id, fromRole: Role, toRole: Role, reason: z.string(), dueAt: Iso }),
  event("SLA_ESCALATED", {
    nodeId: Id,
    fromRole: Role,
    toRole: Role,
    reason: z.string(),
    dueAt: Iso,
  }),
  event("ACTION_QUEUED", { nodeId: Id, tool: z.string(), params: Json }),
  /** Approved actions: ran (with the result), failed for good, or abandoned by an admin. */
  event("ACTION_EXECUTED", { ...ACTION_RUN, result: Json }),
  event("ACTION_FAILED", { ...ACTION_RUN, error: z.string() }),
  event("ACTION_ABANDONED", { reason: z.string() }),
  event("COMPLETED", { nodeId: Id, outcome: z.string() }),
  event("CANCELLED", { reason: z.string().optional() }),
  /** A question or comment by the requester or an approver; it changes nothing else. */
  event("COMMENTED", { body: z.string() }),
  /** A file added to or removed from a request; its bytes are named by their SHA-256. */
  event("ATTACHMENT_ADDED", {
    attachmentId: Id,
    fileName: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int().nonnegative(),
    sha256: z.string(),
  }),
  event("ATTACHMENT_REMOVED", { attachmentId: Id, fileName: z.string() }),
  // ── people, roles, departments (streams user:<id> and department:<id>) ──────────────────────
  /** `how`: set up on first run, created by an administrator (invited or with a password), or the CLI. */
  event("USER_CREATED", {
    email: z.string(),
    name: z.string(),
    roles: z.array(Role),
    departmentId: z.string().nullable(),
    how: z.enum(["setup", "invite", "password", "cli", "service"]),
  }),
  event("USER_UPDATED", {
    name: change(z.string()).optional(),
    roles: change(z.array(Role)).optional(),
    departmentId: change(z.string().nullable()).optional(),
  }),
  event("USER_DEACTIVATED", { reason: z.string().optional() }),
  event("USER_REACTIVATED", {}),
  /** A set-password link was mailed (an invitation or a reset); the link itself is never kept. */
  event("PASSWORD_LINK_SENT", { purpose: z.enum(["invite", "reset"]), expiresAt: Iso }),
  event("PASSWORD_SET", { via: z.enum(["link", "settings"]) }),
  event("DEPARTMENT_CREATED", { code: z.string(), name: z.string() }),
  event("DEPARTMENT_RENAMED", { name: change(z.string()) }),
  event("DELEGATION_CREATED", {
    delegationId: Id,
    delegateId: Id,
    startsAt: Iso,
    endsAt: Iso,
    note: z.string().optional(),
  }),
  event("DELEGATION_ENDED", { delegationId: Id, endedAt: Iso }),
  /** An API token for the account (never the token itself); `service` for a service account's. */
  event("TOKEN_CREATED", {
    tokenId: Id,
    name: z.string(),
    scopes: z.array(z.string()),
    expiresAt: Iso.nullable(),
  }),
  event("TOKEN_REVOKED", { tokenId: Id, name: z.string() }),
]);

export type AuditEvent = z.infer<typeof AuditEventSchema>;
export type AuditAction = AuditEvent["action"];
export type AuditData<A extends AuditAction> = Extract<AuditEvent, { action: A }>["data"];

export const AUDIT_ACTIONS = AuditEventSchema.options.map(
  (option) => option.shape.action.value,
) as readonly AuditAction[];

export const isAuditAction = (value: string): value is AuditAction =>
  (AUDIT_ACTIONS as readonly string[]).includes(value);

/** Actions about people and departments, not requests. */
export const PEOPLE_ACTIONS: readonly AuditAction[] = AUDIT_ACTIONS.filter(
  (action) =>
    action.startsWith("USER_") ||
    action.startsWith("PASSWORD_") ||
    action.startsWith("DEPARTMENT_") ||
    action.startsWith("DELEGATION_") ||
    action.startsWith("TOKEN_"),
);

/** Thrown by the writer when an event does not have its action's shape: a bug, never stored. */
export class AuditShapeError extends Error {
  constructor(action: string, issues: string) {
    super(`audit event ${action} does not have its shape: ${issues}`);
    this.name = "AuditShapeError";
  }
}

/** Checks an event about to be chained; throws AuditShapeError if its data is not its action's. */
export function checkEventShape(action: string, data: unknown): void {
  const parsed = AuditEventSchema.safeParse({ action, data });
  if (!parsed.success) throw new AuditShapeError(action, describe(parsed.error));
}

export type ReadEvent = { ok: true; event: AuditEvent } | { ok: false; problem: string };

/** Reads a stored event's data by its action's schema (the timeline and the explorer). */
export function readEventData(action: string, data: unknown): ReadEvent {
  const parsed = AuditEventSchema.safeParse({ action, data });
  return parsed.success
    ? { ok: true, event: parsed.data }
    : { ok: false, problem: describe(parsed.error) };
}

function describe(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path[0] === "data" ? issue.path.slice(1) : issue.path;
      return `${path.join(".") || "(data)"}: ${issue.message}`;
    })
    .join("; ");
}

/** Workflow definitions (versioned graphs), request state, actors and events. */
import { hash } from "node:crypto";
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { canonicalJson } from "./canonical-json";
import type { RequestFields, RequestType } from "./fields";
import { RequestTypeSchema } from "./fields";
import type { JsonValue } from "./lifecycle";
import { TOOL_NAMES } from "./tools";

export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const REQUEST_STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "IN_REVIEW",
  "APPROVED",
  "REJECTED",
  "ESCALATED",
  "CHANGES_REQUESTED",
  "CANCELLED",
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const TERMINAL_STATUSES: ReadonlySet<RequestStatus> = new Set([
  "APPROVED",
  "REJECTED",
  "CANCELLED",
]);
/** States in which an approval step is waiting for a decision. */
export const DECIDING_STATUSES: ReadonlySet<RequestStatus> = new Set(["IN_REVIEW", "ESCALATED"]);

export { TOOL_NAMES, type ToolName } from "./tools";
export const ToolNameSchema = z.enum(TOOL_NAMES);

const NodeId = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]{0,62}$/,
    "Node ids are lower-case letters, digits and _, starting with a letter.",
  );

const NodeBase = {
  id: NodeId,
  label: z.string().min(1).max(80).optional(),
  /** How often one request may enter this node before its run fails (loops). */
  maxVisits: z.number().int().min(1).max(100).default(20),
};

export const QuorumSchema = z.union([
  z.literal("any"),
  z.literal("all"),
  z.number().int().min(1).max(50),
]);
export type Quorum = z.infer<typeof QuorumSchema>;

export const NodeSchema = z.discriminatedUnion("kind", [
  z.object({ ...NodeBase, kind: z.literal("enrich") }).strict(),
  z.object({ ...NodeBase, kind: z.literal("branch") }).strict(),
  z
    .object({
      ...NodeBase,
      kind: z.literal("approval"),
      role: RoleSchema,
      /** "department": only holders of `role` in the requester's department (default for MANAGER). */
      scope: z.enum(["department", "global"]).optional(),
      quorum: QuorumSchema.default("any"),
      slaHours: z
        .number()
        .positive()
        .max(24 * 90),
      escalateTo: RoleSchema,
    })
    .strict(),
  z
    .object({
      ...NodeBase,
      kind: z.literal("tool"),
      /** A fixed tool; without it the node runs the action attached to (and approved with) the request. */
      tool: ToolNameSchema.optional(),
      params: z.record(z.string(), z.unknown()).optional(),
    })
    .strict(),
  z
    .object({ ...NodeBase, kind: z.literal("end"), outcome: z.enum(["APPROVED", "REJECTED"]) })
    .strict(),
]);
export type WorkflowNode = z.infer<typeof NodeSchema>;
export type ApprovalNode = Extract<WorkflowNode, { kind: "approval" }>;

export const EdgeSchema = z
  .object({
    from: NodeId,
    to: NodeId,
    /** A CEL expression over the request's fields (and `outcome` after an approval). No `when`: the default edge. */
    when: z.string().min(1).max(500).optional(),
  })
  .strict();
export type WorkflowEdge = z.infer<typeof EdgeSchema>;

export const WorkflowDefinitionSchema = z
  .object({
    type: RequestTypeSchema,
    name: z.string().min(1).max(120),
    start: NodeId,
    nodes: z.array(NodeSchema).min(1).max(200),
    edges: z.array(EdgeSchema).max(500),
  })
  .strict();
export type WorkflowDefinition = z.infer<typeof WorkflowDefinitionSchema>;
export type WorkflowDefinitionInput = z.input<typeof WorkflowDefinitionSchema>;

/** The request's action for GENERAL requests (run once by a `tool` node after approval). */
export const ActionSchema = z
  .object({ tool: ToolNameSchema, params: z.record(z.string(), z.unknown()) })
  .strict();
export type Action = z.infer<typeof ActionSchema>;

/**
 * What an approval of an action is bound to: SHA-256 of the action's RFC 8785 encoding. The
 * approver's client sends the hash it showed; the approval records it; the action runs with
 * exactly that payload.
 */
export function actionHash(action: Action): string {
  return hash("sha256", canonicalJson(action as unknown as JsonValue) ?? "null", "hex");
}

export interface ActiveStep {
  nodeId: string;
  /** The role that decides now (the escalation role once escalated). */
  role: Role;
  /** Set when only holders of `role` in this department may decide (MANAGER). */
  departmentId: string | null;
  quorum: Quorum;
  /** Users who approved this step so far (for quorum N / all). */
  approvals: string[];
  startedAt: Date;
  dueAt: Date;
  escalatedAt: Date | null;
  escalateTo: Role;
  /** Id of the open run-log visit of this step. */
  visitId: string;
}

export interface RequestState {
  id: string;
  type: RequestType;
  status: RequestStatus;
  requesterId: string;
  departmentId: string | null;
  round: number;
  fields: RequestFields;
  action: Action | null;
  /** Where the run stands: the waiting approval node, the end reached, or null before submission. */
  currentNodeId: string | null;
  /** Visits per node over the request's life (loop limits). */
  visits: Record<string, number>;
  step: ActiveStep | null;
}

/** Whom a delegate decides for: their roles and department decide what the delegate may decide. */
export interface Principal {
  id: string;
  roles: readonly Role[];
  departmentId: string | null;
}

export type Actor =
  | {
      kind: "user";
      id: string;
      roles: readonly Role[];
      departmentId: string | null;
      /** Set when deciding as a delegate (out of office): the person decided for. */
      onBehalfOf?: Principal;
    }
  | { kind: "system" };

/** Where a decision came from, when not the app's own pages: a signed link in a mail. */
export type DecisionChannel = "email_link" | "api";

export type EngineEvent =
  | {
      type: "UPDATE";
      fields: RequestFields;
      action?: Action | null /** DRAFT only */;
      requestType?: RequestType;
    }
  | { type: "SUBMIT" }
  | {
      type: "APPROVE";
      comment?: string /** holders of the step's role in scope, minus the requester (quorum "all") */;
      eligibleApprovers?: number;
      /** The hash of the action the approver saw (actionHash): refused if the action differs now. */
      actionHash?: string;
      /** How the decision was made, when not in the app (recorded in the audit event). */
      via?: DecisionChannel;
    }
  | { type: "REJECT"; reason: string; via?: DecisionChannel }
  | { type: "REQUEST_CHANGES"; comment: string }
  | { type: "ESCALATE"; reason: string }
  | { type: "SLA_BREACH" }
  | { type: "RESUBMIT" }
  | { type: "CANCEL"; reason?: string };
export type EngineEventType = EngineEvent["type"];

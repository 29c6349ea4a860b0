/**
 * The API's resources and inputs as zod schemas: the handlers validate with them, the OpenAPI
 * document is generated from them (lib/api/v1/openapi.ts), and the API tests check every response
 * they receive against that document. Inputs reuse the forms' and services' own schemas where one
 * exists (a decision, a request's fields, an action), so the API and the UI refuse the same things.
 */
import "@/lib/zod-config"; // first: before any schema is built (CSP)
import "zod-openapi";
import { z } from "zod";
import { EvidenceSchema, MAX_TEXT_LENGTH } from "@/lib/ai/schema";
import { ScopeSchema } from "@/lib/api/scopes";
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from "@/lib/attachments/sniff";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { RoleSchema } from "@/lib/auth/roles";
import { RequestFieldsSchema, RequestTypeSchema } from "@/lib/engine/fields";
import {
  ActionSchema,
  REQUEST_STATUSES,
  ToolNameSchema,
  WorkflowDefinitionSchema,
} from "@/lib/engine/model";
import { CommentSchema } from "@/lib/forms/comment";
import { DecisionInputSchema } from "@/lib/forms/decision";
import { cleanText } from "@/lib/forms/text";
import { GraphDefinitionSchema, RUN_STATUSES } from "@/lib/graph/model";

const Uuid = z.uuid().meta({ example: "0b9e6c8e-3f7a-4a53-9a55-8f6f3f1c2d10" });
const DateTime = z.iso.datetime().meta({ example: "2026-11-30T09:15:00.000Z" });
export const RequestStatusSchema = z.enum(REQUEST_STATUSES).meta({ id: "RequestStatus" });
const RequestType = RequestTypeSchema.meta({ id: "RequestType" });
const Role = RoleSchema.meta({ id: "Role" });
const Cursor = z
  .string()
  .min(1)
  .max(200)
  .meta({ description: "The `nextCursor` of the previous page." });
const Limit = z.coerce
  .number()
  .int()
  .min(1)
  .max(200)
  .default(50)
  .meta({ description: "Items per page (1–200)." });

export const RequestActionSchema = z
  .enum([
    "edit",
    "submit",
    "resubmit",
    "cancel",
    "approve",
    "reject",
    "request_changes",
    "escalate",
  ])
  .meta({ id: "RequestAction", description: "What the caller may do now, by the engine's rules." });

// ---------------------------------------------------------------------------------------------
// Problems

export const FieldIssueSchema = z
  .object({
    field: z
      .string()
      .meta({ description: "Dotted path of the field at fault.", example: "fields.amount" }),
    message: z.string(),
  })
  .meta({ id: "FieldIssue" });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z
      .string()
      .meta({ description: "Stable, machine-readable.", example: "VERSION_CONFLICT" }),
    requestId: z.string(),
    errors: z.array(FieldIssueSchema).optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details." });

// ---------------------------------------------------------------------------------------------
// Requests

const Person = z.object({ id: Uuid, name: z.string() }).meta({ id: "PersonRef" });

export const ActionViewSchema = z
  .object({
    tool: ToolNameSchema,
    label: z.string(),
    lines: z.array(z.string()).meta({ description: "What will happen, line by line." }),
    hash: z.string().meta({
      description: "Send it back as `actionHash` with an approval: refused if the action changed.",
    }),
  })
  .meta({ id: "ActionView" });

export const RequestSchema = z
  .object({
    id: Uuid,
    number: z.number().int(),
    reference: z.string().meta({ example: "FG-42" }),
    type: RequestType,
    title: z.string(),
    description: z.string(),
    status: RequestStatusSchema,
    version: z.number().int().meta({ description: "Also the ETag; send it as If-Match." }),
    round: z.number().int(),
    fields: RequestFieldsSchema,
    action: ActionSchema.nullable(),
    approvedAction: ActionViewSchema.nullable(),
    requester: Person,
    department: z.string().nullable(),
    step: z
      .object({
        role: Role,
        department: z.string().nullable(),
        startedAt: DateTime,
        dueAt: DateTime,
        escalated: z.boolean(),
        approvals: z.number().int(),
      })
      .nullable()
      .meta({ description: "The step waiting for a decision, if any." }),
    chain: z.object({
      steps: z.array(
        z.object({
          label: z.string(),
          role: Role,
          state: z.enum(["done", "current", "upcoming"]),
        }),
      ),
      problem: z.string().nullable(),
    }),
    ai: z
      .object({
        summary: z.string(),
        confidence: z.number(),
        warnings: z.array(z.string()),
      })
      .nullable(),
    routingWarnings: z.array(z.string()),
    permittedActions: z.array(RequestActionSchema),
    onBehalfOf: z
      .string()
      .nullable()
      .meta({ description: "The absent approver the caller would decide for (a delegation)." }),
    createdAt: DateTime,
    updatedAt: DateTime,
    submittedAt: DateTime.nullable(),
    completedAt: DateTime.nullable(),
  })
  .meta({ id: "Request" });

export const RequestSummarySchema = z
  .object({
    id: Uuid,
    number: z.number().int(),
    reference: z.string(),
    type: RequestType,
    title: z.string(),
    status: RequestStatusSchema,
    stepRole: Role.nullable(),
    stepDueAt: DateTime.nullable(),
    createdAt: DateTime,
    updatedAt: DateTime,
  })
  .meta({ id: "RequestSummary" });

export const RequestPageSchema = z
  .object({ items: z.array(RequestSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: "RequestPage" });

export const ListRequestsQuery = z
  .object({
    scope: z
      .enum(["mine", "all"])
      .default("mine")
      .meta({ description: "`all` needs the request:read-any permission (auditors, admins)." }),
    status: RequestStatusSchema.optional(),
    type: RequestType.optional(),
    q: z.string().max(200).optional().meta({ description: "Title, text or FG-number." }),
    limit: Limit,
    cursor: Cursor.optional(),
  })
  .strict();

const Text = cleanText(
  z
    .string()
    .trim()
    .min(10, "Describe what you need in a sentence or two.")
    .max(
      MAX_TEXT_LENGTH,
      `Keep the text under ${MAX_TEXT_LENGTH.toLocaleString("en")} characters.`,
    ),
);

export const CreateRequestBody = z
  .object({
    text: Text.meta({ example: "12 ergonomic chairs for the Berlin office, EUR 14,280." }),
    title: cleanText(z.string().trim().min(3).max(140)).optional(),
    type: RequestType.optional().meta({
      description:
        "The confirmed type. With it, `fields` are taken as confirmed; without it, the AI suggests type and fields and the draft awaits confirmation when it is unsure.",
    }),
    fields: RequestFieldsSchema.optional(),
    action: ActionSchema.nullable().optional().meta({
      description:
        "The action to run once approved; null for none; absent: the AI's recommendation, if any.",
    }),
    submit: z.boolean().default(false).meta({ description: "Submit at once (else a draft)." }),
  })
  .strict()
  .meta({ id: "CreateRequest" });

export const CreatedRequestSchema = z
  .object({
    request: RequestSchema,
    submitError: ProblemSchema.nullable().meta({
      description: "Why the request was saved as a draft although `submit` was asked.",
    }),
  })
  .meta({ id: "CreatedRequest" });

export const UpdateRequestBody = z
  .object({
    type: RequestType.optional(),
    fields: RequestFieldsSchema,
    action: ActionSchema.nullable().optional(),
  })
  .strict()
  .meta({ id: "UpdateRequest" });

export const CancelBody = z
  .object({ reason: cleanText(z.string().trim().max(2_000)).optional() })
  .strict()
  .meta({ id: "Cancel" });

export const DecisionBody = DecisionInputSchema.meta({ id: "Decision" });

export const CommentBody = CommentSchema.meta({ id: "Comment" });

export const CommentPostedSchema = z
  .object({
    requestId: Uuid,
    /** The comment's place in the request's audit trail (GET /requests/{id}/audit). */
    seq: z.int().positive(),
  })
  .strict()
  .meta({ id: "CommentPosted" });

export const TransitionResultSchema = z
  .object({ id: Uuid, status: RequestStatusSchema, version: z.number().int() })
  .meta({ id: "TransitionResult" });

export const RequestIdParams = z.object({
  id: z.string().meta({ description: "The request's id." }),
});

// ---------------------------------------------------------------------------------------------
// Attachments

export const ATTACHMENT_MEDIA_TYPES = Object.keys(
  ATTACHMENT_TYPES,
) as (keyof typeof ATTACHMENT_TYPES)[];

export const AttachmentSchema = z
  .object({
    id: Uuid,
    fileName: z.string(),
    mediaType: z.enum(ATTACHMENT_MEDIA_TYPES).meta({
      description: "Read from the file's content, not from its name or the uploader's word.",
    }),
    sizeBytes: z.int().min(1).max(MAX_ATTACHMENT_BYTES),
    uploadedBy: z.object({ id: Uuid, name: z.string() }),
    createdAt: DateTime,
  })
  .strict()
  .meta({ id: "Attachment" });

export const AttachmentListSchema = z
  .object({ items: z.array(AttachmentSchema) })
  .strict()
  .meta({ id: "AttachmentList" });

export const AttachmentAddedSchema = z
  .object({ attachment: AttachmentSchema })
  .strict()
  .meta({ id: "AttachmentAdded" });

export const AttachmentParams = z.object({
  id: z.string().meta({ description: "The request's id." }),
  attachmentId: z.string().meta({ description: "The file's id." }),
});

export const UploadQuery = z
  .object({
    name: z.string().trim().min(1).max(255).meta({
      description:
        "The file's name, e.g. `quote.pdf` (shown to people; a path is cut to its last part).",
    }),
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// Audit

export const AuditEventSchema = z
  .object({
    seq: z.number().int(),
    action: z.string().meta({ example: "APPROVED" }),
    description: z.string().meta({ example: "approved" }),
    actor: z.object({
      type: z.enum(["USER", "SYSTEM", "AI"]),
      id: Uuid.nullable(),
      name: z.string().nullable(),
    }),
    onBehalfOf: z.object({ id: Uuid, name: z.string().nullable() }).nullable(),
    fromStatus: RequestStatusSchema.nullable(),
    toStatus: RequestStatusSchema.nullable(),
    data: z.unknown().meta({ description: "The event's data, by its action's shape." }),
    createdAt: DateTime,
    prevHash: z.string().nullable(),
    hash: z.string().meta({ description: "SHA-256 of the event's RFC 8785 encoding." }),
  })
  .meta({ id: "AuditEvent" });

export const AuditTrailSchema = z
  .object({ stream: z.string(), events: z.array(AuditEventSchema) })
  .meta({ id: "AuditTrail" });

export const VerificationSchema = z
  .object({
    ok: z.boolean(),
    events: z.number().int(),
    head: z.string().nullable(),
    brokenAt: z.object({ seq: z.number().int() }).nullable(),
    reason: z.string().nullable(),
    checkedAt: DateTime,
  })
  .meta({ id: "AuditVerification" });

// ---------------------------------------------------------------------------------------------
// Inbox

export const InboxItemSchema = z
  .object({
    id: Uuid,
    number: z.number().int(),
    reference: z.string(),
    type: RequestType,
    title: z.string(),
    status: RequestStatusSchema,
    version: z.number().int(),
    stepRole: Role,
    stepStartedAt: DateTime.nullable(),
    stepDueAt: DateTime,
    escalated: z.boolean(),
    fields: RequestFieldsSchema,
    requesterName: z.string(),
    departmentName: z.string().nullable(),
    summary: z.string().nullable(),
    confidence: z.number().nullable(),
    warnings: z.array(z.string()),
    routingWarnings: z.array(z.string()),
    approvedAction: ActionViewSchema.nullable(),
    onBehalfOf: z.string().nullable(),
    permittedActions: z.array(RequestActionSchema),
  })
  .meta({ id: "InboxItem" });

export const InboxPageSchema = z
  .object({ items: z.array(InboxItemSchema), nextCursor: z.string().nullable() })
  .meta({ id: "InboxPage" });

export const InboxQuery = z
  .object({ type: RequestType.optional(), limit: Limit, cursor: Cursor.optional() })
  .strict();

// ---------------------------------------------------------------------------------------------
// Suggestions

const Evidence = EvidenceSchema.meta({
  id: "Evidence",
  description: "Where in the text a value was read.",
});

export const SuggestionBody = z.object({ text: Text }).strict().meta({ id: "SuggestionInput" });

export const SuggestionSchema = z
  .object({
    suggestion: z
      .object({
        type: RequestType,
        typeConfidence: z.number(),
        confidence: z.number(),
        uncertain: z.boolean(),
        title: z.string().nullable().meta({ description: "A short title the assistant suggests." }),
        summary: z.string(),
        warnings: z.array(z.string()),
        fields: z.record(
          z.string(),
          z.object({
            value: z.union([z.string(), z.number()]),
            evidence: Evidence,
            working: z.string().optional(),
            factors: z.array(Evidence).optional(),
          }),
        ),
        recommendedAction: ActionViewSchema.extend({
          params: z.record(z.string(), z.unknown()),
          rationale: z.string(),
        }).nullable(),
      })
      .nullable()
      .meta({
        description: "Null when the AI could not read the text (fill in the fields yourself).",
      }),
  })
  .meta({ id: "Suggestion" });

// ---------------------------------------------------------------------------------------------
// Workflows

export const WorkflowDefinition = WorkflowDefinitionSchema.meta({ id: "WorkflowDefinition" });

export const WorkflowVersionSchema = z
  .object({
    id: Uuid,
    type: RequestType,
    version: z.number().int(),
    name: z.string(),
    createdAt: DateTime,
    definition: WorkflowDefinition,
  })
  .meta({ id: "WorkflowVersion" });

export const WorkflowListSchema = z
  .object({
    items: z.array(
      z.object({
        type: RequestType,
        name: z.string(),
        latestVersion: z.number().int(),
        publishedAt: DateTime,
      }),
    ),
  })
  .meta({ id: "WorkflowList" });

export const WorkflowParams = z.object({
  type: RequestType,
  version: z.coerce.number().int().min(1).max(2_147_483_647),
});

export const ValidationResultSchema = z
  .object({ ok: z.boolean(), problems: z.array(FieldIssueSchema) })
  .meta({ id: "WorkflowValidation" });

/** A workflow definition as sent: checked by the engine's validation, problem by problem. */
export const WorkflowBody = z.record(z.string(), z.unknown()).meta({
  description: "A workflow definition (see WorkflowDefinition); every problem is listed.",
  override: { $ref: "#/components/schemas/WorkflowDefinition" },
});

// ---------------------------------------------------------------------------------------------
// The caller

export const MeSchema = z
  .object({
    id: Uuid,
    email: z.string(),
    name: z.string(),
    roles: z.array(Role),
    department: z.object({ id: Uuid, code: z.string(), name: z.string() }).nullable(),
    permissions: z.array(z.enum(PERMISSIONS)),
    scopes: z.array(ScopeSchema),
    token: z
      .object({ id: Uuid })
      .nullable()
      .meta({ description: "The token this call was made with; null for a browser session." }),
  })
  .meta({ id: "Me" });

// ---------------------------------------------------------------------------------------------
// Graph workflows and runs

export const GraphDefinition = GraphDefinitionSchema.meta({ id: "GraphDefinition" });

export const GraphWorkflowSchema = z
  .object({
    id: Uuid,
    key: z.string(),
    version: z.int().min(1),
    name: z.string(),
    createdAt: DateTime,
    definition: GraphDefinition,
  })
  .meta({ id: "GraphWorkflow" });

export const GraphWorkflowListSchema = z
  .object({ items: z.array(GraphWorkflowSchema) })
  .meta({ id: "GraphWorkflowList" });

/** A graph definition as sent: checked whole, every problem listed (422). */
export const GraphBody = z.record(z.string(), z.unknown()).meta({
  description: "A graph workflow definition (see GraphDefinition); every problem is listed.",
  override: { $ref: "#/components/schemas/GraphDefinition" },
});

export const GraphKeyParams = z.object({
  key: z.string().meta({ description: "The workflow's key, e.g. `code-review`." }),
});

export const ToolListSchema = z
  .object({
    items: z.array(
      z.object({
        name: z.string(),
        description: z.string(),
        kind: z.enum(["pure", "action"]),
        timeoutMs: z.int(),
        input: z.record(z.string(), z.unknown()).meta({ description: "JSON Schema of the input." }),
        output: z
          .record(z.string(), z.unknown())
          .meta({ description: "JSON Schema of the output." }),
      }),
    ),
  })
  .meta({ id: "ToolList" });

export const RunStatusSchema = z.enum(RUN_STATUSES).meta({ id: "RunStatus" });

export const RunSummarySchema = z
  .object({
    id: Uuid,
    workflow: z.object({ key: z.string(), version: z.int(), name: z.string() }),
    status: RunStatusSchema,
    activeNodes: z.array(z.string()).meta({ description: "Nodes scheduled or running now." }),
    error: z.string().nullable(),
    createdAt: DateTime,
    startedAt: DateTime.nullable(),
    finishedAt: DateTime.nullable(),
  })
  .meta({ id: "RunSummary" });

export const RunLogLineSchema = z
  .object({
    seq: z.int().min(1),
    at: DateTime,
    kind: z.string().meta({
      description:
        "run_queued, run_started, node_started, node_finished, node_failed, node_discarded, state_changed, branch_arrived, run_succeeded, run_failed, run_cancelled.",
    }),
    nodeId: z.string().optional(),
    visit: z.int().optional(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "RunLogLine" });

export const RunVisitSchema = z
  .object({
    nodeId: z.string(),
    visit: z.int(),
    status: z.enum(["RUNNING", "SUCCEEDED", "FAILED", "SKIPPED"]),
    attempts: z.int(),
    startedAt: DateTime,
    finishedAt: DateTime.nullable(),
    durationMs: z.int().nullable(),
    writtenKeys: z.array(z.string()),
    error: z.string().nullable(),
  })
  .meta({ id: "RunVisit" });

export const RunSchema = RunSummarySchema.extend({
  createdBy: Uuid.meta({ description: "The id of whoever started it." }),
  input: z.record(z.string(), z.unknown()),
  state: z.record(z.string(), z.unknown()),
  visits: z.array(RunVisitSchema),
  log: z.array(RunLogLineSchema),
  logSeq: z.int().min(0),
  definition: GraphDefinition,
}).meta({ id: "Run" });

export const RunPageSchema = z
  .object({ items: z.array(RunSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: "RunPage" });

export const StartRunBody = z
  .object({
    workflow: z.string().min(1).max(63).meta({ example: "code-review" }),
    version: z.int().min(1).optional().meta({ description: "Default: the latest." }),
    input: z
      .record(z.string(), z.unknown())
      .default({})
      .meta({
        description: "Values of the workflow's state keys.",
        example: { code: "function f(a) { return 1 }" },
      }),
  })
  .strict()
  .meta({ id: "StartRun" });

export const RunIdParams = z.object({ id: z.string().meta({ description: "The run's id." }) });

export const ListRunsQuery = z
  .object({
    scope: z
      .enum(["mine", "all"])
      .default("mine")
      .meta({ description: "`all` needs the run:read-any permission." }),
    limit: Limit,
    cursor: Cursor.optional(),
  })
  .strict();

export const RunEventsQuery = z
  .object({
    after: z.coerce
      .number()
      .int()
      .min(0)
      .max(Number.MAX_SAFE_INTEGER)
      .optional()
      .meta({ description: "Send log lines after this one (as Last-Event-ID does)." }),
  })
  .strict();

/**
 * Every operation of API v1, once: method, path, who may call it (scope and permission), the
 * schemas of its parameters, query, body and success response. The route handlers
 * (app/api/v1/**) are built from these (lib/api/v1/endpoint.ts), the OpenAPI document is
 * generated from them, and the access matrix and fuzz tests walk them, so a new operation cannot
 * be left out of any of the three.
 */
import type { z } from "zod";
import type { Scope } from "@/lib/api/scopes";
import { MAX_ATTACHMENT_BYTES } from "@/lib/attachments/sniff";
import type { Permission } from "@/lib/auth/permissions";
import * as s from "./schemas";

export type Method = "get" | "post" | "patch" | "delete";

export interface Operation {
  id: string;
  method: Method;
  /** Under /api/v1, with {name} parameters. */
  path: `/${string}`;
  tag:
    | "Requests"
    | "Attachments"
    | "Decisions"
    | "Audit"
    | "Inbox"
    | "Assistant"
    | "Workflows"
    | "Runs"
    | "Account";
  summary: string;
  description?: string;
  /** The token scope and the user permission needed (a session holds every scope). */
  scope: Scope;
  permission: Permission | null;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The handler checks the body itself (a workflow definition: every problem listed as 422). */
  bodyCheckedByHandler?: boolean;
  /**
   * The body is a file's raw bytes (any Content-Type; what it is, is read from the bytes), at most
   * this many: the handler gets them as `bytes`.
   */
  uploadMaxBytes?: number;
  /** Takes If-Match (the request's version, from its ETag); a mismatch is 412. */
  ifMatch?: boolean;
  success: {
    status: 200 | 201 | 202 | 204;
    description: string;
    /** The JSON body; none for 204 or a file. */
    schema?: z.ZodType;
    /** The body is a file of one of these types (Content-Disposition: attachment). */
    fileTypes?: readonly string[];
    /** The body is a stream of server-sent events (text/event-stream). */
    stream?: boolean;
    /** The response carries the request's version as ETag (and answers If-None-Match with 304). */
    etag?: boolean;
    /** The response carries Location: the new resource's URL. */
    location?: boolean;
  };
  /** Errors this operation can answer besides those every authenticated call can (400, 401, 403, 429, 500). */
  errors: readonly (404 | 409 | 412 | 415 | 422 | 503)[];
}

const op = <O extends Operation>(operation: O): O => operation;

const REQUEST_WRITE_ERRORS = [404, 409, 412, 415, 422] as const;

/** What every change of a request's state answers: its new status and version (the ETag). */
const TRANSITION = {
  status: 200,
  description: "The new state.",
  schema: s.TransitionResultSchema,
  etag: true,
} as const;

export const operations = {
  me: op({
    id: "getMe",
    method: "get",
    path: "/me",
    tag: "Account",
    summary: "Who the caller is: user, roles, permissions and the token's scopes",
    scope: "read",
    permission: null,
    success: { status: 200, description: "The caller.", schema: s.MeSchema },
    errors: [],
  }),
  listRequests: op({
    id: "listRequests",
    method: "get",
    path: "/requests",
    tag: "Requests",
    summary: "List requests, newest first",
    description:
      "The caller's own requests (`scope=mine`), or every request (`scope=all`, with the request:read-any permission). Paged by cursor.",
    scope: "read",
    permission: "request:read-own",
    query: s.ListRequestsQuery,
    success: { status: 200, description: "A page of requests.", schema: s.RequestPageSchema },
    errors: [],
  }),
  createRequest: op({
    id: "createRequest",
    method: "post",
    path: "/requests",
    tag: "Requests",
    summary: "Create a request from plain text, or from text and confirmed fields",
    description:
      "Without `type`, the AI reads the text and suggests type and fields (a draft the requester confirms when it is unsure). With `type` and `fields`, they are taken as confirmed. `submit: true` submits at once; when the submission is refused, the draft is kept and `submitError` says why.",
    scope: "write",
    permission: "request:create",
    body: s.CreateRequestBody,
    success: {
      status: 201,
      description: "The request.",
      schema: s.CreatedRequestSchema,
      location: true,
    },
    errors: [415, 422, 503],
  }),
  getRequest: op({
    id: "getRequest",
    method: "get",
    path: "/requests/{id}",
    tag: "Requests",
    summary: "A request, its chain and what the caller may do with it",
    scope: "read",
    permission: "request:read-own",
    params: s.RequestIdParams,
    success: { status: 200, description: "The request.", schema: s.RequestSchema, etag: true },
    errors: [404],
  }),
  updateRequest: op({
    id: "updateRequest",
    method: "patch",
    path: "/requests/{id}",
    tag: "Requests",
    summary: "Edit a draft (or a request sent back for changes): type, fields, action",
    scope: "write",
    permission: "request:create",
    params: s.RequestIdParams,
    body: s.UpdateRequestBody,
    ifMatch: true,
    success: TRANSITION,
    errors: REQUEST_WRITE_ERRORS,
  }),
  submitRequest: op({
    id: "submitRequest",
    method: "post",
    path: "/requests/{id}/submit",
    tag: "Requests",
    summary: "Submit a draft: it is routed to its first approval step",
    scope: "write",
    permission: "request:create",
    params: s.RequestIdParams,
    ifMatch: true,
    success: TRANSITION,
    errors: [...REQUEST_WRITE_ERRORS, 503],
  }),
  cancelRequest: op({
    id: "cancelRequest",
    method: "post",
    path: "/requests/{id}/cancel",
    tag: "Requests",
    summary: "Withdraw a request before its final decision",
    scope: "write",
    permission: "request:create",
    params: s.RequestIdParams,
    body: s.CancelBody,
    ifMatch: true,
    success: TRANSITION,
    errors: REQUEST_WRITE_ERRORS,
  }),
  resubmitRequest: op({
    id: "resubmitRequest",
    method: "post",
    path: "/requests/{id}/resubmit",
    tag: "Requests",
    summary: "Resubmit a request sent back for changes: a new round from the first step",
    scope: "write",
    permission: "request:create",
    params: s.RequestIdParams,
    ifMatch: true,
    success: TRANSITION,
    errors: REQUEST_WRITE_ERRORS,
  }),
  decide: op({
    id: "decide",
    method: "post",
    path: "/requests/{id}/decisions",
    tag: "Decisions",
    summary: "Decide the waiting step: approve, reject, request changes or escalate",
    description:
      "The engine checks the caller's role and department, that it is not their own request, and (with If-Match) that the request is still the version they saw. Approving a request with an action binds the approval to `actionHash`.",
    scope: "decide",
    permission: "request:decide",
    params: s.RequestIdParams,
    body: s.DecisionBody,
    ifMatch: true,
    success: TRANSITION,
    errors: REQUEST_WRITE_ERRORS,
  }),
  postComment: op({
    id: "postComment",
    method: "post",
    path: "/requests/{id}/comments",
    tag: "Requests",
    summary: "Ask or answer a question on a request, without changing its state",
    description:
      "For the request's own people: its requester, whoever may decide its waiting step, and whoever decided or commented before (others get 403 NOT_PARTICIPANT). The comment is an audit event; the others are told by mail.",
    scope: "write",
    permission: "request:read-own",
    params: s.RequestIdParams,
    body: s.CommentBody,
    success: { status: 201, description: "Posted.", schema: s.CommentPostedSchema },
    errors: [404, 415, 422],
  }),
  listAttachments: op({
    id: "listAttachments",
    method: "get",
    path: "/requests/{id}/attachments",
    tag: "Attachments",
    summary: "The files on a request, oldest first",
    scope: "read",
    permission: "request:read-own",
    params: s.RequestIdParams,
    success: { status: 200, description: "The files.", schema: s.AttachmentListSchema },
    errors: [404],
  }),
  addAttachment: op({
    id: "addAttachment",
    method: "post",
    path: "/requests/{id}/attachments",
    tag: "Attachments",
    summary: "Attach a file (a quote, an invoice, a screenshot) to a request",
    description: `Send the file's bytes as the body (any Content-Type) and its name as \`name\`: \`curl --data-binary @quote.pdf "…/attachments?name=quote.pdf"\`. Up to ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB of PDF, PNG, JPEG, WebP, plain text or CSV, told by the content. For the request's own people (others get 403 NOT_PARTICIPANT); an audit event.`,
    scope: "write",
    permission: "request:read-own",
    params: s.RequestIdParams,
    query: s.UploadQuery,
    uploadMaxBytes: MAX_ATTACHMENT_BYTES,
    success: {
      status: 201,
      description: "Attached.",
      schema: s.AttachmentAddedSchema,
      location: true,
    },
    errors: [404, 422, 503],
  }),
  getAttachment: op({
    id: "getAttachment",
    method: "get",
    path: "/requests/{id}/attachments/{attachmentId}",
    tag: "Attachments",
    summary: "Download a file",
    description:
      "The bytes as uploaded, as a download (`Content-Disposition: attachment`); the `ETag` is their SHA-256.",
    scope: "read",
    permission: "request:read-own",
    params: s.AttachmentParams,
    success: { status: 200, description: "The file.", fileTypes: s.ATTACHMENT_MEDIA_TYPES },
    errors: [404, 503],
  }),
  removeAttachment: op({
    id: "removeAttachment",
    method: "delete",
    path: "/requests/{id}/attachments/{attachmentId}",
    tag: "Attachments",
    summary: "Remove a file you attached",
    description:
      "Only whoever attached a file removes it; the audit trail keeps its name, size and digest.",
    scope: "write",
    permission: "request:read-own",
    params: s.AttachmentParams,
    success: { status: 204, description: "Removed." },
    errors: [404, 503],
  }),
  auditTrail: op({
    id: "getAuditTrail",
    method: "get",
    path: "/requests/{id}/audit",
    tag: "Audit",
    summary: "A request's hash-chained audit trail",
    scope: "read",
    permission: "request:read-own",
    params: s.RequestIdParams,
    success: { status: 200, description: "Every event, oldest first.", schema: s.AuditTrailSchema },
    errors: [404],
  }),
  verifyAuditTrail: op({
    id: "verifyAuditTrail",
    method: "get",
    path: "/requests/{id}/audit/verification",
    tag: "Audit",
    summary:
      "Verify a request's audit trail now: the chain, its head and the row against its events",
    scope: "read",
    permission: "request:read-own",
    params: s.RequestIdParams,
    success: { status: 200, description: "The verdict.", schema: s.VerificationSchema },
    errors: [404],
  }),
  inbox: op({
    id: "getInbox",
    method: "get",
    path: "/inbox",
    tag: "Inbox",
    summary: "The steps the caller may decide now, soonest due first",
    scope: "read",
    permission: "inbox:read",
    query: s.InboxQuery,
    success: { status: 200, description: "A page of the inbox.", schema: s.InboxPageSchema },
    errors: [],
  }),
  suggest: op({
    id: "suggest",
    method: "post",
    path: "/suggestions",
    tag: "Assistant",
    summary:
      "The AI's suggestion for a text (type, fields, summary, action), without saving anything",
    scope: "write",
    permission: "request:create",
    body: s.SuggestionBody,
    success: { status: 200, description: "The suggestion.", schema: s.SuggestionSchema },
    errors: [415, 422],
  }),
  listWorkflows: op({
    id: "listWorkflows",
    method: "get",
    path: "/workflows",
    tag: "Workflows",
    summary: "The published workflows: the newest version of each type",
    scope: "read",
    permission: null,
    success: { status: 200, description: "The workflows.", schema: s.WorkflowListSchema },
    errors: [],
  }),
  getWorkflowVersion: op({
    id: "getWorkflowVersion",
    method: "get",
    path: "/workflows/{type}/versions/{version}",
    tag: "Workflows",
    summary: "One version of a workflow, as published",
    scope: "read",
    permission: null,
    params: s.WorkflowParams,
    success: { status: 200, description: "The version.", schema: s.WorkflowVersionSchema },
    errors: [404],
  }),
  validateWorkflow: op({
    id: "validateWorkflow",
    method: "post",
    path: "/workflows/validate",
    tag: "Workflows",
    summary: "Check a workflow definition without publishing it",
    scope: "read",
    permission: "workflow:manage",
    body: s.WorkflowBody,
    bodyCheckedByHandler: true,
    success: {
      status: 200,
      description: "Every problem, or none.",
      schema: s.ValidationResultSchema,
    },
    errors: [415],
  }),
  publishWorkflow: op({
    id: "publishWorkflow",
    method: "post",
    path: "/workflows",
    tag: "Workflows",
    summary: "Publish a workflow definition as the next version of its type",
    description:
      "New requests of the type run on the new version; requests already submitted keep theirs.",
    scope: "admin",
    permission: "workflow:manage",
    body: s.WorkflowBody,
    bodyCheckedByHandler: true,
    success: {
      status: 201,
      description: "The published version.",
      schema: s.WorkflowVersionSchema,
      location: true,
    },
    errors: [415, 422],
  }),
  listTools: op({
    id: "listTools",
    method: "get",
    path: "/tools",
    tag: "Runs",
    summary: "The tools graph workflows can call, with their input and output schemas",
    scope: "read",
    permission: "run:start",
    success: { status: 200, description: "Every tool.", schema: s.ToolListSchema },
    errors: [],
  }),
  listGraphs: op({
    id: "listGraphWorkflows",
    method: "get",
    path: "/graphs",
    tag: "Runs",
    summary: "Graph workflows: the latest version of each",
    scope: "read",
    permission: "run:start",
    success: { status: 200, description: "The workflows.", schema: s.GraphWorkflowListSchema },
    errors: [],
  }),
  getGraph: op({
    id: "getGraphWorkflow",
    method: "get",
    path: "/graphs/{key}",
    tag: "Runs",
    summary: "A graph workflow's latest version",
    scope: "read",
    permission: "run:start",
    params: s.GraphKeyParams,
    success: { status: 200, description: "The workflow.", schema: s.GraphWorkflowSchema },
    errors: [404],
  }),
  publishGraph: op({
    id: "publishGraphWorkflow",
    method: "post",
    path: "/graphs",
    tag: "Runs",
    summary: "Publish a graph workflow as the next version of its key",
    description:
      "Checked whole before it is stored: tools and their input and output bindings, CEL conditions against the declared state, default edges, reachability, fork/join branches writing different keys. Every problem is listed (422). Runs already started keep their version.",
    scope: "admin",
    permission: "workflow:manage",
    body: s.GraphBody,
    bodyCheckedByHandler: true,
    success: {
      status: 201,
      description: "The published version.",
      schema: s.GraphWorkflowSchema,
      location: true,
    },
    errors: [415, 422],
  }),
  startRun: op({
    id: "startRun",
    method: "post",
    path: "/runs",
    tag: "Runs",
    summary: "Start a run of a graph workflow; it goes on in the background",
    description:
      "Answers at once with the run (status QUEUED); follow it with GET /runs/{id} or its events. The input is checked against the workflow's declared state (422 naming the key).",
    scope: "write",
    permission: "run:start",
    body: s.StartRunBody,
    success: { status: 202, description: "Started.", schema: s.RunSummarySchema, location: true },
    errors: [404, 415, 422],
  }),
  listRuns: op({
    id: "listRuns",
    method: "get",
    path: "/runs",
    tag: "Runs",
    summary: "Runs, newest first",
    scope: "read",
    permission: "run:start",
    query: s.ListRunsQuery,
    success: { status: 200, description: "A page of runs.", schema: s.RunPageSchema },
    errors: [],
  }),
  getRun: op({
    id: "getRun",
    method: "get",
    path: "/runs/{id}",
    tag: "Runs",
    summary: "A run: status, state, the nodes running now, each node visit and the log",
    scope: "read",
    permission: "run:start",
    params: s.RunIdParams,
    success: { status: 200, description: "The run.", schema: s.RunSchema },
    errors: [404],
  }),
  cancelRun: op({
    id: "cancelRun",
    method: "post",
    path: "/runs/{id}/cancel",
    tag: "Runs",
    summary: "Cancel a run where it stands",
    description:
      "Scheduled nodes do not start; a tool running now finishes and its result is discarded. Its starter, or whoever manages runs.",
    scope: "write",
    permission: "run:start",
    params: s.RunIdParams,
    success: { status: 200, description: "The cancelled run.", schema: s.RunSummarySchema },
    errors: [404, 409],
  }),
  runEvents: op({
    id: "streamRunEvents",
    method: "get",
    path: "/runs/{id}/events",
    tag: "Runs",
    summary: "The run's log as it happens (server-sent events)",
    description:
      "Each log line is an event `log` whose id is its number and whose data is the RunLogLine; state changes are lines of kind state_changed. Reconnecting with `Last-Event-ID` (or `?after=`) resumes after that line. The stream ends with an event `end` once the run has finished.",
    scope: "read",
    permission: "run:start",
    params: s.RunIdParams,
    query: s.RunEventsQuery,
    success: { status: 200, description: "Server-sent events.", stream: true },
    errors: [404],
  }),
} as const satisfies Record<string, Operation>;

export type OperationName = keyof typeof operations;
export const OPERATIONS: readonly Operation[] = Object.values(operations);

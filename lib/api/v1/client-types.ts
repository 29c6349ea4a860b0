/**
 * The Flowgate API v1 as TypeScript types, generated from its OpenAPI document by
 * openapi-typescript. Do not edit: run `npm run api:types`. Use with openapi-fetch:
 *   createClient<paths>({ baseUrl: "http://localhost:3000/api/v1", headers: { authorization } })
 */
export interface paths {
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who the caller is: user, roles, permissions and the token's scopes
         * @description Scope: `read`.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List requests, newest first
         * @description The caller's own requests (`scope=mine`), or every request (`scope=all`, with the request:read-any permission). Paged by cursor.
         *
         *     Scope: `read`. Permission: `request:read-own`.
         */
        get: operations["listRequests"];
        put?: never;
        /**
         * Create a request from plain text, or from text and confirmed fields
         * @description Without `type`, the AI reads the text and suggests type and fields (a draft the requester confirms when it is unsure). With `type` and `fields`, they are taken as confirmed. `submit: true` submits at once; when the submission is refused, the draft is kept and `submitError` says why.
         *
         *     Scope: `write`. Permission: `request:create`.
         */
        post: operations["createRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A request, its chain and what the caller may do with it
         * @description Scope: `read`. Permission: `request:read-own`.
         */
        get: operations["getRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit a draft (or a request sent back for changes): type, fields, action
         * @description Scope: `write`. Permission: `request:create`.
         */
        patch: operations["updateRequest"];
        trace?: never;
    };
    "/requests/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a draft: it is routed to its first approval step
         * @description Scope: `write`. Permission: `request:create`.
         */
        post: operations["submitRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw a request before its final decision
         * @description Scope: `write`. Permission: `request:create`.
         */
        post: operations["cancelRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests/{id}/resubmit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resubmit a request sent back for changes: a new round from the first step
         * @description Scope: `write`. Permission: `request:create`.
         */
        post: operations["resubmitRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests/{id}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide the waiting step: approve, reject, request changes or escalate
         * @description The engine checks the caller's role and department, that it is not their own request, and (with If-Match) that the request is still the version they saw. Approving a request with an action binds the approval to `actionHash`.
         *
         *     Scope: `decide`. Permission: `request:decide`.
         */
        post: operations["decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask or answer a question on a request, without changing its state
         * @description For the request's own people: its requester, whoever may decide its waiting step, and whoever decided or commented before (others get 403 NOT_PARTICIPANT). The comment is an audit event; the others are told by mail.
         *
         *     Scope: `write`. Permission: `request:read-own`.
         */
        post: operations["postComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The files on a request, oldest first
         * @description Scope: `read`. Permission: `request:read-own`.
         */
        get: operations["listAttachments"];
        put?: never;
        /**
         * Attach a file (a quote, an invoice, a screenshot) to a request
         * @description Send the file's bytes as the body (any Content-Type) and its name as `name`: `curl --data-binary @quote.pdf "…/attachments?name=quote.pdf"`. Up to 10 MiB of PDF, PNG, JPEG, WebP, plain text or CSV, told by the content. For the request's own people (others get 403 NOT_PARTICIPANT); an audit event.
         *
         *     Scope: `write`. Permission: `request:read-own`.
         */
        post: operations["addAttachment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a file
         * @description The bytes as uploaded, as a download (`Content-Disposition: attachment`); the `ETag` is their SHA-256.
         *
         *     Scope: `read`. Permission: `request:read-own`.
         */
        get: operations["getAttachment"];
        put?: never;
        post?: never;
        /**
         * Remove a file you attached
         * @description Only whoever attached a file removes it; the audit trail keeps its name, size and digest.
         *
         *     Scope: `write`. Permission: `request:read-own`.
         */
        delete: operations["removeAttachment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests/{id}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A request's hash-chained audit trail
         * @description Scope: `read`. Permission: `request:read-own`.
         */
        get: operations["getAuditTrail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests/{id}/audit/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify a request's audit trail now: the chain, its head and the row against its events
         * @description Scope: `read`. Permission: `request:read-own`.
         */
        get: operations["verifyAuditTrail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The steps the caller may decide now, soonest due first
         * @description Scope: `read`. Permission: `inbox:read`.
         */
        get: operations["getInbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The AI's suggestion for a text (type, fields, summary, action), without saving anything
         * @description Scope: `write`. Permission: `request:create`.
         */
        post: operations["suggest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workflows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The published workflows: the newest version of each type
         * @description Scope: `read`.
         */
        get: operations["listWorkflows"];
        put?: never;
        /**
         * Publish a workflow definition as the next version of its type
         * @description New requests of the type run on the new version; requests already submitted keep theirs.
         *
         *     Scope: `admin`. Permission: `workflow:manage`.
         */
        post: operations["publishWorkflow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workflows/{type}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One version of a workflow, as published
         * @description Scope: `read`.
         */
        get: operations["getWorkflowVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workflows/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a workflow definition without publishing it
         * @description Scope: `read`. Permission: `workflow:manage`.
         */
        post: operations["validateWorkflow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tools graph workflows can call, with their input and output schemas
         * @description Scope: `read`. Permission: `run:start`.
         */
        get: operations["listTools"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/graphs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Graph workflows: the latest version of each
         * @description Scope: `read`. Permission: `run:start`.
         */
        get: operations["listGraphWorkflows"];
        put?: never;
        /**
         * Publish a graph workflow as the next version of its key
         * @description Checked whole before it is stored: tools and their input and output bindings, CEL conditions against the declared state, default edges, reachability, fork/join branches writing different keys. Every problem is listed (422). Runs already started keep their version.
         *
         *     Scope: `admin`. Permission: `workflow:manage`.
         */
        post: operations["publishGraphWorkflow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/graphs/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A graph workflow's latest version
         * @description Scope: `read`. Permission: `run:start`.
         */
        get: operations["getGraphWorkflow"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Runs, newest first
         * @description Scope: `read`. Permission: `run:start`.
         */
        get: operations["listRuns"];
        put?: never;
        /**
         * Start a run of a graph workflow; it goes on in the background
         * @description Answers at once with the run (status QUEUED); follow it with GET /runs/{id} or its events. The input is checked against the workflow's declared state (422 naming the key).
         *
         *     Scope: `write`. Permission: `run:start`.
         */
        post: operations["startRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A run: status, state, the nodes running now, each node visit and the log
         * @description Scope: `read`. Permission: `run:start`.
         */
        get: operations["getRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a run where it stands
         * @description Scheduled nodes do not start; a tool running now finishes and its result is discarded. Its starter, or whoever manages runs.
         *
         *     Scope: `write`. Permission: `run:start`.
         */
        post: operations["cancelRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/runs/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The run's log as it happens (server-sent events)
         * @description Each log line is an event `log` whose id is its number and whose data is the RunLogLine; state changes are lines of kind state_changed. Reconnecting with `Last-Event-ID` (or `?after=`) resumes after that line. The stream ends with an event `end` once the run has finished.
         *
         *     Scope: `read`. Permission: `run:start`.
         */
        get: operations["streamRunEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @enum {string} */
        RequestStatus: "DRAFT" | "SUBMITTED" | "IN_REVIEW" | "APPROVED" | "REJECTED" | "ESCALATED" | "CHANGES_REQUESTED" | "CANCELLED";
        /** @enum {string} */
        RequestType: "PROCUREMENT" | "LEAVE" | "SUPPORT" | "GENERAL";
        CreateRequest: {
            /** @example 12 ergonomic chairs for the Berlin office, EUR 14,280. */
            text: string;
            title?: string;
            /** @description The confirmed type. With it, `fields` are taken as confirmed; without it, the AI suggests type and fields and the draft awaits confirmation when it is unsure. */
            type?: components["schemas"]["RequestType"];
            fields?: {
                amount?: number;
                currency?: string;
                days?: number;
                /** Format: date */
                startDate?: string;
                /** Format: date */
                endDate?: string;
                severity?: number;
            };
            /** @description The action to run once approved; null for none; absent: the AI's recommendation, if any. */
            action?: {
                /** @enum {string} */
                tool: "send_email" | "create_task" | "webhook";
                params: {
                    [key: string]: unknown;
                };
            } | null;
            /**
             * @description Submit at once (else a draft).
             * @default false
             */
            submit?: boolean;
        };
        UpdateRequest: {
            type?: components["schemas"]["RequestType"];
            fields: {
                amount?: number;
                currency?: string;
                days?: number;
                /** Format: date */
                startDate?: string;
                /** Format: date */
                endDate?: string;
                severity?: number;
            };
            action?: {
                /** @enum {string} */
                tool: "send_email" | "create_task" | "webhook";
                params: {
                    [key: string]: unknown;
                };
            } | null;
        };
        Cancel: {
            reason?: string;
        };
        Decision: {
            /** @constant */
            decision: "approve";
            comment?: string;
            version?: number;
            actionHash?: string;
        } | {
            /** @constant */
            decision: "reject";
            reason: string;
            version?: number;
        } | {
            /** @constant */
            decision: "request_changes";
            comment: string;
            version?: number;
        } | {
            /** @constant */
            decision: "escalate";
            reason: string;
            version?: number;
        };
        Comment: {
            body: string;
        };
        SuggestionInput: {
            text: string;
        };
        StartRun: {
            /** @example code-review */
            workflow: string;
            /** @description Default: the latest. */
            version?: number;
            /**
             * @description Values of the workflow's state keys.
             * @default {}
             * @example {
             *       "code": "function f(a) { return 1 }"
             *     }
             */
            input?: {
                [key: string]: unknown;
            };
        };
        Me: {
            /**
             * Format: uuid
             * @example 0b9e6c8e-3f7a-4a53-9a55-8f6f3f1c2d10
             */
            id: string;
            email: string;
            name: string;
            roles: components["schemas"]["Role"][];
            department: {
                /**
                 * Format: uuid
                 * @example 0b9e6c8e-3f7a-4a53-9a55-8f6f3f1c2d10
                 */
                id: string;
                code: string;
                name: string;
            } | null;
            permissions: ("request:create" | "request:read-own" | "inbox:read" | "request:decide" | "request:read-any" | "audit:read" | "user:manage" | "workflow:manage" | "system:read" | "jobs:manage" | "integration:manage" | "run:start" | "run:read-any" | "run:manage")[];
            scopes: ("read" | "write" | "decide" | "admin")[];
            /** @description The token this call was made with; null for a browser session. */
            token: {
                /**
                 * Format: uuid
                 * @example 0b9e6c8e-3f7a-4a53-9a55-8f6f3f1c2d10
                 */
                id: string;
            } | null;
        };
        /** @enum {string} */
        Role: "REQUESTER" | "MANAGER" | "FINANCE" | "DIRECTOR" | "HR" | "SUPPORT_L2" | "ADMIN" | "AUDITOR";
        /** @description RFC 9457 problem details. */
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            /**
             * @description Stable, machine-readable.
             * @example VERSION_CONFLICT
             */
            code: string;
            requestId: string;
            errors?: components["schemas"]["FieldIssue"][];
        };
        FieldIssue: {
            /**
             * @description Dotted path of the field at fault.
             * @example fields.amount
             */
            field: string;
            message: string;
        };
        RequestPage: {
            items: components["schemas"]["RequestSummary"][];
            nextCursor: string | null;
        };
        RequestSummary: {
            /**
             * Format: uuid
             * @example 0b9e6c8e-3f7a-4a53-9a55-8f6f3f1c2d10
             */
            id: string;
            number: number;
            reference: string;
            type: components["schemas"]["RequestType"];
            title: string;
            status: components["schemas"]["RequestStatus"];
            stepRole: components["schemas"]["Role"] | null;
            stepDueAt: string | null;
            /**
             * Format: date-time
             * @example 2026-11-30T09:15:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-30T09:15:00.000Z
             */
            updatedAt: string;
        };
        CreatedRequest: {
            request: components["schemas"]["Request"];
            /** @description Why the request was saved as a draft although `submit` was asked. */
            submitError: components["schemas"]["Problem"] | null;
        };
        Request: {
            /**
             * Format: uuid
             * @example 0b9e6c8e-3f7a-4a53-9a55-8f6f3f1c2d10
             */
            id: string;
            number: number;
            /** @example FG-42 */
            reference: string;
            type: components["schemas"]["RequestType"];
            title: string;
            description: string;
            status: components["schemas"]["RequestStatus"];
            /** @description Also the ETag; send it as If-Match. */
            version: number;
            round: number;
            fields: {
                amount?: number;
                currency?: string;
                days?: number;
                /** Format: date */
                startDate?: string;
                /** Format: date */
                endDate?: string;
                severity?: number;
            };
            action: {
                /** @enum {string} */
                tool: "send_email" | "create_task" | "webhook";
                params: {
                    [key: string]: unknown;
                };
            } | null;
            approvedAction: components["schemas"]["ActionView"] | null;
            requester: components["schemas"]["PersonRef"];
            department: string | null;
            /** @description The step waiting for a decision, if any. */
            step: {
                role: components["schemas"]["Role"];
                department: string | null;
                /**
                 * Format: date-time
                 * @example 2026-11-30T09:15:00.000Z
                 */
                startedAt: string;
                /**
                 * Format: date-time
                 * @example 2026-11-30T09:15:00.000Z
                 */
                dueAt: string;
                escalated: boolean;
                approvals: number;
            } | null;
            chain: {
                steps: {
                    label: string;
                    role: components["schemas"]["Role"];
                    /** @enum {string} */
                    state: "done" | "current" | "upcoming";
                }[];
                problem: string | null;
            };
            ai: {
                summary: string;
                confidence: number;
                warnings: string[];
            } | null;
            routingWarnings: string[];
            permittedActions: components["schemas"]["RequestAction"][];
            /** @description The absent approver the caller would decide for (a delegation). */
            onBehalfOf: string | null;
            /**
             * Format: date-time
             * @example 2026-11-30T09:15:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-30T09:15:00.000Z
             */
            updatedAt: string;
            submittedAt: string | null;
            completedAt: string | null;
        };
        ActionView: {
            /** @enum {string} */
            tool: "send_email" | "create_task" | "webhook";
            label: string;
            /** @description What will happen, line by line. */
            lines: string[];
            /** @description Send it back as `actionHash` with an approval: refused if the action changed. */
            hash: string;
        };
        PersonRef: {
            /**
             * Format: uuid
             * @example 0b9e6c8e-3f7a-4a53-9a55-8f6f3f1c2d10
             */
            id: string;
            name: string;
        };
        /**
         * @description What the caller may do now, by the engine's rules.
         * @enum {string}
         */
        RequestAction: "edit" | "submit" | "resubmit" | "cancel" | "approve" | "reject" | "request_changes" | "escalate";
        TransitionResult: {
            /**
             * Format: uuid
             * @example 0b9e6c8e-3f7a-4a53-9a55-8f6f3f1c2d10
             */
            id: string;
            status: components["schemas"]["RequestStatus"];
            version: number;
        };
        CommentPosted: {
            /**
             * Format: uuid
             * @example 0b9e6c8e-3f7a-4a53-9a55-8f6f3f1c2d10
             */
            requestId: string;
            seq: number;
        };
        AttachmentList: {
            items: components["schemas"]["Attachment"][];
        };
        Attachment: {
            /**
             * Format: uuid
             * @example 0b9e6c8e-3f7a-4a53-9a55-8f6f3f1c2d10
             */
            id: string;
            fileName: string;
            /**
             * @description Read from the file's content, not from its name or the uploader's word.
             * @enum {string}
             */
            mediaType: "application/pdf" | "image/png" | "image/jpeg" | "image/webp" | "text/plain" | "text/csv";
            sizeBytes: number;
            uploadedBy: {
                /**
                 * Format: uuid
                 * @example 0b9e6c8e-3f7a-4a53-9a55-8f6f3f1c2d10
                 */
                id: string;
                name: string;
            };
            /**
             * Format: date-time
             * @example 2026-11-30T09:15:00.000Z
             */
            createdAt: string;
        };
        AttachmentAdded: {
            attachment: components["schemas"]["Attachment"];
        };
        AuditTrail: {
            stream: string;
            events: components["schemas"]["AuditEvent"][];
        };
        AuditEvent: {
            seq: number;
            /** @example APPROVED */
            action: string;
            /** @example approved */
            description: string;
            actor: {
                /** @enum {string} */
                type: "USER" | "SYSTEM" | "AI";
                id: string | null;
                name: string | null;
            };
            onBehalfOf: {
                /**
                 * Format: uuid
                 * @example 0b9e6c8e-3f7a-4a53-9a55-8f6f3f1c2d10
                 */
                id: string;
                name: string | null;
            } | null;
            fromStatus: components["schemas"]["RequestStatus"] | null;
            toStatus: components["schemas"]["RequestStatus"] | null;
            /** @description The event's data, by its action's shape. */
            data: unknown;
            /**
             * Format: date-time
             * @example 2026-11-30T09:15:00.000Z
             */
            createdAt: string;
            prevHash: string | null;
            /** @description SHA-256 of the event's RFC 8785 encoding. */
            hash: string;
        };
        AuditVerification: {
            ok: boolean;
            events: number;
            head: string | null;
            brokenAt: {
                seq: number;
            } | null;
            reason: string | null;
            /**
             * Format: date-time
             * @example 2026-11-30T09:15:00.000Z
             */
            checkedAt: string;
        };
        InboxPage: {
            items: components["schemas"]["InboxItem"][];
            nextCursor: string | null;
        };
        InboxItem: {
            /**
             * Format: uuid
             * @example 0b9e6c8e-3f7a-4a53-9a55-8f6f3f1c2d10
             */
            id: string;
            number: number;
            reference: string;
            type: components["schemas"]["RequestType"];
            title: string;
            status: components["schemas"]["RequestStatus"];
            version: number;
            stepRole: components["schemas"]["Role"];
            stepStartedAt: string | null;
            /**
             * Format: date-time
             * @example 2026-11-30T09:15:00.000Z
             */
            stepDueAt: string;
            escalated: boolean;
            fields: {
                amount?: number;
                currency?: string;
                days?: number;
                /** Format: date */
                startDate?: string;
                /** Format: date */
                endDate?: string;
                severity?: number;
            };
            requesterName: string;
            departmentName: string | null;
            summary: string | null;
            confidence: number | null;
            warnings: string[];
            routingWarnings: string[];
            approvedAction: components["schemas"]["ActionView"] | null;
            onBehalfOf: string | null;
            permittedActions: components["schemas"]["RequestAction"][];
        };
        Suggestion: {
            /** @description Null when the AI could not read the text (fill in the fields yourself). */
            suggestion: {
                type: components["schemas"]["RequestType"];
                typeConfidence: number;
                confidence: number;
                uncertain: boolean;
                /** @description A short title the assistant suggests. */
                title: string | null;
                summary: string;
                warnings: string[];
                fields: {
                    [key: string]: {
                        value: string | number;
                        evidence: components["schemas"]["Evidence"];
                        working?: string;
                        factors?: components["schemas"]["Evidence"][];
                    };
                };
                recommendedAction: {
                    /** @enum {string} */
                    tool: "send_email" | "create_task" | "webhook";
                    label: string;
                    /** @description What will happen, line by line. */
                    lines: string[];
                    /** @description Send it back as `actionHash` with an approval: refused if the action changed. */
                    hash: string;
                    params: {
                        [key: string]: unknown;
                    };
                    rationale: string;
                } | null;
            } | null;
        };
        /** @description Where in the text a value was read. */
        Evidence: {
            start: number;
            end: number;
            text: string;
        };
        WorkflowList: {
            items: {
                type: components["schemas"]["RequestType"];
                name: string;
                latestVersion: number;
                /**
                 * Format: date-time
                 * @example 2026-11-30T09:15:00.000Z
                 */
                publishedAt: string;
            }[];
        };
        WorkflowVersion: {
            /**
             * Format: uuid
             * @example 0b9e6c8e-3f7a-4a53-9a55-8f6f3f1c2d10
             */
            id: string;
            type: components["schemas"]["RequestType"];
            version: number;
            name: string;
            /**
             * Format: date-time
             * @example 2026-11-30T09:15:00.000Z
             */
            createdAt: string;
            definition: components["schemas"]["WorkflowDefinition"];
        };
        WorkflowDefinition: {
            /** @enum {string} */
            type: "PROCUREMENT" | "LEAVE" | "SUPPORT" | "GENERAL";
            name: string;
            start: string;
            nodes: ({
                id: string;
                label?: string;
                /** @default 20 */
                maxVisits: number;
                /** @constant */
                kind: "enrich";
            } | {
                id: string;
                label?: string;
                /** @default 20 */
                maxVisits: number;
                /** @constant */
                kind: "branch";
            } | {
                id: string;
                label?: string;
                /** @default 20 */
                maxVisits: number;
                /** @constant */
                kind: "approval";
                /** @enum {string} */
                role: "REQUESTER" | "MANAGER" | "FINANCE" | "DIRECTOR" | "HR" | "SUPPORT_L2" | "ADMIN" | "AUDITOR";
                /** @enum {string} */
                scope?: "department" | "global";
                /** @default any */
                quorum: "any" | "all" | number;
                slaHours: number;
                /** @enum {string} */
                escalateTo: "REQUESTER" | "MANAGER" | "FINANCE" | "DIRECTOR" | "HR" | "SUPPORT_L2" | "ADMIN" | "AUDITOR";
            } | {
                id: string;
                label?: string;
                /** @default 20 */
                maxVisits: number;
                /** @constant */
                kind: "tool";
                /** @enum {string} */
                tool?: "send_email" | "create_task" | "webhook";
                params?: {
                    [key: string]: unknown;
                };
            } | {
                id: string;
                label?: string;
                /** @default 20 */
                maxVisits: number;
                /** @constant */
                kind: "end";
                /** @enum {string} */
                outcome: "APPROVED" | "REJECTED";
            })[];
            edges: {
                from: string;
                to: string;
                when?: string;
            }[];
        };
        WorkflowValidation: {
            ok: boolean;
            problems: components["schemas"]["FieldIssue"][];
        };
        ToolList: {
            items: {
                name: string;
                description: string;
                /** @enum {string} */
                kind: "pure" | "action";
                timeoutMs: number;
                /** @description JSON Schema of the input. */
                input: {
                    [key: string]: unknown;
                };
                /** @description JSON Schema of the output. */
                output: {
                    [key: string]: unknown;
                };
            }[];
        };
        GraphWorkflowList: {
            items: components["schemas"]["GraphWorkflow"][];
        };
        GraphWorkflow: {
            /**
             * Format: uuid
             * @example 0b9e6c8e-3f7a-4a53-9a55-8f6f3f1c2d10
             */
            id: string;
            key: string;
            version: number;
            name: string;
            /**
             * Format: date-time
             * @example 2026-11-30T09:15:00.000Z
             */
            createdAt: string;
            definition: components["schemas"]["GraphDefinition"];
        };
        GraphDefinition: {
            key: string;
            name: string;
            description?: string;
            state: {
                [key: string]: {
                    /** @enum {string} */
                    type: "string" | "number" | "boolean" | "list" | "object";
                    description?: string;
                    default?: unknown;
                    required?: boolean;
                };
            };
            start: string;
            nodes: ({
                id: string;
                label?: string;
                /** @default 25 */
                maxVisits: number;
                /** @constant */
                kind: "tool";
                tool: string;
                /** @default {} */
                inputs: {
                    [key: string]: {
                        state: string;
                    } | {
                        value: unknown;
                    };
                };
                /** @default {} */
                outputs: {
                    [key: string]: string;
                };
                timeoutMs?: number;
                /** @default 0 */
                retries: number;
            } | {
                id: string;
                label?: string;
                /** @default 25 */
                maxVisits: number;
                /** @constant */
                kind: "fork";
                join: string;
            } | {
                id: string;
                label?: string;
                /** @default 25 */
                maxVisits: number;
                /** @constant */
                kind: "join";
                /** @default all */
                wait: "all" | "any" | number;
            } | {
                id: string;
                label?: string;
                /** @default 25 */
                maxVisits: number;
                /** @constant */
                kind: "approval";
                inputs: {
                    [key: string]: {
                        state: string;
                    } | {
                        value: unknown;
                    };
                };
                /** @default {} */
                outputs: {
                    [key: string]: string;
                };
            } | {
                id: string;
                label?: string;
                /** @default 25 */
                maxVisits: number;
                /** @constant */
                kind: "branch";
            } | {
                id: string;
                label?: string;
                /** @default 25 */
                maxVisits: number;
                /** @constant */
                kind: "end";
                /**
                 * @default SUCCEEDED
                 * @enum {string}
                 */
                outcome: "SUCCEEDED" | "FAILED";
            })[];
            edges: {
                from: string;
                to: string;
                when?: string;
            }[];
        };
        RunSummary: {
            /**
             * Format: uuid
             * @example 0b9e6c8e-3f7a-4a53-9a55-8f6f3f1c2d10
             */
            id: string;
            workflow: {
                key: string;
                version: number;
                name: string;
            };
            status: components["schemas"]["RunStatus"];
            /** @description Nodes scheduled or running now. */
            activeNodes: string[];
            error: string | null;
            /**
             * Format: date-time
             * @example 2026-11-30T09:15:00.000Z
             */
            createdAt: string;
            startedAt: string | null;
            finishedAt: string | null;
        };
        /** @enum {string} */
        RunStatus: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED";
        RunPage: {
            items: components["schemas"]["RunSummary"][];
            nextCursor: string | null;
        };
        Run: {
            /**
             * Format: uuid
             * @example 0b9e6c8e-3f7a-4a53-9a55-8f6f3f1c2d10
             */
            id: string;
            workflow: {
                key: string;
                version: number;
                name: string;
            };
            status: components["schemas"]["RunStatus"];
            /** @description Nodes scheduled or running now. */
            activeNodes: string[];
            error: string | null;
            /**
             * Format: date-time
             * @example 2026-11-30T09:15:00.000Z
             */
            createdAt: string;
            startedAt: string | null;
            finishedAt: string | null;
            /**
             * Format: uuid
             * @description The id of whoever started it.
             * @example 0b9e6c8e-3f7a-4a53-9a55-8f6f3f1c2d10
             */
            createdBy: string;
            input: {
                [key: string]: unknown;
            };
            state: {
                [key: string]: unknown;
            };
            visits: components["schemas"]["RunVisit"][];
            log: components["schemas"]["RunLogLine"][];
            logSeq: number;
            definition: components["schemas"]["GraphDefinition"];
        };
        RunVisit: {
            nodeId: string;
            visit: number;
            /** @enum {string} */
            status: "RUNNING" | "SUCCEEDED" | "FAILED" | "SKIPPED";
            attempts: number;
            /**
             * Format: date-time
             * @example 2026-11-30T09:15:00.000Z
             */
            startedAt: string;
            finishedAt: string | null;
            durationMs: number | null;
            writtenKeys: string[];
            error: string | null;
        };
        RunLogLine: {
            seq: number;
            /**
             * Format: date-time
             * @example 2026-11-30T09:15:00.000Z
             */
            at: string;
            /** @description run_queued, run_started, node_started, node_finished, node_failed, node_discarded, state_changed, branch_arrived, run_succeeded, run_failed, run_cancelled. */
            kind: string;
            nodeId?: string;
            visit?: number;
            data: {
                [key: string]: unknown;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller. */
            200: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRequests: {
        parameters: {
            query?: {
                /** @description `all` needs the request:read-any permission (auditors, admins). */
                scope?: "mine" | "all";
                status?: components["schemas"]["RequestStatus"];
                type?: components["schemas"]["RequestType"];
                /** @description Title, text or FG-number. */
                q?: string;
                /** @description Items per page (1–200). */
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of requests. */
            200: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestPage"];
                };
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID): a retry with the same key gets the first answer again for 24 hours; the same key with another request is refused. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRequest"];
            };
        };
        responses: {
            /** @description The request. */
            201: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    /** @description The new resource. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedRequest"];
                };
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is not in a state for this, someone acted first, or the Idempotency-Key is still in use. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but refused: a missing reason, a too-short text, an invalid workflow, an Idempotency-Key reused with another body. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something the operation needs is missing (no workflow published for the type). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The request's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request. */
            200: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    /** @description The request's version. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Request"];
                };
            };
            /** @description Not modified (If-None-Match matched the ETag). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see (the two are not told apart). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description The request's ETag as last read (e.g. "3"): refused with 412 when it changed since. */
                "If-Match"?: string;
            };
            path: {
                /** @description The request's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRequest"];
            };
        };
        responses: {
            /** @description The new state. */
            200: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    /** @description The request's version. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransitionResult"];
                };
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see (the two are not told apart). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is not in a state for this, someone acted first, or the Idempotency-Key is still in use. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version the request no longer has. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but refused: a missing reason, a too-short text, an invalid workflow, an Idempotency-Key reused with another body. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description The request's ETag as last read (e.g. "3"): refused with 412 when it changed since. */
                "If-Match"?: string;
                /** @description Any unique string (a UUID): a retry with the same key gets the first answer again for 24 hours; the same key with another request is refused. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The request's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new state. */
            200: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    /** @description The request's version. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransitionResult"];
                };
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see (the two are not told apart). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is not in a state for this, someone acted first, or the Idempotency-Key is still in use. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version the request no longer has. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but refused: a missing reason, a too-short text, an invalid workflow, an Idempotency-Key reused with another body. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something the operation needs is missing (no workflow published for the type). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description The request's ETag as last read (e.g. "3"): refused with 412 when it changed since. */
                "If-Match"?: string;
                /** @description Any unique string (a UUID): a retry with the same key gets the first answer again for 24 hours; the same key with another request is refused. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The request's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Cancel"];
            };
        };
        responses: {
            /** @description The new state. */
            200: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    /** @description The request's version. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransitionResult"];
                };
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see (the two are not told apart). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is not in a state for this, someone acted first, or the Idempotency-Key is still in use. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version the request no longer has. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but refused: a missing reason, a too-short text, an invalid workflow, an Idempotency-Key reused with another body. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resubmitRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description The request's ETag as last read (e.g. "3"): refused with 412 when it changed since. */
                "If-Match"?: string;
                /** @description Any unique string (a UUID): a retry with the same key gets the first answer again for 24 hours; the same key with another request is refused. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The request's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new state. */
            200: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    /** @description The request's version. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransitionResult"];
                };
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see (the two are not told apart). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is not in a state for this, someone acted first, or the Idempotency-Key is still in use. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version the request no longer has. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but refused: a missing reason, a too-short text, an invalid workflow, an Idempotency-Key reused with another body. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    decide: {
        parameters: {
            query?: never;
            header?: {
                /** @description The request's ETag as last read (e.g. "3"): refused with 412 when it changed since. */
                "If-Match"?: string;
                /** @description Any unique string (a UUID): a retry with the same key gets the first answer again for 24 hours; the same key with another request is refused. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The request's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Decision"];
            };
        };
        responses: {
            /** @description The new state. */
            200: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    /** @description The request's version. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransitionResult"];
                };
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see (the two are not told apart). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is not in a state for this, someone acted first, or the Idempotency-Key is still in use. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a version the request no longer has. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but refused: a missing reason, a too-short text, an invalid workflow, an Idempotency-Key reused with another body. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postComment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID): a retry with the same key gets the first answer again for 24 hours; the same key with another request is refused. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The request's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Comment"];
            };
        };
        responses: {
            /** @description Posted. */
            201: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentPosted"];
                };
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see (the two are not told apart). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is not in a state for this, someone acted first, or the Idempotency-Key is still in use. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but refused: a missing reason, a too-short text, an invalid workflow, an Idempotency-Key reused with another body. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAttachments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The request's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The files. */
            200: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentList"];
                };
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see (the two are not told apart). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addAttachment: {
        parameters: {
            query: {
                /** @description The file's name, e.g. `quote.pdf` (shown to people; a path is cut to its last part). */
                name: string;
            };
            header?: {
                /** @description Any unique string (a UUID): a retry with the same key gets the first answer again for 24 hours; the same key with another request is refused. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The request's id. */
                id: string;
            };
            cookie?: never;
        };
        /** @description The file's bytes, at most 10,485,760; any Content-Type. */
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description Attached. */
            201: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    /** @description The new resource. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentAdded"];
                };
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see (the two are not told apart). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is not in a state for this, someone acted first, or the Idempotency-Key is still in use. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but refused: a missing reason, a too-short text, an invalid workflow, an Idempotency-Key reused with another body. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something the operation needs is missing (no workflow published for the type). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The request's id. */
                id: string;
                /** @description The file's id. */
                attachmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file. */
            200: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    /** @description `attachment`, with the file's name. */
                    "Content-Disposition"?: string;
                    /** @description The file's SHA-256. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "image/png": string;
                    "image/jpeg": string;
                    "image/webp": string;
                    "text/plain": string;
                    "text/csv": string;
                };
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see (the two are not told apart). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something the operation needs is missing (no workflow published for the type). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The request's id. */
                id: string;
                /** @description The file's id. */
                attachmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see (the two are not told apart). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something the operation needs is missing (no workflow published for the type). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAuditTrail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The request's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every event, oldest first. */
            200: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditTrail"];
                };
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see (the two are not told apart). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyAuditTrail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The request's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The verdict. */
            200: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerification"];
                };
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see (the two are not told apart). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInbox: {
        parameters: {
            query?: {
                type?: components["schemas"]["RequestType"];
                /** @description Items per page (1–200). */
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the inbox. */
            200: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxPage"];
                };
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    suggest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID): a retry with the same key gets the first answer again for 24 hours; the same key with another request is refused. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SuggestionInput"];
            };
        };
        responses: {
            /** @description The suggestion. */
            200: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Suggestion"];
                };
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is not in a state for this, someone acted first, or the Idempotency-Key is still in use. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but refused: a missing reason, a too-short text, an invalid workflow, an Idempotency-Key reused with another body. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWorkflows: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workflows. */
            200: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowList"];
                };
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    publishWorkflow: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID): a retry with the same key gets the first answer again for 24 hours; the same key with another request is refused. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkflowDefinition"];
            };
        };
        responses: {
            /** @description The published version. */
            201: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    /** @description The new resource. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowVersion"];
                };
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is not in a state for this, someone acted first, or the Idempotency-Key is still in use. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but refused: a missing reason, a too-short text, an invalid workflow, an Idempotency-Key reused with another body. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWorkflowVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                type: components["schemas"]["RequestType"];
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version. */
            200: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowVersion"];
                };
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see (the two are not told apart). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    validateWorkflow: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID): a retry with the same key gets the first answer again for 24 hours; the same key with another request is refused. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkflowDefinition"];
            };
        };
        responses: {
            /** @description Every problem, or none. */
            200: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowValidation"];
                };
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is not in a state for this, someone acted first, or the Idempotency-Key is still in use. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but refused: a missing reason, a too-short text, an invalid workflow, an Idempotency-Key reused with another body. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTools: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every tool. */
            200: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ToolList"];
                };
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listGraphWorkflows: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workflows. */
            200: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GraphWorkflowList"];
                };
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    publishGraphWorkflow: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID): a retry with the same key gets the first answer again for 24 hours; the same key with another request is refused. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GraphDefinition"];
            };
        };
        responses: {
            /** @description The published version. */
            201: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    /** @description The new resource. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GraphWorkflow"];
                };
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is not in a state for this, someone acted first, or the Idempotency-Key is still in use. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but refused: a missing reason, a too-short text, an invalid workflow, an Idempotency-Key reused with another body. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getGraphWorkflow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The workflow's key, e.g. `code-review`. */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workflow. */
            200: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GraphWorkflow"];
                };
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see (the two are not told apart). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRuns: {
        parameters: {
            query?: {
                /** @description `all` needs the run:read-any permission. */
                scope?: "mine" | "all";
                /** @description Items per page (1–200). */
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of runs. */
            200: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunPage"];
                };
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID): a retry with the same key gets the first answer again for 24 hours; the same key with another request is refused. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartRun"];
            };
        };
        responses: {
            /** @description Started. */
            202: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    /** @description The new resource. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunSummary"];
                };
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see (the two are not told apart). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is not in a state for this, someone acted first, or the Idempotency-Key is still in use. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but refused: a missing reason, a too-short text, an invalid workflow, an Idempotency-Key reused with another body. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The run's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run. */
            200: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Run"];
                };
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see (the two are not told apart). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string (a UUID): a retry with the same key gets the first answer again for 24 hours; the same key with another request is refused. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The run's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cancelled run. */
            200: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunSummary"];
                };
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see (the two are not told apart). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is not in a state for this, someone acted first, or the Idempotency-Key is still in use. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well-formed, but refused: a missing reason, a too-short text, an invalid workflow, an Idempotency-Key reused with another body. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    streamRunEvents: {
        parameters: {
            query?: {
                /** @description Send log lines after this one (as Last-Event-ID does). */
                after?: number;
            };
            header?: never;
            path: {
                /** @description The run's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server-sent events. */
            200: {
                headers: {
                    /** @description Calls allowed per minute. */
                    "RateLimit-Limit"?: number;
                    /** @description Calls left in this minute. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the minute resets. */
                    "RateLimit-Reset"?: number;
                    /** @description Quote it when reporting a problem. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description The call does not match this document: an unknown field, a wrong type, bad JSON, a malformed header. `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid API token (or session). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, the user the permission, or a session cookie came from another site. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see (the two are not told apart). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many calls: see Retry-After. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Our failure: quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}

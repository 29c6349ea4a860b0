/**
 * Domain errors: a specific code, the HTTP status for it, and a message safe to show to the user.
 * Anything that is not an AppError is unexpected: logged with the request id, answered generically.
 * The engine's refusals (lib/engine/errors.ts) keep their own codes here.
 */
import type { ZodError } from "zod";
import type { EngineError, EngineErrorCode } from "@/lib/engine/errors";

export const ERROR_STATUS = {
  VALIDATION_FAILED: 422,
  /** An API call that does not match its documented shape: an unknown field, a wrong type, bad JSON. */
  INVALID_REQUEST: 400,
  UNAUTHENTICATED: 401,
  /** An API token without the scope the operation needs. */
  INSUFFICIENT_SCOPE: 403,
  /** A state-changing call with the session cookie from another site (or without an Origin). */
  CROSS_SITE_REQUEST: 403,
  /** If-Match named a version the request no longer has. */
  PRECONDITION_FAILED: 412,
  /** An Idempotency-Key reused with a different method, path or body. */
  IDEMPOTENCY_KEY_REUSED: 422,
  /** An Idempotency-Key whose first request is still running. */
  IDEMPOTENCY_KEY_IN_USE: 409,
  UNSUPPORTED_MEDIA_TYPE: 415,
  FORBIDDEN: 403,
  /** Comments and files are for a request's own people (requester, approvers), not its readers. */
  NOT_PARTICIPANT: 403,
  NOT_FOUND: 404,
  /** Someone else changed the request first (optimistic concurrency), or a stale version was sent. */
  VERSION_CONFLICT: 409,
  RATE_LIMITED: 429,
  /** Something of which one may run at a time is running already (an audit verification). */
  ALREADY_RUNNING: 409,
  SERVICE_UNAVAILABLE: 503,
  /** A workflow definition with problems (each listed in `issues`). */
  INVALID_WORKFLOW: 422,
  /** The AI's suggestions are below the confidence threshold: the requester must confirm them first. */
  CONFIRMATION_REQUIRED: 422,
  // The engine's refusals:
  INVALID_STATE: 409,
  TERMINAL_STATE: 409,
  NOT_REQUESTER: 403,
  WRONG_ROLE: 403,
  OUT_OF_SCOPE: 403,
  OWN_REQUEST: 403,
  ALREADY_DECIDED: 409,
  REASON_REQUIRED: 422,
  FIELDS_LOCKED: 409,
  MISSING_FIELDS: 422,
  ALREADY_ESCALATED: 409,
  NOT_OVERDUE: 409,
  QUORUM_UNKNOWN: 500,
  ROUTING_FAILED: 422,
  VISIT_LIMIT: 422,
  BROKEN_WORKFLOW: 500,
  ACTION_CHANGED: 409,
  /** A decision link from a mail that was not signed by us, or was altered. */
  LINK_INVALID: 400,
  /** A decision link whose step is past due. */
  LINK_EXPIRED: 410,
  /** A decision link whose request changed since the mail was sent (or that was used already). */
  LINK_STALE: 409,
} as const satisfies Record<string, number> & Record<EngineErrorCode, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldIssue {
  /** Dotted path of the field at fault, e.g. "fields.amount". */
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

const FIELD_OF: Partial<Record<EngineErrorCode, string>> = { REASON_REQUIRED: "reason" };

export function fromEngineError(error: EngineError): AppError {
  const issues: FieldIssue[] = error.fields
    ? error.fields.map((field) => ({ field: `fields.${field}`, message: error.message }))
    : FIELD_OF[error.code]
      ? [{ field: FIELD_OF[error.code] as string, message: error.message }]
      : [];
  return new AppError(error.code, error.message, issues);
}

/** The field at fault for each zod issue (dotted path), for problem+json and form errors. */
export function zodIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join(".") || "(root)",
    message: issue.message,
  }));
}

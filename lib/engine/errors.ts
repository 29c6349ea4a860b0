/** The engine's typed refusals. Each code says when it is returned. */
export const ENGINE_ERROR_CODES = {
  /** The event is not allowed in the request's current state. */
  INVALID_STATE: "This action is not possible in the request's current state.",
  /** The request is APPROVED, REJECTED or CANCELLED: it accepts nothing more. */
  TERMINAL_STATE: "The request is closed.",
  /** Only the requester may do this (edit, submit, resubmit, cancel). */
  NOT_REQUESTER: "Only the requester can do this.",
  /** The actor does not hold the role the current step waits for. */
  WRONG_ROLE: "This step waits for another role.",
  /** A MANAGER step of another department. */
  OUT_OF_SCOPE: "This step belongs to another department.",
  /** Segregation of duties: nobody decides on their own request. */
  OWN_REQUEST: "You cannot decide on your own request.",
  /** This approver already approved this step (quorum N / all). */
  ALREADY_DECIDED: "You have already approved this step.",
  /** Reject and escalate need a reason, request-changes a comment. */
  REASON_REQUIRED: "A reason is required.",
  /** Fields change only in DRAFT or after changes were requested. */
  FIELDS_LOCKED: "The request's fields cannot change after submission.",
  /** Required fields of the request type are missing at submission. */
  MISSING_FIELDS: "Required fields are missing.",
  /** A step that is already escalated cannot be escalated again. */
  ALREADY_ESCALATED: "This step is already escalated.",
  /** An SLA breach was reported before the step's due time. */
  NOT_OVERDUE: "The step is not overdue.",
  /** Quorum "all" needs the number of eligible approvers. */
  QUORUM_UNKNOWN: "The number of eligible approvers is unknown.",
  /** A condition could not be evaluated (e.g. a field it needs is missing). */
  ROUTING_FAILED: "The workflow could not decide where this request goes.",
  /** A node was entered more often than its maxVisits allows (a loop). */
  VISIT_LIMIT: "The workflow looped too often.",
  /** The request's workflow version is missing a node it refers to. */
  BROKEN_WORKFLOW: "The workflow definition is inconsistent.",
  /** The action the approver saw is not the request's action now (it was edited meanwhile). */
  ACTION_CHANGED: "The request's action changed since you looked at it. Reload and check it again.",
} as const;

export type EngineErrorCode = keyof typeof ENGINE_ERROR_CODES;

export interface EngineError {
  code: EngineErrorCode;
  message: string;
  nodeId?: string;
  fields?: string[];
}

export function engineError(
  code: EngineErrorCode,
  detail?: string,
  extra: Partial<EngineError> = {},
): EngineError {
  return { code, message: detail ?? ENGINE_ERROR_CODES[code], ...extra };
}

/** Thrown inside the engine to unwind a run; converted to a result at the boundary. */
export class EngineFailure extends Error {
  constructor(readonly error: EngineError) {
    super(error.message);
  }
}

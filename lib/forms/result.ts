/** What a server action answers a form with. Client-safe (types and small helpers only). */

/** A request's state after someone else acted first, shown with a conflict. */
export interface CurrentState {
  status: string;
  /** "Approved by Fiona Finance, 2 minutes ago"-style facts: the newest timeline entry. */
  lastAction: string | null;
  lastActor: string | null;
  /** The newest action was the viewer's own (another tab or window of theirs). */
  lastByYou: boolean;
  lastAt: string | null;
  /** "step 2 of 3: FINANCE" when a step waits. */
  currentStep: string | null;
}

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | {
      ok: false;
      code: string;
      message: string;
      /** Field errors keyed by dotted path ("fields.amount", "reason"). */
      fieldErrors: Record<string, string>;
      /** The request's state now, for conflicts (someone else acted first). */
      current?: CurrentState;
    };

export type FormState<T = undefined> = ActionResult<T> | null;

/** Codes that mean "the request moved on": the page shows its new state rather than just an error. */
export const CONFLICT_CODES: ReadonlySet<string> = new Set([
  "VERSION_CONFLICT",
  "INVALID_STATE",
  "TERMINAL_STATE",
  "ALREADY_DECIDED",
  "ALREADY_ESCALATED",
]);

/** Field → its first message, keyed by dotted path ("fields.amount"): what forms show. */
export function firstErrorByField(
  issues: readonly { field: string; message: string }[],
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[issue.field] ??= issue.message;
  return errors;
}

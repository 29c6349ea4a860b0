"use client";
/** Retry or abandon (with a reason) one dead job; the server action comes in as a prop. */
import { useActionState, useId, useState } from "react";
import type { FormState } from "@/lib/forms/result";
import { useHydrated } from "./early-input";
import { Alert, buttonClass, FieldError, inputClass } from "./ui";

type Result = FormState<{ action: "retry" | "abandon"; task: string }>;

export function JobControls({
  jobId,
  action,
}: {
  jobId: string;
  action: (previous: Result, form: FormData) => Promise<Result>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [abandoning, setAbandoning] = useState(false);
  const hydrated = useHydrated();
  const reasonId = useId();
  if (state?.ok) {
    return (
      <p className="text-sm text-emerald-800" role="status">
        {state.data.action === "retry" ? "Queued again." : "Abandoned."}
      </p>
    );
  }
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="jobId" value={jobId} />
      {state && !state.ok && !state.fieldErrors.reason ? <Alert>{state.message}</Alert> : null}
      {abandoning ? (
        <div>
          <label htmlFor={reasonId} className="block text-xs font-medium text-slate-700">
            Why abandon it?
          </label>
          <input
            id={reasonId}
            name="reason"
            className={inputClass}
            aria-invalid={state && !state.ok && state.fieldErrors.reason ? true : undefined}
            aria-describedby={`${reasonId}-error`}
          />
          <FieldError
            id={`${reasonId}-error`}
            message={state && !state.ok ? state.fieldErrors.reason : undefined}
          />
        </div>
      ) : null}
      <div className="flex gap-2">
        {abandoning ? (
          <>
            <button
              type="submit"
              name="action"
              value="abandon"
              className={buttonClass.danger}
              disabled={pending}
            >
              Abandon
            </button>
            <button
              type="button"
              className={buttonClass.secondary}
              onClick={() => setAbandoning(false)}
            >
              Keep
            </button>
          </>
        ) : (
          <>
            <button
              type="submit"
              name="action"
              value="retry"
              className={buttonClass.primary}
              disabled={pending}
            >
              Retry
            </button>
            <button
              type="button"
              className={buttonClass.secondary}
              onClick={() => setAbandoning(true)}
              disabled={!hydrated}
            >
              Abandon…
            </button>
          </>
        )}
      </div>
    </form>
  );
}

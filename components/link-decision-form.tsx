"use client";
/** Confirms a decision from a mail's link (reject asks for the reason); the action comes as a prop. */
import { useActionState } from "react";
import type { FormState } from "@/lib/forms/result";
import { Alert, buttonClass, FieldError, inputClass } from "./ui";

type Result = FormState<{ status: string }>;

export function LinkDecisionForm({
  decision,
  subject,
  action,
}: {
  decision: "approve" | "reject";
  subject: string;
  action: (previous: Result, form: FormData) => Promise<Result>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) {
    return (
      <Alert
        tone="success"
        title={`${subject} ${decision === "approve" ? "approved" : "rejected"}.`}
      >
        The request is now {state.data.status.toLowerCase().replace("_", " ")}. You can close this
        page.
      </Alert>
    );
  }
  const reasonError = state && !state.ok ? state.fieldErrors.reason : undefined;
  return (
    <form action={formAction} className="space-y-3">
      {state && !state.ok && !reasonError ? <Alert>{state.message}</Alert> : null}
      {decision === "reject" ? (
        <div>
          <label htmlFor="reason" className="block text-sm font-medium text-slate-700">
            Reason for rejecting
          </label>
          <textarea
            id="reason"
            name="reason"
            rows={3}
            className={inputClass}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? "reason-error" : undefined}
          />
          <FieldError id="reason-error" message={reasonError} />
        </div>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className={decision === "approve" ? buttonClass.approve : buttonClass.danger}
      >
        {decision === "approve" ? `Approve ${subject}` : `Reject ${subject}`}
      </button>
    </form>
  );
}

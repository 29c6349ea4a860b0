"use client";
/** Choosing a password (from an invitation or reset link, or on first-run set-up). */
import { useActionState } from "react";
import { MIN_PASSWORD_LENGTH } from "@/lib/forms/person";
import type { FormState } from "@/lib/forms/result";
import { keepValuesOnSubmit } from "./keep-values";
import { Alert, buttonClass, FieldError, inputClass } from "./ui";

export function PasswordFields({ state }: { state: FormState }) {
  const error = (field: string) => (state && !state.ok ? state.fieldErrors[field] : undefined);
  return (
    <>
      {(["password", "confirm"] as const).map((name) => (
        <div key={name}>
          <label htmlFor={name} className="block text-sm font-medium text-slate-700">
            {name === "password"
              ? `Password (at least ${MIN_PASSWORD_LENGTH} characters)`
              : "The same again"}
          </label>
          <input
            id={name}
            name={name}
            type="password"
            autoComplete="new-password"
            className={inputClass}
            aria-invalid={error(name) ? true : undefined}
            aria-describedby={error(name) ? `${name}-error` : undefined}
          />
          <FieldError id={`${name}-error`} message={error(name)} />
        </div>
      ))}
    </>
  );
}

export function SetPasswordForm({
  action,
  token,
}: {
  action: (previous: FormState, form: FormData) => Promise<FormState>;
  token: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form
      action={formAction}
      onSubmit={keepValuesOnSubmit(formAction)}
      className="space-y-4"
      noValidate
    >
      {state && !state.ok && Object.keys(state.fieldErrors).length === 0 ? (
        <Alert title="Not set">{state.message}</Alert>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <PasswordFields state={state} />
      <button type="submit" className={buttonClass.primary} disabled={pending}>
        {pending ? "Saving…" : "Set password"}
      </button>
    </form>
  );
}
